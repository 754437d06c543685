"""The contact directory (通讯录) of reporting units in Excel: import with a row-by-row report, and export.

Import is all-or-nothing: every row is checked first and, if any row is wrong, nothing is saved and
each wrong row is reported with its number, so the office fixes the sheet and uploads it again.
Units are matched by name (created when new), people by unit and name (updated when present), so
uploading the same sheet twice changes nothing.
"""

import re
from dataclasses import dataclass, field
from datetime import date
from io import BytesIO
from zipfile import BadZipFile

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font
from openpyxl.utils.exceptions import InvalidFileException

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction

from portal.excel import append_row, unquote_cell
from portal.validators import normalize_phone, validate_phone

from .models import ReportingUnit, UnitMember
from .permissions import sync_unit_group

HEADERS = [
    "单位类别",
    "单位名称",
    "角色",
    "姓名",
    "职务",
    "联系电话",
    "QQ",
    "微信",
    "办公室",
    "电子邮箱",
    "后台账号",
    "考核起始",
]
REQUIRED = ["单位名称", "角色", "姓名", "联系电话"]
CATEGORY_BY_LABEL = {label: value for value, label in ReportingUnit.CATEGORY_CHOICES}
ROLE_BY_LABEL = {label: value for value, label in UnitMember.ROLE_CHOICES} | {"领导": UnitMember.ROLE_LEADER}
MAX_ROWS = 5000
MONTH_OR_DAY = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*(?:[-/.月]\s*(?:(\d{1,2})\s*日?)?)?(?:\s+00:00(?::00)?)?$")
ASSESSED_FROM_FORMAT = "“考核起始”应为年月（如2026-11）或日期（如2026-11-01）"


def parse_assessed_from(text):
    """The first day of the period a unit is assessed from: "2026-11", "2026年11月", "2026-11-15" or an
    Excel date. Returns a date, or None for an empty cell; raises ValueError otherwise."""
    if not text:
        return None
    match = MONTH_OR_DAY.match(text)
    if match is None:
        raise ValueError(ASSESSED_FROM_FORMAT)
    year, month, day = int(match[1]), int(match[2]), int(match[3] or 1)
    try:
        return date(year, month, day)
    except ValueError as error:
        raise ValueError(ASSESSED_FROM_FORMAT) from error


@dataclass
class ImportResult:
    errors: list = field(default_factory=list)  # (row number, message)
    units_created: int = 0
    members_created: int = 0
    members_updated: int = 0

    @property
    def ok(self):
        return not self.errors


def _text(value):
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return unquote_cell(str(value).strip())


def read_rows(upload):
    """Yield (row number, {header: text}) from the first sheet; raises ValueError on an unreadable file."""
    try:
        workbook = load_workbook(BytesIO(upload.read()), read_only=True, data_only=True)
    except (BadZipFile, InvalidFileException, KeyError, OSError) as error:
        raise ValueError("无法读取该文件，请确认是 .xlsx 格式的Excel文件。") from error
    sheet = workbook.worksheets[0]
    rows = sheet.iter_rows(values_only=True)
    header = [_text(cell) for cell in next(rows, [])]
    missing = [name for name in REQUIRED if name not in header]
    if missing:
        raise ValueError(f"表头缺少列：{'、'.join(missing)}。请使用导出的通讯录作为模板。")
    positions = {name: header.index(name) for name in HEADERS if name in header}
    for number, row in enumerate(rows, start=2):
        if number > MAX_ROWS + 1:
            raise ValueError(f"一次最多导入{MAX_ROWS}行。")
        values = {name: _text(row[index]) if index < len(row) else "" for name, index in positions.items()}
        if any(values.values()):
            yield number, values


def _parsed_or_none(text):
    try:
        return parse_assessed_from(text)
    except ValueError:
        return None


def _validate_row(values, users, existing_units):
    errors = []
    for name in REQUIRED:
        if not values.get(name):
            errors.append(f"“{name}”不能为空")
    unit_name = values.get("单位名称", "")
    category_label = values.get("单位类别", "")
    if category_label and category_label not in CATEGORY_BY_LABEL:
        errors.append(f"单位类别“{category_label}”无效，应为：{'、'.join(CATEGORY_BY_LABEL)}")
    elif not category_label and unit_name and unit_name not in existing_units:
        errors.append("新单位必须填写“单位类别”")
    role = values.get("角色", "")
    if role and role not in ROLE_BY_LABEL:
        errors.append(f"角色“{role}”无效，应为“信息员”或“分管领导”")
    phone = normalize_phone(values.get("联系电话", ""))
    if phone:
        try:
            validate_phone(phone)
        except ValidationError as error:
            errors.extend(error.messages)
    if values.get("QQ") and not values["QQ"].isdigit():
        errors.append("QQ号只能包含数字")
    if values.get("电子邮箱"):
        try:
            validate_email(values["电子邮箱"])
        except ValidationError:
            errors.append(f"电子邮箱“{values['电子邮箱']}”格式不正确")
    try:
        parse_assessed_from(values.get("考核起始", ""))
    except ValueError as error:
        errors.append(str(error))
    username = values.get("后台账号", "")
    if username and username not in users:
        errors.append(f"后台账号“{username}”不存在，请先在“用户”中创建")
    return errors


