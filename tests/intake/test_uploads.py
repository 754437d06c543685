"""Public uploads are judged by their content, cleaned of photo metadata and stored under random names."""

import io
import re
import zipfile
from pathlib import Path

import pytest
from PIL import Image

from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.images import get_image_model
from wagtail.models import Collection

from legal_services.models import LegalAidApplication, LegalAidAttachment
from mailbox.models import Attachment, Letter
from tests.intake.helpers import (
    GPS_IFD,
    docx_bytes,
    image_bytes,
    legal_aid_data,
    letter_data,
    pdf_bytes,
    upload,
    zip_bomb_docx,
)

pytestmark = pytest.mark.django_db

HTML = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
SVG = b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
RANDOM_NAME = re.compile(r"^(legal_aid|mailbox)/\d{4}/\d{2}/[0-9a-f]{32}\.(pdf|jpg|png|docx)$")

ATTACKS = {
    "html_as_pdf": ("起诉状.pdf", HTML, "含有网页或脚本代码"),
    "svg_as_jpg": ("现场照片.jpg", SVG, "含有网页或脚本代码"),
    "png_as_pdf": ("证明.pdf", image_bytes("PNG"), "的内容与扩展名“.pdf”不符"),
    "pdf_with_javascript": ("判决书.pdf", pdf_bytes(javascript="app.alert('x');"), "含有脚本、自动运行动作或嵌入文件"),
    "pdf_with_embedded_file": (
        "材料.pdf",
        pdf_bytes(attachment=("run.exe", b"MZ\x90\x00")),
        "含有脚本、自动运行动作或嵌入文件",
    ),
}


def files_under(root):
    return [path for path in Path(root).rglob("*") if path.is_file()] if Path(root).exists() else []


def exif_of(data):
    with Image.open(io.BytesIO(data)) as image:
        return dict(image.getexif()), image.getexif().get_ifd(GPS_IFD), dict(image.info), image.size


def post_legal_aid(client, *files):
    return client.post("/legal/aid/", {**legal_aid_data(client), "attachments": list(files)})


def post_letter(client, *files):
    return client.post("/mailbox/write/", {**letter_data(client), "attachments": list(files)})


FORMS = {"legal_aid": (post_legal_aid, LegalAidApplication), "letter": (post_letter, Letter)}


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("attack", ATTACKS)
def test_disguised_and_active_files_are_refused_with_a_chinese_message_and_nothing_is_stored(
    client, home, private_media_root, form, attack
):
    name, content, message = ATTACKS[attack]
    post, model = FORMS[form]
    response = post(client, upload(name, content, "application/pdf"))
    html = response.content.decode()
    assert response.status_code == 200 and message in html and name in html
    assert not model.objects.exists() and not files_under(private_media_root)


def test_a_zip_bomb_named_docx_is_refused_without_unpacking_it(client, home, private_media_root, settings):
    settings.LEGAL_AID_ATTACHMENT_MAX_MB = 10
    bomb = zip_bomb_docx(300)
    assert len(bomb) < 1024 * 1024  # a few hundred KB on the wire, 300 MB once unpacked
    response = post_legal_aid(client, upload("劳动合同.docx", bomb))
    assert response.status_code == 200 and "解压后体积异常" in response.content.decode()
    assert not LegalAidApplication.objects.exists() and not files_under(private_media_root)


def test_an_office_file_is_refused_when_it_unpacks_beyond_the_setting(client, home, private_media_root, settings):
    settings.PUBLIC_UPLOAD_MAX_UNPACKED_MB = 1
    response = post_legal_aid(client, upload("证据清单.docx", docx_bytes(b"<w:document>" + b" " * 2 * 1024 * 1024)))
    assert "解压后体积异常" in response.content.decode() and not LegalAidApplication.objects.exists()


def test_a_zip_renamed_docx_is_not_an_office_document(client, home):
    fake = io.BytesIO()
    with zipfile.ZipFile(fake, "w") as archive:
        archive.writestr("payload.js", "alert(1)")
    response = post_legal_aid(client, upload("合同.docx", fake.getvalue()))
    assert "不是有效的Office文档" in response.content.decode() and not LegalAidApplication.objects.exists()


