"""The fields of the national 政府网站工作年度报表, in the order of the form.

《国务院办公厅关于做好政府网站年度报表发布工作的通知》(国办函〔2018〕12号, under 国办发〔2017〕47号) asks
every government website to publish this report by 31 January, covering 信息发布、专栏专题、解读回应、
办事服务、互动交流、安全防护、移动新媒体、创新发展. The lines below follow the template attached to that
notice as far as we know it (basic data, 访问量, then those sections, then who filled it in).
网站纠错 and 依申请公开 are not lines of that template, but the committee reports them alongside
(issue 18), so they have their own section. Figures the portal cannot know (办事服务, 移动新媒体, staff)
start at zero or with a default text; every one stays editable until the report is issued.
"""

from dataclasses import dataclass

INT, DECIMAL, TEXT, LONGTEXT, YESNO = "int", "decimal", "text", "longtext", "yesno"

DEFAULT_SECURITY_MEASURES = (
    "后台管理人员使用账号密码加动态口令双因素登录；连续登录失败自动锁定账号和来源地址；"
    "密码复杂度和定期更换要求；后台会话超时退出；严格的内容安全策略和安全响应头；"
    "公众表单验证码、频率限制和上传文件内容检查；身份证号、电话等个人信息加密存储；"
    "管理操作审计日志留存；信息发布执行“先审后发”三审流程和敏感词检查；数据库和上传文件定期备份；"
    "访问统计不在访客浏览器中保存标识、不调用第三方服务。"
)


@dataclass(frozen=True)
class Field:
    key: str
    label: str
    kind: str = INT
    computed: bool = False  # filled from the portal's data (else from a default)
    unit: str = ""


SECTIONS = (
    (
        "基本信息",
        (
            Field("site_name", "网站名称", TEXT, True),
            Field("site_url", "首页网址", TEXT, True),
            Field("sponsor", "主办单位", TEXT, True),
            Field("site_type", "网站类型", TEXT),
            Field("site_code", "政府网站标识码", TEXT, True),
            Field("icp_number", "ICP备案号", TEXT, True),
            Field("police_record_number", "公安机关备案号", TEXT, True),
        ),
    ),
    (
        "访问量",
        (
            Field("unique_visitors", "独立用户访问总量", INT, True, "个"),
            Field("page_views", "网站总访问量", INT, True, "次"),
        ),
    ),
    (
        "信息发布",
        (
            Field("info_total", "信息发布总数", INT, True, "条"),
            Field("info_overview", "其中：概况类信息更新量", INT, True, "条"),
            Field("info_news", "其中：政务动态信息更新量", INT, True, "条"),
            Field("info_catalogue", "其中：信息公开目录信息更新量", INT, True, "条"),
            Field("columns_new", "新开设栏目数量", INT, True, "个"),
            Field("columns_updated", "更新栏目数量", INT, True, "个"),
        ),
    ),
    (
        "专栏专题",
        (
            Field("topics_maintained", "维护数量", INT, True, "个"),
            Field("topics_new", "新开设数量", INT, True, "个"),
        ),
    ),
    (
        "政策解读",
        (
            Field("interpretations", "解读信息发布总数", INT, True, "条"),
            Field("interpretation_materials", "其中：解读材料数量", INT, True, "条"),
            Field("interpretation_products", "其中：解读产品数量", INT, False, "个"),
            Field("media_commentaries", "其中：媒体评论文章数量", INT, False, "篇"),
            Field("hot_responses", "回应公众关注热点或重大舆情数量", INT, False, "次"),
        ),
    ),
    (
        "办事服务",
        (
            Field("service_catalogue", "是否发布服务事项目录", YESNO),
            Field("registered_users", "注册用户数", INT, False, "个"),
            Field("service_items", "政务服务事项数量", INT, False, "项"),
            Field("online_service_items", "可全程在线办理政务服务事项数量", INT, False, "项"),
            Field("service_cases", "办件量", INT, False, "件"),
        ),
    ),
    (
        "互动交流",
        (
            Field("unified_platform", "是否使用统一平台", YESNO),
            Field("letters_received", "书记信箱收到留言数量", INT, True, "条"),
            Field("letters_answered", "书记信箱办结留言数量", INT, True, "条"),
            Field("letters_average_days", "书记信箱平均办理时间（自然日）", DECIMAL, True, "天"),
            Field("letters_published", "书记信箱公开答复数量", INT, True, "条"),
            Field("surveys", "征集调查期数", INT, False, "期"),
            Field("survey_opinions", "征集调查收到意见数量", INT, False, "条"),
            Field("survey_results", "公布调查结果期数", INT, False, "期"),
            Field("interviews", "在线访谈期数", INT, False, "期"),
            Field("smart_qa", "是否提供智能问答", YESNO),
        ),
    ),
    (
        "网站纠错和依申请公开",
        (
            Field("corrections_received", "网站纠错收到数量", INT, True, "条"),
            Field("corrections_answered", "网站纠错办结数量", INT, True, "条"),
            Field("corrections_average_days", "网站纠错平均办理时间（自然日）", DECIMAL, True, "天"),
            Field("disclosure_received", "依申请公开收到申请数量", INT, True, "件"),
            Field("disclosure_answered", "依申请公开答复数量", INT, True, "件"),
        ),
    ),
    (
        "安全防护",
        (
            Field("security_checks", "安全检测评估次数", INT, False, "次"),
            Field("security_issues_found", "发现问题数量", INT, False, "个"),
            Field("security_issues_fixed", "问题整改数量", INT, False, "个"),
            Field("security_monitoring", "是否建立安全监测预警机制", YESNO),
            Field("security_drills", "是否开展应急演练", YESNO),
            Field("security_officer", "是否明确网站安全责任人", YESNO),
            Field("security_measures", "安全防护措施", LONGTEXT),
        ),
    ),
    (
        "移动新媒体",
        (
            Field("new_media", "是否有移动新媒体", YESNO),
            Field("new_media_accounts", "移动新媒体名称、信息发布量和关注量", LONGTEXT),
        ),
    ),
    (
        "创新发展和人员",
        (
            Field("innovation", "创新发展（搜索即服务、多语言版本、无障碍浏览等）", LONGTEXT),
            Field("ops_staff", "运维人员数量", INT, False, "人"),
            Field("editor_staff", "编辑人员数量", INT, False, "人"),
        ),
    ),
    (
        "填报信息",
        (
            Field("unit_head", "单位负责人", TEXT),
            Field("reviewer", "审核人", TEXT),
            Field("filler", "填报人", TEXT),
            Field("contact_phone", "联系电话", TEXT, True),
        ),
    ),
)

FIELDS = {field.key: field for _, fields in SECTIONS for field in fields}

DEFAULTS = {
    "site_type": "部门网站",
    "service_catalogue": "否",
    "unified_platform": "否",
    "smart_qa": "否",
    "security_monitoring": "是",
    "security_drills": "否",
    "security_officer": "是",
    "security_measures": DEFAULT_SECURITY_MEASURES,
    "new_media": "否",
    "new_media_accounts": "",
    "innovation": "站内搜索（中文分词、同义词）；长者模式（适老化）；中英文两种语言版本的管理后台。",
}


def blank_figures():
    """Every field with its default: zero for numbers, the default text or an empty string."""
    figures = {}
    for key, field in FIELDS.items():
        if field.kind == INT:
            figures[key] = 0
        elif field.kind == DECIMAL:
            figures[key] = "0"
        else:
            figures[key] = DEFAULTS.get(key, "")
    return figures


def display(field, value):
    if value in (None, ""):
        return ""
    return f"{value}" if not field.unit else f"{value} {field.unit}"
