"""Reporting units and their people."""

import factory
from factory.django import DjangoModelFactory

from review.models import ReportingUnit, UnitMember


class ReportingUnitFactory(DjangoModelFactory):
    """A unit; ``columns=[...]`` sets the columns it may report to."""

    class Meta:
        model = ReportingUnit
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"测试单位{n}")
    category = ReportingUnit.CATEGORY_KEY

    @factory.post_generation
    def columns(self, create, extracted, **kwargs):
        if create and extracted:
            self.allowed_columns.set(extracted)


class UnitMemberFactory(DjangoModelFactory):
    """A correspondent of a unit, named after it; pass ``role=UnitMember.ROLE_LEADER`` for its leader."""

    class Meta:
        model = UnitMember

    unit = factory.SubFactory(ReportingUnitFactory)
    role = UnitMember.ROLE_CORRESPONDENT
    name = factory.LazyAttribute(lambda member: f"{member.unit.name}信息员")
    phone = "13800000001"
