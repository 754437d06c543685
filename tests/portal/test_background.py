"""Periodic jobs go through the task queue (one timer each), and the worker runs them with a heartbeat."""

import logging
import re
from datetime import timedelta
from pathlib import Path

import pytest
import time_machine
from django_tasks_db.models import DBTaskResult

from django.conf import settings
from django.core import mail
from django.core.management import CommandError, call_command
from django.utils import timezone

from portal.background.models import WorkerHeartbeat
from portal.notify.models import OutboxMessage, OutboxStatus

ROOT = Path(__file__).resolve().parents[2]
SYSTEMD = ROOT / "deploy" / "systemd"
DATABASE_BACKEND = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def due_mail():
    return OutboxMessage.objects.create(channel="email", recipient="office@example.com", subject="到期通知")


def test_every_periodic_job_has_one_timer_and_every_timer_a_job():
    timers = {path.name.removeprefix("portal-job-").removesuffix(".timer"): path for path in SYSTEMD.glob("*.timer")}
    assert set(timers) == set(settings.PORTAL_PERIODIC_JOBS)
    for name, path in timers.items():
        text = path.read_text()
        assert f"Unit=portal-job@{name}.service" in text
        assert re.search(r"^OnCalendar=\S", text, re.MULTILINE)
    service = (SYSTEMD / "portal-job@.service").read_text()
    assert "manage.py enqueue_job %i" in service
    assert "manage.py run_worker" in (SYSTEMD / "portal-worker.service").read_text()
    assert "deploy/gunicorn.conf.py" in (SYSTEMD / "portal-web.service").read_text()


def test_every_job_names_an_existing_management_command():
    from django.core.management import get_commands

    commands = get_commands()
    assert all(command[0] in commands for command in settings.PORTAL_PERIODIC_JOBS.values())


@pytest.mark.django_db
def test_with_the_immediate_backend_a_job_runs_at_once():
    due_mail()
    call_command("enqueue_job", "deliver_outbox")
    assert OutboxMessage.objects.get().status == OutboxStatus.SENT
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_an_unknown_job_is_refused_in_chinese_and_nothing_is_queued(settings):
    settings.TASKS = DATABASE_BACKEND
    with pytest.raises(CommandError, match="没有名为“nope”的定时作业"):
        call_command("enqueue_job", "nope")
    assert not DBTaskResult.objects.exists()


@pytest.mark.django_db
def test_a_failing_job_fails_the_timer_unit(settings):
    settings.PORTAL_PERIODIC_JOBS = {"broken": ["purge_legal_aid", "--days", "-1"]}
    with pytest.raises(CommandError, match="定时作业“broken”执行失败"):
        call_command("enqueue_job", "broken")


@pytest.mark.django_db(transaction=True)  # the worker closes its database connection after each task
def test_with_the_database_backend_the_timer_queues_and_the_worker_runs_and_beats(settings, client, capsys):
    settings.TASKS = DATABASE_BACKEND
    due_mail()
    call_command("enqueue_job", "deliver_outbox")
    assert not mail.outbox  # queued, not run
    assert DBTaskResult.objects.get().status == "READY"
    assert client.get("/healthz").json()["checks"]["worker"] == "failed"  # no worker yet

    tasks_logger = logging.getLogger("django_tasks")
    level, handlers = tasks_logger.level, list(tasks_logger.handlers)
    call_command("run_worker", "--batch", "--no-startup-delay", "--worker-id", "w1")
    # No INFO chatter per task: the levels stay LOGGING's (db_worker would force INFO and its own handler).
    assert (tasks_logger.level, tasks_logger.handlers) == (level, handlers)
    assert "run_periodic_job" not in capsys.readouterr().out

    assert len(mail.outbox) == 1
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"
    heartbeat = WorkerHeartbeat.objects.get()
    assert heartbeat.worker_id == "w1" and timezone.now() - heartbeat.beat_at < timedelta(seconds=10)
    assert client.get("/healthz").json()["checks"]["worker"] == "ok"
    with time_machine.travel(timezone.now() + timedelta(seconds=settings.PORTAL_WORKER_MAX_SILENCE + 1)):
        response = client.get("/healthz")
    assert response.status_code == 503 and response.json()["checks"]["worker"] == "failed"


def test_enqueue_job_lists_the_jobs(capsys):
    call_command("enqueue_job", "--list")
    assert "publish_scheduled\tpublish_scheduled" in capsys.readouterr().out


@pytest.mark.django_db(transaction=True)
def test_every_periodic_job_runs_in_the_worker(settings, capsys):
    settings.TASKS = DATABASE_BACKEND
    for name in settings.PORTAL_PERIODIC_JOBS:
        call_command("enqueue_job", name)
    call_command("run_worker", "--batch", "--no-startup-delay", verbosity=0)
    results = DBTaskResult.objects.all()
    assert len(results) == len(settings.PORTAL_PERIODIC_JOBS)
    assert {result.status for result in results} == {"SUCCESSFUL"}, [result.traceback for result in results]
