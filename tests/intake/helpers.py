"""Real (tiny) files for upload tests, and the crafted ones every public upload must refuse."""

import io
import re
import zipfile

from PIL import Image
from pypdf import PdfWriter
from pypdf.actions import JavaScript
from pypdf.generic import NameObject, create_string_object

from django.core.files.uploadedfile import SimpleUploadedFile

GPS_IFD = 0x8825


def pdf_bytes(size=0, javascript=None, attachment=None):
    """A one-page PDF, padded to about ``size`` bytes; with JavaScript run on opening or an embedded file if asked."""
    writer = PdfWriter()
    writer.add_blank_page(200, 200)
    if size:
        writer.add_metadata({NameObject("/Subject"): create_string_object("0" * size)})
    if javascript:
        writer.add_open_action(JavaScript(javascript))
    if attachment:
        writer.add_attachment(*attachment)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def image_bytes(image_format="JPEG", size=(60, 40), gps=False, orientation=None):
    """A small photo; with ``gps`` it carries a GPS position, a camera model and a comment like a phone's photo."""
    image = Image.new("RGB", size, (200, 30, 30))
    exif = Image.Exif()
    if gps:
        exif[0x0110] = "Phone X"  # camera model
        gps_ifd = exif.get_ifd(GPS_IFD)
        gps_ifd.update({1: "N", 2: (30.0, 15.0, 36.0), 3: "E", 4: (120.0, 10.0, 12.0)})
    if orientation:
        exif[0x0112] = orientation
    buffer = io.BytesIO()
    options = {"exif": exif} if (gps or orientation) else {}
    if image_format == "JPEG" and gps:
        options["comment"] = "清江市青石镇青石村5组12号"
    image.save(buffer, image_format, **options)
    return buffer.getvalue()


def docx_bytes(document=b"<w:document/>"):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", document)
    return buffer.getvalue()


def zip_bomb_docx(unpacked_mb=300):
    """A .docx of a few hundred KB that inflates to ``unpacked_mb`` MB of zeros (streamed, never held in memory)."""
    chunk = b"\0" * (1024 * 1024)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            for _ in range(unpacked_mb):
                member.write(chunk)
    return buffer.getvalue()


def upload(name, content, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type=content_type)


# What a citizen sends through each public form: the URL of the form and a valid POST for it.

VALID_ID = "330102198506121231"


def one_time_key(client, url):
    """The one-time key the form page hands out."""
    html = client.get(url).content.decode()
    return re.search(r'name="submission_key" value="([^"]+)"', html).group(1)


def letter_data(client, **overrides):
    return {
        "name": "王小明",
        "phone": "13800001234",
        "email": "",
        "category": "complaint",
        "title": "小区门口占道经营严重影响通行",
        "content": "青石镇青石路小区门口每天早上都有摊贩占道经营，车辆和行人无法通行，希望有关部门处理。",
        "captcha_0": "x",
        "captcha_1": "PASSED",
        "submission_key": one_time_key(client, "/mailbox/write/"),
        **overrides,
    }


def question_data(client, **overrides):
    return {
        "category": "policy",
        "name": "王小明",
        "phone": "13800001234",
        "email": "",
        "title": "宅基地确权需要哪些材料？",
        "content": "我家在青石镇，想办理宅基地确权登记，请问需要准备哪些材料，到哪里办理？",
        "captcha_0": "x",
        "captcha_1": "PASSED",
        "submission_key": one_time_key(client, "/legal/ask/"),
        **overrides,
    }


def legal_aid_data(client, **overrides):
    return {
        "applicant_name": "赵永强",
        "id_number": VALID_ID,
        "phone": "13800001234",
        "address": "清江市青石镇青石村5组12号",
        "case_type": "labour",
        "facts": "我在青石镇某工地务工八个月，老板拖欠工资三万二千元至今未付，多次讨要无果，请求法律援助。",
        "hardship_basis": "migrant_wages",
        "hardship_details": "",
        "truthful": "on",
        "captcha_0": "x",
        "captcha_1": "PASSED",
        "submission_key": one_time_key(client, "/legal/aid/"),
        **overrides,
    }


def mediation_data(client, **overrides):
    return {
        "applicant_name": "王小明",
        "phone": "13800001234",
        "other_party": "李大红",
        "dispute_type": "neighbour",
        "area": "河西街道",
        "area_other": "",
        "description": "楼上邻居家卫生间漏水，导致我家天花板发霉脱落，多次协商未果，希望调解赔偿维修费用。",
        "preferred_organisation": "",
        "consent": "on",
        "captcha_0": "x",
        "captcha_1": "PASSED",
        "submission_key": one_time_key(client, "/zztj/apply/"),
        **overrides,
    }
