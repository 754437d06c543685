"""Units (单位) and their people: correspondents (信息员) and leaders.

One list serves the whole site: a unit may report items to the portal (报送信息), handle the
书记信箱's letters (承办来信), or both.
"""

from django import forms
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator, URLValidator
from django.db import models, transaction
from django.utils import timezone

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.search import index

from portal.mail import Target
from portal.notify.models import ChannelKind
from portal.validators import MOBILE, validate_phone

from ..people import member_label
from ..permissions import sync_unit_group
from ..widgets import PersonSelect, PersonSelectMultiple

GROUP_PREFIX = "报送单位："


class ReportingUnit(index.Indexed, ClusterableModel):
    """A unit of the one shared list.

    With ``reports_items`` its correspondents draft items, only in ``allowed_columns``, through the
    unit's Wagtail group; with ``handles_letters`` letters of the 书记信箱 can be forwarded to it and
    its ``letter_handlers`` draft the replies. ``phone`` is also the mailbox's contact phone.
    """

    CATEGORY_TOWNSHIP = "township"
    CATEGORY_MEMBER = "member"
    CATEGORY_KEY = "key"
    CATEGORY_OTHER = "other"
    CATEGORY_INTERNAL = "internal"
    CATEGORY_CHOICES = [
        (CATEGORY_TOWNSHIP, "乡镇"),
        (CATEGORY_MEMBER, "综治成员单位"),
        (CATEGORY_KEY, "重点部门"),
        (CATEGORY_OTHER, "其他部门"),
        (CATEGORY_INTERNAL, "政法委内设股室"),
    ]

    name = models.CharField("单位名称", max_length=100, unique=True)
    category = models.CharField("单位类别", max_length=20, choices=CATEGORY_CHOICES)
    address = models.CharField("办公地址", max_length=200, blank=True)
    phone = models.CharField("单位电话", max_length=30, blank=True, validators=[validate_phone])
    sort_order = models.PositiveIntegerField("排序", default=100, help_text="数字小的排在前面。")
    allowed_columns = ParentalManyToManyField(
        "columns.ColumnPage",
        verbose_name="可报送栏目",
        blank=True,
        related_name="reporting_units",
        help_text="本单位信息员只能在这些栏目中起草信息。",
    )
    reports_items = models.BooleanField(
        "报送信息", default=True, help_text="本单位信息员向网站报送信息，参加信息报送考核。"
    )
    handles_letters = models.BooleanField("承办来信", default=False, help_text="书记信箱的来信可以转交本单位办理。")
    letter_handlers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name="承办人员",
        blank=True,
        related_name="mailbox_units",
        help_text="这些人员能看到转办给本单位的来信，起草答复、申请延期（还需具有“起草本单位答复”权限），并收到转办通知邮件。",
    )
    wecom_webhook = models.URLField(
        "企业微信群机器人地址",
        max_length=500,
        blank=True,
        validators=[URLValidator(schemes=["http", "https"])],
        help_text="填写后，本单位的通知同时发送到该企业微信群。",
    )
    dingtalk_webhook = models.URLField(
        "钉钉群机器人地址",
        max_length=500,
        blank=True,
        validators=[URLValidator(schemes=["http", "https"])],
        help_text="填写后，本单位的通知同时发送到该钉钉群。",
    )
    dingtalk_secret = models.CharField("钉钉加签密钥", max_length=200, blank=True, help_text="机器人启用“加签”时填写。")
    notify_mobile = models.CharField(
        "短信通知手机号",
        max_length=11,
        blank=True,
        validators=[RegexValidator(MOBILE, "请输入11位手机号码。")],
        help_text="填写后，本单位的通知同时以短信发送到该手机。",
    )
    assessed_from = models.DateField(
        "考核起始",
        null=True,
        blank=True,
        default=timezone.localdate,
        help_text="从包含此日期的考核期（月或周）起参加考核排名和任务统计，之前各期不排名、不判定任务；"
        "默认从创建时的当期起。留空则不限。",
    )
    group = models.OneToOneField(
        Group,
        verbose_name="用户组",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="reporting_unit",
    )
    collection = models.OneToOneField(
        "wagtailcore.Collection",
        verbose_name="文件集",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="reporting_unit",
        help_text="本单位上传的文件和图片存放在这里，其他单位看不到。",
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("name"),
                FieldPanel("category"),
                FieldPanel("address"),
                FieldPanel("phone"),
                FieldPanel("sort_order"),
                FieldPanel("reports_items"),
                FieldPanel("assessed_from"),
            ],
            heading="单位信息",
        ),
        FieldPanel("allowed_columns", widget=forms.CheckboxSelectMultiple),
        InlinePanel("members", heading="信息员和领导", label="人员"),
        MultiFieldPanel(
            [FieldPanel("handles_letters"), FieldPanel("letter_handlers", widget=PersonSelectMultiple)],
            heading="承办来信",
        ),
        MultiFieldPanel(
            [
                FieldPanel("wecom_webhook"),
                FieldPanel("dingtalk_webhook"),
                FieldPanel("dingtalk_secret"),
                FieldPanel("notify_mobile"),
            ],
            heading="通知渠道",
        ),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("category"),
        index.FilterField("reports_items"),
        index.FilterField("handles_letters"),
    ]

    class Meta:
        verbose_name = "单位"
        verbose_name_plural = "单位"
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if not self.reports_items and not self.handles_letters:
            raise ValidationError("请至少选择一项：报送信息或承办来信。")

    def save(self, *args, **kwargs):
        with transaction.atomic():
            super().save(*args, **kwargs)
            sync_unit_group(self)

    def leaders(self):
        return self.members.filter(role=UnitMember.ROLE_LEADER)

    def correspondents(self):
        return self.members.filter(role=UnitMember.ROLE_CORRESPONDENT)

    def notification_targets(self):
        """The unit's group robots and SMS mobile: its notices go there as well as by e-mail."""
        targets = []
        if self.wecom_webhook:
            targets.append(Target(ChannelKind.WECOM, self.wecom_webhook))
        if self.dingtalk_webhook:
            targets.append(Target(ChannelKind.DINGTALK, self.dingtalk_webhook, self.dingtalk_secret))
        if self.notify_mobile:
            targets.append(Target(ChannelKind.SMS, self.notify_mobile))
        return targets


