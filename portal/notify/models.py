"""One row per message per channel: what to send, where, and how its delivery went."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ChannelKind(models.TextChoices):
    EMAIL = "email", _("电子邮件")
    WECOM = "wecom", _("企业微信群机器人")
    DINGTALK = "dingtalk", _("钉钉群机器人")
    SMS = "sms", _("短信")


class OutboxStatus(models.TextChoices):
    PENDING = "pending", _("待发送")
    SENDING = "sending", _("发送中")
    SENT = "sent", _("已发送")
    FAILED = "failed", _("发送失败")


class OutboxMessage(models.Model):
    """A notice waiting for, or done with, delivery through one channel.

    ``recipient`` is the e-mail addresses (comma-separated: one mail to all of them), the webhook URL
    or the mobile number. ``next_attempt_at`` is when it is due; a row being sent is leased until then,
    so a worker that died mid-send leaves it due again instead of stuck.
    """

    channel = models.CharField(_("渠道"), max_length=20, choices=ChannelKind.choices)
    recipient = models.TextField(_("收件人"))
    secret = models.CharField(_("签名密钥"), max_length=200, blank=True, editable=False)
    subject = models.CharField(_("主题"), max_length=300)
    body = models.TextField(_("正文"), blank=True)
    status = models.CharField(_("状态"), max_length=20, choices=OutboxStatus.choices, default=OutboxStatus.PENDING)
    attempts = models.PositiveIntegerField(_("尝试次数"), default=0)
    last_error = models.TextField(_("最近错误"), blank=True)
    next_attempt_at = models.DateTimeField(_("下次尝试时间"), default=timezone.now)
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    sent_at = models.DateTimeField(_("发送时间"), null=True, blank=True)

    class Meta:
        verbose_name = _("待发通知")
        verbose_name_plural = _("待发通知")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["status", "next_attempt_at"], name="portal_outbox_due_idx")]

    def __str__(self):
        return f"{self.get_channel_display()}：{self.subject}"

    @property
    def recipient_display(self):
        """Webhook URLs carry the robot's access token: show only their host."""
        if self.channel in (ChannelKind.WECOM, ChannelKind.DINGTALK):
            return self.recipient.split("//", 1)[-1].split("/", 1)[0].split("?", 1)[0]
        return self.recipient
