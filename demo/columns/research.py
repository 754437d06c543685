"""Demo content of the research column plugin (``manage.py seed_demo``)."""

from datetime import timedelta

from django.core.files.base import ContentFile
from django.utils import timezone

from wagtail.documents import get_document_model

from columns.plugins.research.models import ResearchReportPage

from . import seeds


@seeds("research.researchcolumnpage")
def seed_research(column):
    now = timezone.now()
    for spec in DEMO_REPORTS:
        if ResearchReportPage.objects.child_of(column).filter(slug=spec["slug"]).exists():
            continue
        item = ResearchReportPage(
            title=spec["title"],
            slug=spec["slug"],
            publish_date=now - timedelta(days=spec["days_ago"]),
            author_units=spec["author_units"],
            summary=spec["summary"],
            source=spec["author_units"].split("、")[0],
            report=demo_report_document(spec),
            body=[("paragraph", f"<p>{paragraph}</p>") for paragraph in spec["paragraphs"]],
        )
        column.add_child(instance=item)
        item.save_revision().publish()


def demo_report_document(spec):
    """The demo report file, looked up by title first so seeding twice adds nothing."""
    document_model = get_document_model()
    title = f"调研报告：{spec['title']}"
    document = document_model.objects.filter(title=title).first()
    if document is None:
        pdf = demo_report_pdf(spec["title"], [spec["author_units"], *spec["paragraphs"]])
        document = document_model(title=title, file=ContentFile(pdf, name=f"{spec['slug']}.pdf"))
        document._set_document_file_metadata()
        document.save()
    return document


def demo_report_pdf(title, paragraphs, chars_per_line=38):
    """A one-page PDF in the standard CJK font STSong-Light, so demo downloads open in any reader without fonts."""
    lines = [title, ""]
    for paragraph in paragraphs:
        text = "　　" + paragraph
        lines.extend(text[start : start + chars_per_line] for start in range(0, len(text), chars_per_line))
    shown = " T* ".join(f"<{line.encode('utf-16-be').hex()}> Tj" for line in lines[:44])
    stream = f"BT /F1 12 Tf 60 780 Td 17 TL {shown} ET".encode("ascii")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >>"
        b" /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
        b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [6 0 R] >>",
        b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light"
        b" /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor 7 0 R >>",
        b"<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880]"
        b" /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>",
    ]
    output = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(output))
        output += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(output)
    output += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    output += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    output += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(output)


DEMO_REPORTS = [
    {
        "slug": "dcyj-grassroots-mediation",
        "title": "关于我市基层矛盾纠纷多元化解工作的调研报告",
        "days_ago": 20,
        "author_units": "市委政法委基层社会治理科、市司法局人民参与和促进法治处",
        "summary": "课题组走访青石镇、河西街道等12个镇街，梳理基层矛盾纠纷化解的经验与短板，提出五方面对策建议。",
        "paragraphs": [
            "今年以来，课题组采取实地走访、座谈交流、问卷调查相结合的方式，"
            "对全市基层矛盾纠纷多元化解工作开展专题调研，共走访12个镇（街道）、36个村（社区），回收有效问卷1200余份。",
            "调研发现，全市已建成镇级矛盾纠纷调处化解中心全覆盖，“一站式接收、一揽子调处、全链条解决”的工作格局基本形成，"
            "但仍存在专职调解力量不足、行业性专业性调解组织覆盖不全、诉调对接衔接不畅等问题。",
            "课题组建议，进一步充实专职调解员队伍，推动物业、医疗、婚姻家庭等领域专业调解组织建设，"
            "完善诉前调解、司法确认工作机制，把更多矛盾纠纷化解在基层、化解在萌芽状态。",
        ],
    },
    {
        "slug": "dcyj-telecom-fraud-youth",
        "title": "青少年涉电信网络诈骗犯罪情况调研报告",
        "days_ago": 65,
        "author_units": "市人民检察院第四检察部、市公安局刑事侦查支队",
        "summary": "分析近三年全市青少年涉“帮信”等电信网络诈骗关联犯罪案件特点和成因，提出源头预防建议。",
        "paragraphs": [
            "近三年，全市检察机关受理审查起诉的涉电信网络诈骗关联犯罪中，18至25周岁青年占比较高，"
            "其中在校学生出租、出售银行卡和电话卡的情形较为突出。",
            "调研认为，法治意识淡薄、贪图小利、对犯罪后果认识不足是主要成因，部分不法分子通过兼职群、游戏群等渠道拉拢青少年。",
            "建议学校、家庭、社会协同发力，常态化开展法治进校园活动，加强“两卡”源头治理和涉案账户监测预警。",
        ],
    },
    {
        "slug": "dcyj-rural-legal-services",
        "title": "柳湾乡“法律明白人”培养工程调研报告",
        "days_ago": 140,
        "author_units": "市委全面依法治市委员会办公室",
        "summary": "总结柳湾乡培养“法律明白人”参与村级事务、化解邻里纠纷的做法，评估成效并提出推广建议。",
        "paragraphs": [
            "柳湾乡按照每村不少于5名的标准培养“法律明白人”，重点从村“两委”干部、网格员、退役军人和乡贤中选拔。",
            "调研显示，“法律明白人”参与调处的邻里纠纷、土地承包纠纷调解成功率较高，群众“遇事找法”的意识明显增强。",
            "建议在全市推广柳湾乡经验，建立“法律明白人”培训、考核和激励机制，并与村（居）法律顾问制度有效衔接。",
        ],
    },
]
