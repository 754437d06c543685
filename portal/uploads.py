"""Files the public sends: judged by their content, cleaned of hidden metadata, stored under random names.

One implementation for every public form (letters, legal aid, and any form added later):

* ``validate_public_upload(file, allowed)`` sniffs the content (``filetype`` plus our own checks). HTML,
  SVG and scripts are refused whatever the file is called; the sniffed type must match the extension
  and be one of ``allowed``; images must decode as what they claim; PDFs are parsed with pypdf and
  refused when they carry JavaScript, launch actions or embedded files; Office files (docx, xlsx) are
  opened as zip archives and refused when they would decompress to more than
  ``PUBLIC_UPLOAD_MAX_UNPACKED_MB`` or hold absurd ratios or entry counts (zip bombs), without writing
  anything to disk.
* ``strip_image_metadata(file)`` re-encodes JPEG, PNG and WebP photos without EXIF (GPS position,
  camera, time), XMP or comments, turned upright first so that the orientation survives.
* ``clean_public_upload`` does both; ``RandomName`` is an ``upload_to`` that never uses the sender's
  file name (which may be a name, an ID number or a path).

Every refusal is a ``ValidationError`` whose Chinese message names the file and says what to do.
"""

import io
import re
import uuid
import zipfile
from dataclasses import dataclass

import filetype
from PIL import Image, ImageOps, UnidentifiedImageError
from pypdf import PdfReader
from pypdf.errors import PyPdfError
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NameObject

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.deconstruct import deconstructible

# extension → (content type, the extension filetype reports, Pillow format or None)
KINDS = {
    "jpg": ("image/jpeg", "jpg", "JPEG"),
    "jpeg": ("image/jpeg", "jpg", "JPEG"),
    "png": ("image/png", "png", "PNG"),
    "gif": ("image/gif", "gif", "GIF"),
    "webp": ("image/webp", "webp", "WEBP"),
    "pdf": ("application/pdf", "pdf", None),
    "doc": ("application/msword", "doc", None),
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx", None),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx", None),
}
# What filetype may call an Office file whose first zip entries it does not recognise.
OOXML_PARTS = {"docx": "word/document.xml", "xlsx": "xl/workbook.xml"}
STRIPPED_FORMATS = {"JPEG", "PNG", "WEBP"}

MARKUP = re.compile(
    rb"<\s*(?:!doctype|html|head|body|script|svg|iframe|object|embed|meta|link|style|a\s|img\s|\?xml)", re.IGNORECASE
)
PDF_DANGEROUS_KEYS = {"/JavaScript", "/JS", "/Launch", "/EmbeddedFile", "/EmbeddedFiles", "/RichMedia", "/XFA"}
PDF_DANGEROUS_ACTIONS = {"/JavaScript", "/Launch", "/ImportData", "/RichMediaExecute"}
PDF_MAX_OBJECTS = 200_000
ZIP_MAX_ENTRIES = 2000
ZIP_MAX_RATIO = 200
DEFAULT_MAX_UNPACKED_MB = 50


@dataclass(frozen=True)
class CheckedUpload:
    """A file that passed the checks: the (possibly cleaned) file, its real content type and extension."""

    file: object
    content_type: str
    extension: str
    original_name: str


def _refuse(name, message):
    raise ValidationError(f"文件“{name}”{message}", code="upload_refused")


def _extension(name):
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def _read(file):
    file.seek(0)
    data = file.read()
    file.seek(0)
    return data


def max_unpacked_bytes():
    return getattr(settings, "PUBLIC_UPLOAD_MAX_UNPACKED_MB", DEFAULT_MAX_UNPACKED_MB) * 1024 * 1024


def describe(allowed):
    """“JPG、PNG、PDF”: the formats a form accepts, as its help text and messages name them."""
    shown = []
    for extension in allowed:
        label = "JPG" if extension in ("jpg", "jpeg") else extension.upper()
        if label not in shown:
            shown.append(label)
    return "、".join(shown)


def validate_public_upload(file, allowed) -> CheckedUpload:
    """Check ``file`` by its content; returns what it really is, or raises ValidationError in Chinese."""
    name = getattr(file, "name", "") or "附件"
    extension = _extension(name)
    if extension not in allowed or extension not in KINDS:
        _refuse(name, f"的格式不支持，请上传{describe(allowed)}格式的文件。")
    data = _read(file)
    if not data:
        _refuse(name, "是空的，请重新选择。")
    content_type, sniffed_extension, image_format = KINDS[extension]
    guess = filetype.guess(data)
    guessed = guess.extension if guess else None
    if extension in OOXML_PARTS and guessed == "zip":
        guessed = extension  # filetype only looks at the first entries; the zip check below decides
    if guessed is None and MARKUP.search(data[:4096]):
        _refuse(name, "含有网页或脚本代码，不能上传。请上传照片、扫描件或文档本身。")
    if guessed != sniffed_extension:
        _refuse(name, f"的内容与扩展名“.{extension}”不符（不是真正的{describe([extension])}文件），请重新选择。")
    if image_format:
        _check_image(name, data, image_format)
    elif extension == "pdf":
        _check_pdf(name, data)
    elif extension in OOXML_PARTS:
        _check_office_zip(name, data, OOXML_PARTS[extension])
    return CheckedUpload(file, content_type, "jpg" if extension == "jpeg" else extension, name)


def _check_image(name, data, image_format):
    try:
        with Image.open(io.BytesIO(data)) as image:
            actual = image.format
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        _refuse(name, "不是有效的图片或已损坏，请重新选择。")
    if actual != image_format:
        _refuse(name, "不是有效的图片或已损坏，请重新选择。")


