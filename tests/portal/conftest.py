"""Fixtures of the portal core tests."""

import pytest

from tests.portal.servers import WebhookServer


@pytest.fixture
def robot():
    """A 企业微信/钉钉 group robot served on 127.0.0.1."""
    with WebhookServer() as server:
        yield server
