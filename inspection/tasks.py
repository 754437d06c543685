"""The link checker as a background task, for the worker (``manage.py db_worker``) or a scheduler entry."""

from django_tasks import task

from .links import check_links


@task()
def check_links_task():
    return check_links()
