"""Images with renditions, attachments, audio and video in bodies, and no external assets."""

import io
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from PIL import Image as PILImage

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtailmedia.models import get_media_model

from columns.plugins.news.models import NewsPage
from tests.columns.helpers import add_items

pytestmark = pytest.mark.django_db


def png_bytes(width=800, height=600):
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), (10, 80, 160)).save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.fixture
def photo():
    image = get_image_model()(
        title="调解现场",
        description="调解员与群众面对面交流",
        file=ImageFile(io.BytesIO(png_bytes()), name="photo.png"),
    )
    image.save()
    return image


@pytest.fixture
def media_files():
    media_model = get_media_model()
    video = media_model(title="反诈宣传片", type="video", width=640, height=360)
    video.file.save("fanzha.mp4", ContentFile(b"\x00\x00\x00\x18ftypmp42"), save=False)
    video.save()
    audio = media_model(title="法治广播", type="audio")
    audio.file.save("guangbo.mp3", ContentFile(b"ID3\x03\x00\x00\x00"), save=False)
    audio.save()
    return video, audio


@pytest.fixture
def rich_item(news_column, photo, media_files):
    video, audio = media_files
    document = get_document_model()(title="实施方案")
    document.file.save("fangan.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"), save=False)
    document.save()
    item = add_items(news_column, NewsPage, 1, prefix="多媒体")[0]
    item.lead_image = photo
    item.body = [
        ("paragraph", "<p>正文第一段。</p>"),
        ("figure", {"image": photo, "alt_text": "", "caption": "现场图片"}),
        ("video", {"video": video, "caption": ""}),
        ("audio", {"audio": audio, "caption": "第一期"}),
        ("quote", {"text": "法治是最好的营商环境。", "attribution": "讲话"}),
    ]
    item.attachments = [("attachment", {"document": document, "title": ""})]
    item.save_revision().publish()
    return item


def test_item_page_renders_image_renditions_video_audio_and_attachments(client, home_with_columns, rich_item):
    response = client.get(rich_item.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'alt="调解员与群众面对面交流"' in html  # the image's description is the default alt text
    assert "<video controls" in html and "fanzha" in html
    assert "<audio controls" in html and "guangbo" in html and "第一期" in html
    assert "实施方案" in html and "download" in html and "PDF" in html
    rendition_urls = re.findall(r'src="(/media/images/[^"]+)"', html)
    assert rendition_urls
    for url in rendition_urls:
        assert (Path(settings.MEDIA_ROOT) / url.removeprefix("/media/")).is_file()


def test_attachment_is_served_by_the_site(client, home_with_columns, rich_item):
    document = get_document_model().objects.get(title="实施方案")
    response = client.get(document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")


class AssetCollector(HTMLParser):
    ATTRIBUTES = {"link": "href", "script": "src", "img": "src", "source": "src", "video": "poster", "iframe": "src"}

    def __init__(self):
        super().__init__()
        self.urls = []

    def handle_starttag(self, tag, attrs):
        wanted = self.ATTRIBUTES.get(tag)
        for name, value in attrs:
            if name == wanted and value:
                self.urls.append(value)


def test_pages_load_no_asset_from_another_host(client, home_with_columns, rich_item):
    for url in ["/", rich_item.url, "/zfyw/", "/search/?q=法治"]:
        collector = AssetCollector()
        collector.feed(client.get(url).content.decode())
        assert collector.urls, url
        for asset in collector.urls:
            assert asset.startswith("/") and not asset.startswith("//"), (url, asset)


def test_static_files_reference_nothing_outside_the_site():
    static_dir = Path(settings.BASE_DIR) / "portal" / "static"
    for path in static_dir.rglob("*"):
        if path.suffix in {".css", ".js"}:
            text = path.read_text()
            assert not re.search(r"(https?:)?//[a-z0-9.-]+\.[a-z]{2,}", text), path
            assert "@import" not in text, path


def test_pages_link_a_favicon_the_site_serves_itself(client, home_with_columns):
    html = client.get("/").content.decode()
    match = re.search(r'<link rel="icon" href="([^"]+)"', html)
    assert match, "no favicon link: browsers would ask for /favicon.ico and log a 404"
    response = client.get(match.group(1))
    assert response.status_code == 200 and b"<svg" in b"".join(response.streaming_content)
