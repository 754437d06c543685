from django import template

from ..checks import run_checks

register = template.Library()


@register.simple_tag
def review_findings(task_state):
    """The automatic findings on the revision a task state reviews."""
    return run_checks(task_state.revision.as_object())
