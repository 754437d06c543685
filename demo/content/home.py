"""Demo banner slides of the home page (data only)."""

BANNER_SLIDES = [
    {
        "title": "建设更高水平的平安清江",
        "subtitle": "坚持和发展新时代枫桥经验，守护万家灯火",
    },
    {
        "title": "厉行法治 公正为民",
        "subtitle": "让人民群众在每一个司法案件中感受到公平正义",
    },
    {
        "title": "锻造忠诚干净担当政法铁军",
        "subtitle": "深化政法队伍教育整顿成果，推动全面从严管党治警",
    },
]
