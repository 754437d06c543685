"""Work off the request: the periodic jobs, the queue worker and its heartbeat.

Periodic jobs (``PORTAL_PERIODIC_JOBS``) are run by ``manage.py enqueue_job <name>``, one systemd timer
each (deploy/systemd/), which hands the job to django-tasks; ``manage.py run_worker`` is the database
backend's worker with a heartbeat row that ``/healthz`` reads.
"""
