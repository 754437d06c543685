"""Demo content of the grid column plugin (``manage.py seed_demo``)."""

from datetime import timedelta

from django.utils import timezone

from columns.plugins.grid.models import CommunityPage, GridPage, StreetPage

from . import seeds
from .images import ensure_demo_image


@seeds("grid.gridcolumnpage")
def seed_grid(column):
    now = timezone.now()
    for street_spec in DEMO_DIRECTORY:
        street = StreetPage.objects.child_of(column).filter(slug=street_spec["slug"]).first()
        if street is None:
            street = StreetPage(title=street_spec["title"], slug=street_spec["slug"], intro=street_spec["intro"])
            column.add_child(instance=street)
            street.save_revision().publish()
        for community_spec in street_spec["communities"]:
            community = CommunityPage.objects.child_of(street).filter(slug=community_spec["slug"]).first()
            if community is None:
                community = CommunityPage(
                    title=community_spec["title"], slug=community_spec["slug"], intro=community_spec["intro"]
                )
                street.add_child(instance=community)
                community.save_revision().publish()
            for grid_spec in community_spec["grids"]:
                if GridPage.objects.child_of(community).filter(slug=grid_spec["slug"]).exists():
                    continue
                grid = GridPage(
                    title=grid_spec["title"],
                    slug=grid_spec["slug"],
                    grid_number=grid_spec["number"],
                    worker_name=grid_spec["worker"],
                    worker_phone=grid_spec["phone"],
                    worker_photo=ensure_demo_image(
                        f"示范图片：网格员{grid_spec['worker']}", f"grid-{grid_spec['slug']}", 300, 400
                    ),
                    area=grid_spec["area"],
                    publish_date=now - timedelta(days=20),
                    source=street.title,
                )
                community.add_child(instance=grid)
                grid.save_revision().publish()


DEMO_DIRECTORY = [
    {
        "slug": "hexi",
        "title": "河西街道",
        "intro": "河西街道办事处：清江市河西路200号，服务电话0571-88000100（示例号码）。",
        "communities": [
            {
                "slug": "liuan",
                "title": "柳岸社区",
                "intro": "社区党群服务中心：柳岸小区南门，工作日8:30—17:30。",
                "grids": [
                    {
                        "slug": "liuan-1",
                        "title": "柳岸社区第一网格",
                        "number": "HX-LA-01",
                        "worker": "周丽娟",
                        "phone": "13800000101",
                        "area": "柳岸小区1—12幢；滨江路88号至120号沿街商铺。",
                    },
                    {
                        "slug": "liuan-2",
                        "title": "柳岸社区第二网格",
                        "number": "HX-LA-02",
                        "worker": "王建国",
                        "phone": "0571-88000102",
                        "area": "柳岸小区13—24幢；柳岸幼儿园；滨江路122号至160号。",
                    },
                ],
            },
            {
                "slug": "qiaotou",
                "title": "桥头社区",
                "intro": "社区党群服务中心：桥头路15号，工作日8:30—17:30。",
                "grids": [
                    {
                        "slug": "qiaotou-1",
                        "title": "桥头社区第一网格",
                        "number": "HX-QT-01",
                        "worker": "李秀梅",
                        "phone": "13800000103",
                        "area": "桥头新村1—8幢；桥头路1号至45号；河西农贸市场。",
                    },
                    {
                        "slug": "qiaotou-2",
                        "title": "桥头社区第二网格",
                        "number": "HX-QT-02",
                        "worker": "赵志刚",
                        "phone": "0571-88000104",
                        "area": "翠湖苑全部楼栋；桥头路47号至99号；河西小学。",
                    },
                ],
            },
        ],
    },
    {
        "slug": "chengnan",
        "title": "城南街道",
        "intro": "城南街道办事处：清江市南门大街66号，服务电话0571-88000300（示例号码）。",
        "communities": [
            {
                "slug": "nanmen",
                "title": "南门社区",
                "intro": "社区党群服务中心：南门大街70号，工作日8:30—17:30。",
                "grids": [
                    {
                        "slug": "nanmen-1",
                        "title": "南门社区第一网格",
                        "number": "CN-NM-01",
                        "worker": "何丽华",
                        "phone": "13800000301",
                        "area": "南门小区1—9幢；南门大街1号至65号；城南农贸市场。",
                    },
                ],
            },
            {
                "slug": "wenchang",
                "title": "文昌社区",
                "intro": "社区党群服务中心：文昌路18号，工作日8:30—17:30。",
                "grids": [
                    {
                        "slug": "wenchang-1",
                        "title": "文昌社区第一网格",
                        "number": "CN-WC-01",
                        "worker": "冯国强",
                        "phone": "0571-88000302",
                        "area": "文昌花园全部楼栋；文昌路1号至99号；城南中学。",
                    },
                ],
            },
        ],
    },
    {
        "slug": "qingshi",
        "title": "青石镇",
        "intro": "青石镇人民政府：青石镇人民路1号，服务电话0571-88000200（示例号码）。",
        "communities": [
            {
                "slug": "shiqiao",
                "title": "石桥社区",
                "intro": "社区服务中心：石桥街38号，工作日8:30—17:00。",
                "grids": [
                    {
                        "slug": "shiqiao-1",
                        "title": "石桥社区第一网格",
                        "number": "QS-SQ-01",
                        "worker": "孙晓燕",
                        "phone": "13800000201",
                        "area": "石桥街1号至80号；青石镇卫生院；老街菜场。",
                    },
                    {
                        "slug": "shiqiao-2",
                        "title": "石桥社区第二网格",
                        "number": "QS-SQ-02",
                        "worker": "钱卫东",
                        "phone": "0571-88000202",
                        "area": "石桥花园1—10幢；人民路100号至180号。",
                    },
                ],
            },
            {
                "slug": "lingxia",
                "title": "岭下村",
                "intro": "村便民服务中心：岭下村文化礼堂一楼，每天8:00—17:00。",
                "grids": [
                    {
                        "slug": "lingxia-1",
                        "title": "岭下村第一网格",
                        "number": "QS-LX-01",
                        "worker": "吴海峰",
                        "phone": "13800000203",
                        "area": "岭下村上片自然村（上岭、茶园坞）；岭下茶场。",
                    },
                    {
                        "slug": "lingxia-2",
                        "title": "岭下村第二网格",
                        "number": "QS-LX-02",
                        "worker": "郑春兰",
                        "phone": "0571-88000204",
                        "area": "岭下村下片自然村（下岭、溪口）；岭下村文化礼堂；柳湾公路沿线。",
                    },
                ],
            },
        ],
    },
]
