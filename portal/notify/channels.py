"""The ways a notice leaves the portal besides e-mail: group-robot webhooks and SMS.

A channel's ``send(message)`` delivers one ``OutboxMessage`` or raises; the outbox records the error
and retries. The e-mail channel lives in ``portal.mail``; ``CHANNELS`` names every channel's class.
"""

import base64
import hashlib
import hmac
import json
import logging
import time
from urllib.error import URLError
from urllib.parse import quote_plus
from urllib.request import Request, urlopen

from django.conf import settings
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)

CHANNELS = {
    "email": "portal.mail.EmailChannel",
    "wecom": "portal.notify.channels.WeComWebhookChannel",
    "dingtalk": "portal.notify.channels.DingTalkWebhookChannel",
    "sms": "portal.notify.channels.SmsChannel",
}


class DeliveryError(Exception):
    """The channel's server refused or did not acknowledge the message."""


class Channel:
    """Delivers one message or raises; never swallows a failure (the outbox records it)."""

    label = ""

    def send(self, message) -> None:
        raise NotImplementedError


def channel_for(kind: str) -> Channel:
    return import_string(CHANNELS[kind])()


def message_text(message) -> str:
    return f"{message.subject}\n{message.body}".strip()


class WebhookChannel(Channel):
    """A group robot: an HTTP POST of a JSON text message to the robot's URL, answered by ``errcode`` 0."""

    def url(self, message) -> str:
        return message.recipient

    def payload(self, message) -> dict:
        return {"msgtype": "text", "text": {"content": message_text(message)}}

    def send(self, message) -> None:
        request = Request(
            self.url(message),
            data=json.dumps(self.payload(message), ensure_ascii=False).encode(),
            headers={"Content-Type": "application/json; charset=utf-8"},
            method="POST",
        )
        try:
            with urlopen(request, timeout=settings.NOTIFY_WEBHOOK_TIMEOUT) as response:
                answer = response.read()
        except (URLError, OSError) as error:  # HTTPError is a URLError: a 4xx/5xx is a failure too
            raise DeliveryError(f"{self.label}: {error}") from error
        try:
            result = json.loads(answer)
        except ValueError as error:
            raise DeliveryError(f"{self.label}: not a JSON answer: {answer[:200]!r}") from error
        if not isinstance(result, dict) or result.get("errcode") != 0:
            raise DeliveryError(f"{self.label}: {result!r}"[:500])


class WeComWebhookChannel(WebhookChannel):
    """企业微信群机器人 (https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…)."""

    label = "企业微信"


class DingTalkWebhookChannel(WebhookChannel):
    """钉钉群机器人; with a signing secret (加签) the URL carries ``timestamp`` and ``sign`` as DingTalk documents."""

    label = "钉钉"

    def url(self, message) -> str:
        if not message.secret:
            return message.recipient
        separator = "&" if "?" in message.recipient else "?"
        return f"{message.recipient}{separator}{dingtalk_signature(str(round(time.time() * 1000)), message.secret)}"


def dingtalk_signature(timestamp: str, secret: str) -> str:
    """``timestamp=…&sign=…``: base64 of HMAC-SHA256 over "timestamp\\nsecret" keyed with the secret, URL-encoded."""
    digest = hmac.new(secret.encode(), f"{timestamp}\n{secret}".encode(), hashlib.sha256).digest()
    return f"timestamp={timestamp}&sign={quote_plus(base64.b64encode(digest).decode())}"


class SmsProvider:
    """An SMS gateway: ``send(phone, text)`` delivers or raises. Chosen by ``NOTIFY_SMS_PROVIDER`` (a dotted path)."""

    def send(self, phone: str, text: str) -> None:
        raise NotImplementedError


class LoggingSmsProvider(SmsProvider):
    """For development and tests: the SMS is written to the log instead of being sent."""

    def send(self, phone: str, text: str) -> None:
        logger.info("SMS to %s: %s", phone, text)


class SmsChannel(Channel):
    label = "短信"

    def send(self, message) -> None:
        provider = import_string(settings.NOTIFY_SMS_PROVIDER)()
        provider.send(message.recipient, message_text(message))
