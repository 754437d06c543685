from django import template

from ..checks import run_checks
from ..people import member_label, person_label

register = template.Library()


@register.simple_tag
def review_findings(task_state):
    """The automatic findings on the revision a task state reviews."""
    return run_checks(task_state.revision.as_object())


@register.filter
def person(user):
    """An account as “姓名（职务）” (``review.people.person_label``), never its login name when a name is known."""
    return person_label(user)


@register.filter
def member(unit_member):
    """A unit's person as “姓名（职务）”."""
    return member_label(unit_member)
