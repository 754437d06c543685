"""A year of assessment data, the same for the same seed: units of every assessed category, several hundred
reported items (submitted through the workflow, most of them adopted, a few withdrawn) and adoptions by
higher platforms. For demonstrations and for the test that checks the annual figures and the 通报 files."""

import random
from datetime import date, datetime, time, timedelta

from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from wagtail.models import Page, Workflow, WorkflowState

from assessment.models import LEVEL_CHOICES, HigherAdoption, UnitAssessmentStart
from columns.models import ColumnPage
from columns.registry import get_column_type
from review.models import ReportedItem, ReportingUnit

#: Units per category, with how busy each one is (relative weight of its share of the items).
UNITS = {
    ReportingUnit.CATEGORY_TOWNSHIP: [("城南镇", 5), ("城北镇", 4), ("东河镇", 3), ("西山镇", 2), ("石岭镇", 1)],
    ReportingUnit.CATEGORY_MEMBER: [("市信访局", 3), ("市民政局", 2), ("市人社局", 2), ("市卫健局", 1)],
    ReportingUnit.CATEGORY_KEY: [("市公安局", 6), ("市检察院", 4), ("市法院", 5), ("市司法局", 3)],
    ReportingUnit.CATEGORY_OTHER: [("市教育局", 2), ("市交通局", 1), ("市住建局", 1)],
}
SLUG_PREFIX = "khsl"  # 考核示例: the generated items' slugs start with it
TITLES = ["矛盾纠纷排查化解", "平安建设宣传", "法治宣传进社区", "扫黑除恶常态化", "综治中心建设", "禁毒宣传"]


class Command(BaseCommand):
    help = "生成一年的考核示例数据（报送单位、报送信息、上级采用），同一随机种子生成相同数据。"

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, default=timezone.localdate().year - 1, help="年份，默认去年。")
        parser.add_argument("--items", type=int, default=400, help="报送信息条数，默认400。")
        parser.add_argument("--seed", type=int, default=16, help="随机种子，默认16。")
        parser.add_argument("--column", type=int, help="信息所在栏目的页面ID，默认第一个非通知公告栏目。")

    def handle(self, *args, year, items, seed, column, **options):
        if not 2000 <= year <= 2100:
            raise CommandError("年份应在2000到2100之间。")
        if not 1 <= items <= 5000:
            raise CommandError("报送信息条数应在1到5000之间。")
        parent = self._column(column)
        prefix = f"{SLUG_PREFIX}-{year}-"
        if Page.objects.filter(slug__startswith=prefix).exists():
            raise CommandError(f"{year}年的考核示例数据已经生成过，不能重复生成。")
        rng = random.Random(seed)
        with transaction.atomic():
            units = self._units(year)
            counts = self._items(rng, parent, units, year, items, prefix)
        self.stdout.write(
            f"已生成{year}年考核示例数据：{len(units)}个单位，{counts['items']}条报送信息"
            f"（采用{counts['adopted']}条，撤回{counts['withdrawn']}条），上级采用{counts['higher']}条。"
        )

    def _column(self, pk):
        columns = ColumnPage.objects.order_by("path")
        notices = get_column_type("notices")
        if notices is not None:
            columns = columns.not_type(notices)
        if pk is not None:
            columns = columns.filter(pk=pk)
        column = columns.first()
        if column is None:
            raise CommandError("找不到可以存放信息的栏目，请先创建栏目，或用 --column 指定栏目页面ID。")
        return column.specific

    def _units(self, year):
        first = date(year, 1, 1)
        units = []
        for category, members in UNITS.items():
            for name, weight in members:
                unit = ReportingUnit.objects.filter(name=name).first()
                if unit is None:
                    unit = ReportingUnit(name=name, category=category, assessed_from=first)
                    unit.save()
                elif unit.category != category:
                    raise CommandError(
                        f"已有单位“{name}”，但类别不是{dict(ReportingUnit.CATEGORY_CHOICES)[category]}。"
                    )
                UnitAssessmentStart.objects.update_or_create(unit=unit, defaults={"since": first})
                if unit.assessed_from is None or unit.assessed_from > first:
                    ReportingUnit.objects.filter(pk=unit.pk).update(assessed_from=first)
                units.append((unit, weight))
        return units

    def _items(self, rng, parent, units, year, count, prefix):
        tz = timezone.get_current_timezone()
        item_model = parent.specific_class.allowed_subpage_models()[0]
        page_type = ContentType.objects.get_for_model(Page)
        item_type = ContentType.objects.get_for_model(item_model)
        workflow = Workflow.objects.filter(active=True).first()
        if workflow is None:
            raise CommandError("没有启用的审核流程：未采用的信息须有送审记录才计入报送条数。")
        days = (date(year, 12, 31) - date(year, 1, 1)).days + 1
        population = [unit for unit, _ in units]
        weights = [weight for _, weight in units]
        counts = {"items": 0, "adopted": 0, "withdrawn": 0, "higher": 0}
        adoptions = []
        for n in range(1, count + 1):
            unit = rng.choices(population, weights)[0]
            day = date(year, 1, 1) + timedelta(days=rng.randrange(days))
            submitted = datetime.combine(day, time(rng.randrange(8, 18), rng.randrange(60)), tz)
            adopted = rng.random() < 0.7
            withdrawn = adopted and rng.random() < 0.05
            published = submitted + timedelta(days=rng.randrange(0, 3), hours=rng.randrange(1, 6)) if adopted else None
            page = item_model(
                title=f"{unit.name}{rng.choice(TITLES)}工作信息（{n}）",
                slug=f"{prefix}{n:04d}",
                live=bool(published) and not withdrawn,
                publish_date=published or submitted,
                first_published_at=published,
                last_published_at=published,
            )
            parent.add_child(instance=page)
            ReportedItem.objects.create(page=page, unit=unit, created_at=submitted)
            state = WorkflowState.objects.create(
                content_type=item_type,
                base_content_type=page_type,
                object_id=str(page.pk),
                workflow=workflow,
                status=WorkflowState.STATUS_APPROVED if adopted else WorkflowState.STATUS_CANCELLED,
            )
            WorkflowState.objects.filter(pk=state.pk).update(created_at=submitted)
            counts["items"] += 1
            counts["adopted"] += adopted and not withdrawn
            counts["withdrawn"] += withdrawn
            if adopted and not withdrawn and rng.random() < 0.15:
                level = rng.choice(LEVEL_CHOICES)[0]
                on = min(timezone.localdate(published) + timedelta(days=rng.randrange(1, 20)), date(year, 12, 31))
                adoptions.append(
                    HigherAdoption(
                        unit=unit,
                        platform=f"{dict(LEVEL_CHOICES)[level]}政法网",
                        level=level,
                        title=page.title,
                        date=on,
                    )
                )
        HigherAdoption.objects.bulk_create(adoptions)
        counts["higher"] = len(adoptions)
        return counts
