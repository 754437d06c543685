"""Periodic jobs as django-tasks: a timer enqueues one by name, whichever worker is free runs it."""

from django_tasks import task

from django.conf import settings
from django.core.management import call_command


class UnknownJob(KeyError):
    pass


def job_command(name: str) -> list[str]:
    try:
        return list(settings.PORTAL_PERIODIC_JOBS[name])
    except KeyError:
        raise UnknownJob(name) from None


@task()
def run_periodic_job(name: str) -> None:
    """Run the job's management command in the worker; a failure is recorded on the task result."""
    call_command(*job_command(name))


def enqueue_job(name: str):
    """Queue the job (or, with the immediate backend, run it now); returns the task result."""
    job_command(name)  # an unknown name fails here, before anything is queued
    return run_periodic_job.enqueue(name)