class UnitMember(models.Model):
    """A person of a reporting unit, optionally linked to the admin account they sign in with."""

    ROLE_CORRESPONDENT = "correspondent"
    ROLE_LEADER = "leader"
    ROLE_CHOICES = [(ROLE_CORRESPONDENT, "信息员"), (ROLE_LEADER, "分管领导")]

    unit = ParentalKey(ReportingUnit, verbose_name="报送单位", on_delete=models.CASCADE, related_name="members")
    role = models.CharField("角色", max_length=20, choices=ROLE_CHOICES, default=ROLE_CORRESPONDENT)
    name = models.CharField("姓名", max_length=50)
    position = models.CharField("职务", max_length=50, blank=True)
    phone = models.CharField("联系电话", max_length=30, validators=[validate_phone])
    qq = models.CharField("QQ", max_length=20, blank=True)
    wechat = models.CharField("微信", max_length=50, blank=True)
    office = models.CharField("办公室", max_length=100, blank=True)
    email = models.EmailField("电子邮箱", blank=True, help_text="发布通知和复查提醒发送到这里；留空则使用账号的邮箱。")
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name="后台账号",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="unit_membership",
        help_text="信息员用此账号起草信息，领导用此账号签字。",
    )
    sort_order = models.PositiveIntegerField(default=0, editable=False)

    panels = [
        FieldPanel("role"),
        FieldPanel("name"),
        FieldPanel("position"),
        FieldPanel("phone"),
        FieldPanel("qq"),
        FieldPanel("wechat"),
        FieldPanel("office"),
        FieldPanel("email"),
        FieldPanel("user", widget=PersonSelect),
    ]

    class Meta:
        verbose_name = "单位人员"
        verbose_name_plural = "单位人员"
        ordering = ["unit", "role", "sort_order", "name"]

    def __str__(self):
        return f"{member_label(self)}，{self.unit.name}{self.get_role_display()}"

    def clean(self):
        if self.qq and not self.qq.isdigit():
            raise ValidationError({"qq": "QQ号只能包含数字。"})

    @property
    def contact_email(self):
        return self.email or (self.user.email if self.user_id else "")

    @property
    def is_leader(self):
        return self.role == self.ROLE_LEADER
