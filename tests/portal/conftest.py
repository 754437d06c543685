"""Fixtures of the portal core tests."""

import pytest

from tests.portal.servers import SilentSmtpServer, WebhookServer


@pytest.fixture
def robot():
    """A 企业微信/钉钉 group robot served on 127.0.0.1."""
    with WebhookServer() as server:
        yield server


@pytest.fixture
def silent_smtp(settings):
    """The mail server accepts and never answers; the SMTP backend waits one second for it."""
    with SilentSmtpServer() as server:
        server.configure(settings, timeout=1)
        yield server
