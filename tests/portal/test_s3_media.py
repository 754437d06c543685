"""Media on S3-compatible object storage (PORTAL_MEDIA_S3_BUCKET), against moto's S3 server on a loopback port."""

import io
import os
import subprocess
import sys
from pathlib import Path

import boto3
import pytest
from moto.server import ThreadedMotoServer
from PIL import Image as PILImage

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

ROOT = Path(__file__).resolve().parents[2]
BUCKET = "portal-media"
CREDENTIALS = {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing", "AWS_DEFAULT_REGION": "us-east-1"}


@pytest.fixture(scope="module")
def s3_endpoint():
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@pytest.fixture
def bucket(s3_endpoint, settings, monkeypatch):
    """A fresh bucket as the default storage, configured as base.py does from PORTAL_MEDIA_S3_*."""
    for name, value in CREDENTIALS.items():
        monkeypatch.setenv(name, value)
    client = boto3.client("s3", endpoint_url=s3_endpoint, region_name="us-east-1")
    client.create_bucket(Bucket=BUCKET)
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {"bucket_name": BUCKET, "endpoint_url": s3_endpoint, "default_acl": None},
        },
    }
    yield client
    objects = client.list_objects_v2(Bucket=BUCKET).get("Contents", [])
    for item in objects:
        client.delete_object(Bucket=BUCKET, Key=item["Key"])
    client.delete_bucket(Bucket=BUCKET)


def png_bytes():
    buffer = io.BytesIO()
    PILImage.new("RGB", (120, 80), (10, 80, 160)).save(buffer, format="PNG")
    return buffer.getvalue()


def keys(client):
    return [item["Key"] for item in client.list_objects_v2(Bucket=BUCKET).get("Contents", [])]


@pytest.mark.django_db
def test_an_image_uploaded_in_the_admin_and_its_rendition_live_in_the_bucket(admin_client, home, bucket):
    response = admin_client.post(
        "/admin/images/add/",
        {
            "title": "现场照片",
            "file": SimpleUploadedFile("现场照片.png", png_bytes()),
            "collection": Collection.get_first_root_node().pk,
        },
    )
    assert response.status_code == 302
    image = get_image_model().objects.get()
    stored = bucket.get_object(Bucket=BUCKET, Key=image.file.name)["Body"].read()
    assert stored.startswith(b"\x89PNG") and len(stored) == image.file_size
    rendition = image.get_rendition("fill-60x40")
    assert rendition.file.name in keys(bucket)
    with default_storage.open(rendition.file.name) as file:
        assert PILImage.open(file).size == (60, 40)


@pytest.mark.django_db
def test_a_document_uploaded_in_the_admin_is_streamed_back_from_the_bucket(admin_client, home, bucket):
    content = "关于开展平安建设宣传月活动的通知".encode()
    response = admin_client.post(
        "/admin/documents/add/",
        {
            "title": "通知",
            "file": SimpleUploadedFile("notice.txt", content),
            "collection": Collection.get_first_root_node().pk,
        },
    )
    assert response.status_code == 302
    document = get_document_model().objects.get()
    assert document.file.name in keys(bucket)
    response = admin_client.get(document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == content


@pytest.mark.django_db
def test_storage_round_trip_and_health_check(client, bucket):
    name = default_storage.save("probe/检查.txt", ContentFile("内容".encode()))
    assert default_storage.open(name).read() == "内容".encode()
    assert client.get("/healthz").json()["checks"]["storage"] == "ok"
    bucket.delete_object(Bucket=BUCKET, Key=name)
    bucket.delete_bucket(Bucket=BUCKET)
    assert client.get("/healthz").json()["checks"]["storage"] == "failed"
    bucket.create_bucket(Bucket=BUCKET)  # for the fixture's clean-up


def test_the_bucket_setting_switches_the_default_storage():
    """The settings module alone (no Django start-up), as each process reads it from the environment."""
    code = "from portal.settings import test as s; o = s.STORAGES['default']; print(o['BACKEND'], o['OPTIONS'])"
    env = {
        **{key: value for key, value in os.environ.items() if not key.startswith("PORTAL_MEDIA_S3")},
        "PORTAL_MEDIA_S3_BUCKET": "media-bucket",
        "PORTAL_MEDIA_S3_ENDPOINT_URL": "http://127.0.0.1:9000",
    }
    command = [sys.executable, "-c", code]
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("storages.backends.s3.S3Storage {")
    assert "'bucket_name': 'media-bucket'" in result.stdout
    assert "'endpoint_url': 'http://127.0.0.1:9000'" in result.stdout