def import_contacts(upload):
    result = ImportResult()
    try:
        rows = list(read_rows(upload))
    except ValueError as error:
        result.errors.append((None, str(error)))
        return result
    if not rows:
        result.errors.append((None, "文件中没有数据行。"))
        return result

    User = get_user_model()
    usernames = {values["后台账号"] for _, values in rows if values.get("后台账号")}
    users = {user.get_username(): user for user in User.objects.filter(**{f"{User.USERNAME_FIELD}__in": usernames})}
    existing_units = {unit.name: unit for unit in ReportingUnit.objects.all()}
    seen_people, seen_users, starts = {}, {}, {}
    for number, values in rows:
        errors = _validate_row(values, users, existing_units)
        start = values.get("考核起始") and _parsed_or_none(values["考核起始"])
        if start:
            unit_name = values.get("单位名称")
            if unit_name in starts and starts[unit_name][0] != start:
                errors.append(f"与第{starts[unit_name][1]}行的“考核起始”不一致（同一单位只能有一个考核起始）")
            starts.setdefault(unit_name, (start, number))
        key = (values.get("单位名称"), values.get("姓名"))
        if all(key) and key in seen_people:
            errors.append(f"与第{seen_people[key]}行重复（同一单位同名人员）")
        seen_people.setdefault(key, number)
        username = values.get("后台账号")
        if username:
            if username in seen_users:
                errors.append(f"后台账号“{username}”已在第{seen_users[username]}行使用")
            seen_users.setdefault(username, number)
            user = users.get(username)
            linked = UnitMember.objects.filter(user=user).select_related("unit").first() if user else None
            if linked and (linked.unit.name, linked.name) != key:
                errors.append(f"后台账号“{username}”已关联{linked.unit.name}的{linked.name}")
        result.errors.extend((number, message) for message in errors)
    if result.errors:
        return result

    with transaction.atomic():
        touched = {}
        for _, values in rows:
            unit = existing_units.get(values["单位名称"])
            category = CATEGORY_BY_LABEL.get(values.get("单位类别"))
            start = starts.get(values["单位名称"], (None,))[0]
            if unit is None:
                unit = ReportingUnit(name=values["单位名称"], category=category)
                if start:  # otherwise the default: from the current period
                    unit.assessed_from = start
                unit.save()
                existing_units[unit.name] = unit
                result.units_created += 1
            elif start and unit.assessed_from != start:
                ReportingUnit.objects.filter(pk=unit.pk).update(assessed_from=start)
                unit.assessed_from = start
            elif category and unit.category != category:
                ReportingUnit.objects.filter(pk=unit.pk).update(category=category)
            if not unit.reports_items:  # a unit with correspondents and leaders reports items
                ReportingUnit.objects.filter(pk=unit.pk).update(reports_items=True)
                unit.reports_items = True
            touched[unit.pk] = unit
            defaults = {
                "role": ROLE_BY_LABEL[values["角色"]],
                "position": values.get("职务", ""),
                "phone": normalize_phone(values["联系电话"]),
                "qq": values.get("QQ", ""),
                "wechat": values.get("微信", ""),
                "office": values.get("办公室", ""),
                "email": values.get("电子邮箱", ""),
            }
            if values.get("后台账号"):
                defaults["user"] = users[values["后台账号"]]
            _, created = UnitMember.objects.update_or_create(unit=unit, name=values["姓名"], defaults=defaults)
            if created:
                result.members_created += 1
            else:
                result.members_updated += 1
        for unit in touched.values():
            sync_unit_group(unit)
    return result


def export_contacts():
    """The directory as xlsx bytes, in the import format so that it doubles as the import template."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "通讯录"
    append_row(sheet, HEADERS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    category = dict(ReportingUnit.CATEGORY_CHOICES)
    members = UnitMember.objects.select_related("unit", "user").order_by(
        "unit__category", "unit__sort_order", "unit__name", "-role", "name"
    )
    for member in members:
        append_row(
            sheet,
            [
                category.get(member.unit.category, ""),
                member.unit.name,
                member.get_role_display(),
                member.name,
                member.position,
                member.phone,
                member.qq,
                member.wechat,
                member.office,
                member.email,
                member.user.get_username() if member.user else "",
                f"{member.unit.assessed_from:%Y-%m-%d}" if member.unit.assessed_from else "",
            ],
        )
    for column, width in zip("ABCDEFGHIJKL", [14, 24, 10, 10, 14, 16, 14, 16, 16, 24, 14, 12], strict=True):
        sheet.column_dimensions[column].width = width
    sheet.freeze_panes = "A2"
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
