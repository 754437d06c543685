"""One row per queue worker process, refreshed while it runs, so that the load balancer can tell a dead worker."""

from django.db import models


class WorkerHeartbeat(models.Model):
    worker_id = models.CharField("工作进程标识", max_length=64, unique=True)
    hostname = models.CharField("主机", max_length=255)
    pid = models.PositiveIntegerField("进程号")
    started_at = models.DateTimeField("启动时间")
    beat_at = models.DateTimeField("最近心跳", db_index=True)

    class Meta:
        verbose_name = "后台任务进程心跳"
        verbose_name_plural = "后台任务进程心跳"

    def __str__(self):
        return f"{self.hostname}:{self.pid}"
