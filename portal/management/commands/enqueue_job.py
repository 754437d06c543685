"""Hand one periodic job to the task queue: what each systemd timer in deploy/systemd/ runs.

    manage.py enqueue_job publish_scheduled
    manage.py enqueue_job --list

With ``PORTAL_TASKS_BACKEND=database`` the worker (``manage.py run_worker``) runs the job; with the
immediate backend it runs here and now. The jobs and their commands are ``PORTAL_PERIODIC_JOBS``.
"""

from django_tasks import TaskResultStatus

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from portal.background.jobs import UnknownJob, enqueue_job


class Command(BaseCommand):
    help = "把一个定时作业交给后台任务队列（见 PORTAL_PERIODIC_JOBS）。"

    def add_arguments(self, parser):
        parser.add_argument("name", nargs="?", help="作业名称")
        parser.add_argument("--list", action="store_true", help="列出所有定时作业")

    def handle(self, *args, name=None, list=False, **options):
        if list or not name:
            for job, command in settings.PORTAL_PERIODIC_JOBS.items():
                self.stdout.write(f"{job}\t{' '.join(command)}")
            return
        try:
            result = enqueue_job(name)
        except UnknownJob:
            known = "、".join(settings.PORTAL_PERIODIC_JOBS)
            raise CommandError(f"没有名为“{name}”的定时作业；可用的有：{known}") from None
        if result.status == TaskResultStatus.FAILED:
            errors = "; ".join(error.exception_class_path for error in result.errors)
            raise CommandError(f"定时作业“{name}”执行失败：{errors}")
        if options["verbosity"] > 1:
            self.stdout.write(f"{name}: {result.status} ({result.id})")
