"""通讯录: importing reporting units' people from Excel with a row-by-row report, and exporting them."""

from io import BytesIO

import pytest
from openpyxl import Workbook, load_workbook

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

from review.contacts import HEADERS
from review.models import ReportingUnit, UnitMember
from tests.review.helpers import login

pytestmark = pytest.mark.django_db
IMPORT_URL = "/admin/review/contacts/import/"
EXPORT_URL = "/admin/review/contacts/export/"


def xlsx(rows, headers=HEADERS):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def upload(client, content, name="通讯录.xlsx"):
    return client.post(IMPORT_URL, {"file": SimpleUploadedFile(name, content)})


GOOD_ROWS = [
    [
        "乡镇",
        "测试镇",
        "信息员",
        "王小明",
        "宣传委员",
        "13900000001",
        "123456",
        "wxm001",
        "党政办",
        "wxm@example.gov.cn",
        "wxm",
    ],
    ["乡镇", "测试镇", "分管领导", "李副镇长", "副镇长", "0571-88001234", "", "", "", "", ""],
    ["重点部门", "测试市检察院", "信息员", "赵检", "", "13900000002", "", "", "办公室", "", ""],
]


def test_import_creates_units_and_people_and_is_idempotent(admin_client, home):
    user = get_user_model().objects.create_user("wxm", password="x" * 12)
    response = upload(admin_client, xlsx(GOOD_ROWS))
    assert response.status_code == 200
    html = response.content.decode()
    assert "导入完成：新建单位 2 个，新增人员 3 人，更新人员 0 人。" in html

    town = ReportingUnit.objects.get(name="测试镇")
    assert town.category == ReportingUnit.CATEGORY_TOWNSHIP
    assert {m.name: m.role for m in town.members.all()} == {"王小明": "correspondent", "李副镇长": "leader"}
    member = UnitMember.objects.get(name="王小明")
    assert member.user == user and member.qq == "123456" and member.office == "党政办"
    assert user.groups.filter(name="报送单位：测试镇").exists()

    html = upload(admin_client, xlsx(GOOD_ROWS)).content.decode()
    assert "新建单位 0 个，新增人员 0 人，更新人员 3 人" in html
    assert UnitMember.objects.count() == 3


def test_any_wrong_row_imports_nothing_and_each_is_reported(admin_client, home):
    rows = [
        [*GOOD_ROWS[0][:-1], ""],
        ["乡镇", "测试镇", "信息员", "孙五", "", "1234", "", "", "", "", ""],
        ["街道", "新单位", "信息员", "周六", "", "13900000003", "", "", "", "", ""],
        ["乡镇", "测试镇", "科员", "吴七", "", "13900000004", "abc", "", "", "not-an-email", "nobody"],
        ["乡镇", "测试镇", "信息员", "王小明", "", "13900000001", "", "", "", "", ""],
        ["乡镇", "", "信息员", "", "", "", "", "", "", "", ""],
    ]
    response = upload(admin_client, xlsx(rows))
    html = response.content.decode()
    assert "文件有误，未导入任何数据" in html
    assert "第3行" in html and "请输入有效的电话号码" in html
    assert "第4行" in html and "单位类别“街道”无效" in html
    assert "第5行" in html and "角色“科员”无效" in html and "QQ号只能包含数字" in html
    assert "电子邮箱“not-an-email”格式不正确" in html and "后台账号“nobody”不存在" in html
    assert "第6行" in html and "与第2行重复" in html
    assert "第7行" in html and "“单位名称”不能为空" in html
    assert "第2行" not in html.replace("与第2行重复", "")
    assert not ReportingUnit.objects.exists() and not UnitMember.objects.exists()


def test_unreadable_files_are_refused(admin_client, home):
    assert "请上传 .xlsx 格式" in upload(admin_client, b"a,b", name="list.csv").content.decode()
    assert "无法读取该文件" in upload(admin_client, b"not a zip").content.decode()
    html = upload(admin_client, xlsx([["x"]], headers=["姓名"])).content.decode()
    assert "表头缺少列：单位名称、角色、联系电话" in html
    assert "文件中没有数据行" in upload(admin_client, xlsx([])).content.decode()
    assert not ReportingUnit.objects.exists()


def test_export_is_the_contact_directory_and_imports_back(admin_client, people):
    response = admin_client.get(EXPORT_URL)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "attachment" in response["Content-Disposition"] and ".xlsx" in response["Content-Disposition"]
    sheet = load_workbook(BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == HEADERS
    assert ("重点部门", "测试市公安局", "分管领导", "测试市公安局领导") in [row[:4] for row in rows]
    assert ("重点部门", "测试市公安局", "信息员", "测试市公安局信息员") in [row[:4] for row in rows]
    assert len(rows) == 5

    html = upload(admin_client, response.content).content.decode()
    assert "新建单位 0 个，新增人员 0 人，更新人员 4 人" in html
    assert people.unit.members.get(user=people.leader).role == "leader"


def test_correspondents_cannot_import_or_export(client, people):
    login(client, people.correspondent)
    assert client.get(EXPORT_URL).status_code in (302, 403)
    assert upload(client, xlsx(GOOD_ROWS)).status_code in (302, 403)
    assert not ReportingUnit.objects.filter(name="测试镇").exists()


def test_import_command(home, tmp_path):
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(xlsx([["乡镇", "测试镇", "信息员", "孙五", "", "1234", "", "", "", "", ""]]))
    with pytest.raises(CommandError, match="第2行"):
        call_command("import_contacts", str(bad), verbosity=0)
    good = tmp_path / "good.xlsx"
    good.write_bytes(xlsx(GOOD_ROWS[1:]))
    call_command("import_contacts", str(good), verbosity=0)
    assert UnitMember.objects.count() == 2


def test_export_writes_formula_like_text_as_text(admin_client, people):
    """OWASP formula injection: a name that starts with = is exported as text and imports back unchanged."""
    payload = "=cmd|' /C calc'!A0"
    UnitMember.objects.create(unit=people.unit, name=payload, role=UnitMember.ROLE_CORRESPONDENT, phone="13900000009")
    UnitMember.objects.create(
        unit=people.unit, name="@SUM(1+1)", role=UnitMember.ROLE_CORRESPONDENT, phone="13900000008"
    )
    response = admin_client.get(EXPORT_URL)
    sheet = load_workbook(BytesIO(response.content)).active
    cells = [row[3] for row in sheet.iter_rows()]
    for cell in cells:
        assert cell.data_type != "f"
    names = [cell.value for cell in cells]
    assert "'" + payload in names and "'@SUM(1+1)" in names
    assert payload not in names

    html = upload(admin_client, response.content).content.decode()
    assert "新增人员 0 人" in html
    assert UnitMember.objects.filter(name=payload).count() == 1