def test_real_pdfs_photos_and_word_files_are_stored_under_random_names_with_the_original_name_as_data(
    client, home, private_media_root
):
    files = [
        upload("张三身份证.jpg", image_bytes()),
        upload("低保证.pdf", pdf_bytes()),
        upload("劳动合同.docx", docx_bytes()),
    ]
    response = post_legal_aid(client, *files)
    assert response.status_code == 302
    attachments = list(LegalAidAttachment.objects.order_by("pk"))
    assert [attachment.original_name for attachment in attachments] == ["张三身份证.jpg", "低保证.pdf", "劳动合同.docx"]
    for attachment in attachments:
        assert RANDOM_NAME.match(attachment.file.name), attachment.file.name
        assert (private_media_root / attachment.file.name).is_file()


@pytest.mark.parametrize("form", ["legal_aid", "letter"])
def test_gps_and_camera_data_are_stripped_from_uploaded_photos(client, home, private_media_root, form):
    photo = image_bytes("JPEG", gps=True)
    exif, gps, info, _size = exif_of(photo)
    assert gps and exif[0x0110] == "Phone X" and "comment" in info  # the photo really carries them
    post, _model = FORMS[form]
    assert post(client, upload("现场照片.jpg", photo)).status_code == 302
    attachment = (LegalAidAttachment if form == "legal_aid" else Attachment).objects.get()
    stored = (private_media_root / attachment.file.name).read_bytes()
    exif, gps, info, _size = exif_of(stored)
    assert not exif and not gps and "comment" not in info and "exif" not in info and b"Phone X" not in stored
    assert attachment.size == len(stored)


def test_png_metadata_is_stripped_too(client, home, private_media_root):
    assert post_letter(client, upload("截图.png", image_bytes("PNG", gps=True))).status_code == 302
    stored = (private_media_root / Attachment.objects.get().file.name).read_bytes()
    exif, gps, info, _size = exif_of(stored)
    assert not exif and not gps and "exif" not in info


def test_a_photo_taken_sideways_stays_upright_without_its_orientation_tag(client, home, private_media_root):
    photo = image_bytes("JPEG", size=(60, 40), orientation=6)  # "rotate 90° clockwise to view"
    assert post_legal_aid(client, upload("侧拍.jpg", photo)).status_code == 302
    exif, _gps, _info, size = exif_of((private_media_root / LegalAidAttachment.objects.get().file.name).read_bytes())
    assert size == (40, 60) and 0x0112 not in exif


def test_an_editors_photo_loses_its_metadata_in_the_original_and_every_rendition(admin_client, home, media_root):
    photo = image_bytes("JPEG", size=(120, 80), gps=True)
    response = admin_client.post(
        "/admin/images/add/",
        {
            "title": "现场照片",
            "file": SimpleUploadedFile("现场照片.jpg", photo),
            "collection": Collection.get_first_root_node().pk,
        },
    )
    assert response.status_code == 302
    image = get_image_model().objects.get()
    original = Path(image.file.path).read_bytes()
    exif, gps, info, _size = exif_of(original)
    assert not exif and not gps and "comment" not in info and b"Phone X" not in original
    assert image.file_size == len(original)
    rendition = image.get_rendition("fill-60x40")
    exif, gps, info, _size = exif_of(Path(rendition.file.path).read_bytes())
    assert not exif and not gps and "comment" not in info


def test_an_editors_photo_from_the_multiple_uploader_is_stripped_too(admin_client, home, media_root):
    photo = image_bytes("JPEG", size=(120, 80), gps=True)
    response = admin_client.post(
        "/admin/images/multiple/add/",
        {"files[]": SimpleUploadedFile("a.jpg", photo), "collection": Collection.get_first_root_node().pk},
    )
    assert response.status_code == 200 and response.json()["success"]
    image = get_image_model().objects.get()
    exif, gps, _info, _size = exif_of(Path(image.file.path).read_bytes())
    assert not exif and not gps
