"""Fill a seeded database with citizen requests and review/assessment records, using the OLD code.

Run from the root of the old checkout: ``python fill_old.py``. The citizen requests go through the
public forms (Django test Client, captcha in test mode); the review goes through the admin as the
people of a reporting unit would; the code of the old revision is used only to find the column pages.
"""

import os
import re
import sys
from datetime import date

sys.path[0] = os.getcwd()  # the checkout being tested, not this folder

import django  # noqa: E402

django.setup()

from captcha.conf import settings as captcha_settings  # noqa: E402

from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.models import Group  # noqa: E402
from django.core.files.uploadedfile import SimpleUploadedFile  # noqa: E402
from django.test import Client  # noqa: E402

from wagtail.models import Page, Workflow  # noqa: E402
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield  # noqa: E402

from columns.plugins.news import NewsPage  # noqa: E402
from portal.assessment.models import LEVEL_PROVINCE, HigherAdoption  # noqa: E402
from portal.review.models import ReportingUnit, UnitMember  # noqa: E402

captcha_settings.CAPTCHA_TEST_MODE = True  # the copy django-simple-captcha made at import
PASSWORD = "upgrade-check-password-1"
PDF = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
CAPTCHA = {"captcha_0": "x", "captcha_1": "PASSED"}
ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
XHR = {"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"}


def id_number(serial):
    body = f"33010119{80 + serial % 20:02d}0101{serial % 1000:03d}"
    return body + "10X98765432"[sum(int(d) * w for d, w in zip(body, ID_WEIGHTS, strict=True)) % 11]


def post(client, url, data, ip):
    """POST a public form from its own address (rate limits); the form must redirect."""
    response = client.post(url, data, REMOTE_ADDR=ip)
    if response.status_code != 302:
        form = response.context.get("form") if response.context else None
        errors = form.errors if form is not None else response.content.decode()[:2000]
        raise SystemExit(f"POST {url} answered {response.status_code}: {errors}")
    return response


def submission_key(client, url):
    return re.search(r'name="submission_key" value="([^"]+)"', client.get(url).content.decode()).group(1)


def live_page(model_name):
    return Page.objects.live().filter(content_type__model=model_name).first()


def citizens(client, count=3):
    for n in range(count):
        ip = f"10.0.0.{n + 1}"
        pdf = SimpleUploadedFile(f"proof-{n}.pdf", PDF, content_type="application/pdf")
        aid = {
            "applicant_name": f"赵永强{n}",
            "id_number": id_number(n),
            "phone": f"1380000{n:04d}",
            "address": "清江市青石镇青石村5组12号",
            "case_type": "labour",
            "facts": "我在青石镇某工地务工八个月，老板拖欠工资三万二千元至今未付，多次讨要无果，请求法律援助。",
            "hardship_basis": "migrant_wages",
            "truthful": "on",
            "attachments": [pdf],
            **CAPTCHA,
        }
        post(client, "/legal/aid/", aid, ip)
        question = {
            "category": "policy",
            "name": "王小明",
            "phone": f"1390000{n:04d}",
            "title": f"宅基地确权需要哪些材料？（{n}）",
            "content": "我家在青石镇，想办理宅基地确权登记，请问需要准备哪些材料，到哪里办理？",
            **CAPTCHA,
        }
        post(client, "/legal/ask/", question, ip)
        letter = {
            "name": "王小明",
            "phone": f"1370000{n:04d}",
            "category": "complaint",
            "title": f"小区门口夜间施工噪声扰民（{n}）",
            "content": "小区门口道路夜间施工，噪声很大，影响居民休息，请有关部门协调处理。",
            "attachments": [SimpleUploadedFile(f"photo-{n}.pdf", PDF, content_type="application/pdf")],
            "submission_key": submission_key(client, "/mailbox/write/"),
            **CAPTCHA,
        }
        post(client, "/mailbox/write/", letter, ip)
        mediation = live_page("mediationcolumnpage")
        if mediation is not None:
            url = mediation.url + "apply/"
            request = {
                "applicant_name": "王小明",
                "phone": f"1360000{n:04d}",
                "other_party": "李大红",
                "dispute_type": "neighbour",
                "area": "__other__",
                "area_other": "河西街道",
                "description": "邻居装修时占用公共楼道堆放建材，多次沟通无果，希望调解组织帮助协调解决。",
                "consent": "on",
                "submission_key": submission_key(client, url),
                **CAPTCHA,
            }
            post(client, url, request, ip)


def user(username, groups=(), superuser=False):
    made = get_user_model().objects.create_user(username, f"{username}@example.gov.cn", PASSWORD)
    made.is_superuser = made.is_staff = superuser
    made.save()
    made.groups.add(*Group.objects.filter(name__in=groups))
    return made


def review(client):
    """A reporting unit's item submitted to 信息报送审核流程, signed by the unit leader and passed by the office."""
    column = NewsPage.objects.live().first().get_parent().specific  # the demo site's news column
    correspondent, leader, office = user("uc_xxy"), user("uc_ld"), user("uc_office", ["办公室审核员"])
    unit = ReportingUnit.objects.create(name="升级检查市公安局", category=ReportingUnit.CATEGORY_KEY)
    unit.allowed_columns.set([column])
    UnitMember.objects.create(
        unit=unit, role=UnitMember.ROLE_CORRESPONDENT, name="信息员", phone="13800000001", user=correspondent
    )
    UnitMember.objects.create(unit=unit, role=UnitMember.ROLE_LEADER, name="领导", phone="0571-88000000", user=leader)
    unit.save()
    item = {
        "title": "公安局开展反诈宣传进社区活动",
        "slug": "upgrade-check-item",
        "publish_date": "2026-11-20 09:00",
        "source": unit.name,
        "author": "张三",
        "editor": "",
        "summary": "",
        "lead_image": "",
        "body": streamfield([("paragraph", rich_text("<p>近日，市公安局民警走进社区开展反诈宣传。</p>"))]),
        "attachments": streamfield([]),
        "action-submit": "submit",
    }
    client.force_login(correspondent)
    add = f"/admin/pages/add/{NewsPage._meta.app_label}/{NewsPage._meta.model_name}/{column.pk}/"
    response = client.post(add, nested_form_data(item))
    assert response.status_code == 302, response.content.decode()[:2000]
    page = NewsPage.objects.get(slug="upgrade-check-item")
    assert Workflow.objects.get(name="信息报送审核流程").pk == page.get_workflow().pk

    client.force_login(leader)
    state = page.current_workflow_task_state
    client.post(
        f"/admin/review/workflow/{page.pk}/approve/{state.pk}/", {"comment": "同意报送。", "password": PASSWORD}, **XHR
    )
    client.force_login(office)
    page.refresh_from_db()
    state = page.current_workflow_task_state
    client.post(f"/admin/pages/workflow/action/{page.pk}/approve/{state.pk}/", {})
    page.refresh_from_db()
    print(f"review: item {page.pk} waits at “{page.current_workflow_task.name}”")
    return unit


def assessment(client, unit):
    HigherAdoption.objects.create(
        unit=unit, platform="省委政法委网站", level=LEVEL_PROVINCE, title="反诈宣传", date=date.today()
    )
    client.force_login(user("uc_admin", superuser=True))
    today = date.today()
    response = client.post("/admin/assessment/draft/", {"kind": "month", "year": today.year, "number": today.month})
    assert response.status_code == 302, response.status_code


if __name__ == "__main__":
    browser = Client()
    citizens(browser)
    unit = review(browser)
    assessment(browser, unit)
    print("filled")