def _check_pdf(name, data):
    if b"%%EOF" not in data[-2048:]:
        _refuse(name, "不是完整的PDF文件，请重新导出后上传。")
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            _refuse(name, "已加密，无法检查，请上传未加密的PDF文件。")
        dangerous = _pdf_has_active_content(reader.trailer)
    except (PyPdfError, ValueError, TypeError, KeyError, AttributeError, RecursionError, OSError):
        _refuse(name, "不是有效的PDF文件或已损坏，请重新导出后上传。")
    if dangerous:
        _refuse(name, "含有脚本、自动运行动作或嵌入文件，不能上传。请重新“打印为PDF”后上传。")


def _pdf_has_active_content(root):
    """Walk every object reachable from the trailer (never the content of streams) looking for scripts,
    launch actions and embedded files, including those hidden in compressed object streams."""
    seen, stack, visited = set(), [root], 0
    while stack:
        item = stack.pop()
        if isinstance(item, IndirectObject):
            key = (item.idnum, item.generation)
            if key in seen:
                continue
            seen.add(key)
            item = item.get_object()
        visited += 1
        if visited > PDF_MAX_OBJECTS:
            return True  # nobody sends a scan with that many objects
        if isinstance(item, DictionaryObject):
            for key, value in item.items():
                if key in PDF_DANGEROUS_KEYS:
                    return True
                if key == "/S" and isinstance(value, NameObject) and value in PDF_DANGEROUS_ACTIONS:
                    return True
                stack.append(value)
        elif isinstance(item, ArrayObject):
            stack.extend(item)
    return False


def _check_office_zip(name, data, required_part):
    limit = max_unpacked_bytes()
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = archive.infolist()
            names = {entry.filename for entry in entries}
            if "[Content_Types].xml" not in names or required_part not in names:
                _refuse(name, "不是有效的Office文档或已损坏，请重新保存后上传。")
            if len(entries) > ZIP_MAX_ENTRIES or any(entry.filename.endswith("vbaProject.bin") for entry in entries):
                _refuse(name, "的内容异常（含宏或文件过多），不能上传。")
            declared = sum(entry.file_size for entry in entries)
            if declared > limit or any(
                entry.file_size > 1024 * 1024 and entry.file_size > ZIP_MAX_RATIO * max(entry.compress_size, 1)
                for entry in entries
            ):
                _refuse(name, "解压后体积异常（疑似压缩炸弹），不能上传。")
            # Sizes in the headers may lie: count what really comes out, stopping at the limit.
            unpacked = 0
            for entry in entries:
                with archive.open(entry) as member:
                    while chunk := member.read(1024 * 1024):
                        unpacked += len(chunk)
                        if unpacked > limit:
                            _refuse(name, "解压后体积异常（疑似压缩炸弹），不能上传。")
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, OSError, EOFError, RuntimeError):
        _refuse(name, "不是有效的Office文档或已损坏，请重新保存后上传。")


def strip_image_metadata(file):
    """The photo re-encoded without EXIF, GPS, XMP or comments (turned upright first); other files unchanged.

    Returns a ``ContentFile`` with the original name, or ``file`` itself when it is not a JPEG, PNG or WebP.
    A photo that cannot be decoded raises ValidationError.
    """
    data = _read(file)
    try:
        opened = Image.open(io.BytesIO(data))
    except (UnidentifiedImageError, OSError, ValueError):
        return file  # not an image Pillow reads (an SVG in the admin, say): nothing to re-encode
    except Image.DecompressionBombError as error:
        raise ValidationError(f"图片“{file.name}”尺寸过大，无法处理。", code="upload_refused") from error
    try:
        with opened as image:
            if image.format not in STRIPPED_FORMATS:
                return file
            image_format = image.format
            animated = getattr(image, "is_animated", False)
            orientation = image.getexif().get(0x0112, 1)
            upright = image if animated else ImageOps.exif_transpose(image)
            upright.load()
            options = _encoder_options(image, upright, image_format, orientation)
            upright.info = {key: image.info[key] for key in ("icc_profile", "transparency") if key in image.info}
            output = io.BytesIO()
            upright.save(output, format=image_format, save_all=animated, **options)
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError) as error:
        raise ValidationError(f"图片“{file.name}”无法处理，请重新选择。", code="upload_refused") from error
    return ContentFile(output.getvalue(), name=getattr(file, "name", None))


def _encoder_options(original, upright, image_format, orientation):
    if image_format == "JPEG":
        if orientation == 1 and upright is original:
            return {"quality": "keep", "subsampling": "keep", "exif": b""}
        return {"quality": 92, "exif": b""}
    if image_format == "WEBP":
        return {"lossless": original.info.get("lossless", False), "quality": 90, "exif": b"", "xmp": b""}
    return {"exif": b""}


def clean_public_upload(file, allowed) -> CheckedUpload:
    """``validate_public_upload`` and then, for photos, ``strip_image_metadata``."""
    checked = validate_public_upload(file, allowed)
    if checked.content_type in ("image/jpeg", "image/png", "image/webp"):
        return CheckedUpload(strip_image_metadata(file), checked.content_type, checked.extension, checked.original_name)
    return checked


@deconstructible(path="portal.uploads.RandomName")
class RandomName:
    """``upload_to`` giving ``<prefix>/<year>/<month>/<uuid4 hex>.<extension>``; the sender's name is never used."""

    def __init__(self, prefix):
        self.prefix = prefix

    def __call__(self, instance, filename):
        extension = _extension(filename)
        extension = extension if extension in KINDS else "bin"
        return f"{self.prefix}/{timezone.localdate():%Y/%m}/{uuid.uuid4().hex}.{extension}"

    def __eq__(self, other):
        return isinstance(other, RandomName) and other.prefix == self.prefix

    def __hash__(self):
        return hash(self.prefix)
