"""Notifications that leave the request: an outbox of messages, the channels that deliver them, and the task.

Every notice (e-mail, 企业微信 or 钉钉 group robot, SMS) is first stored as an ``OutboxMessage`` in the
transaction of the change it reports, then delivered after the commit by a django-tasks task
(inline with the immediate backend, by ``manage.py db_worker`` with the database backend). A failed
delivery is recorded on its row and retried with a growing delay until ``NOTIFY_MAX_ATTEMPTS``;
``manage.py deliver_outbox`` drains whatever is due, e.g. from cron.
"""
