"""The Celery application.

With no configuration the broker is kombu's filesystem transport under
``settings.data_dir`` (no server); ``NEWSWATCH_BROKER_URL=redis://…`` shares the
work between any number of workers. Messages are only hints: the database is
the source of truth and the periodic sweep re-enqueues whatever is due, so tasks
are acknowledged late, re-queued when a worker dies, and fetched one at a time.
No result backend: nobody waits on task results (``backfill --wait`` reads the
job rows).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from celery import Celery

from worker import logging as nwlogging
from worker import metrics
from worker.config import Settings, get_settings

SWEEP_SECONDS = float(os.environ.get("NEWSWATCH_SWEEP_SECONDS", "15"))
DELIVER_SECONDS = 10.0
DIGEST_SECONDS = 60.0


def broker_options(settings: Settings) -> tuple[str, dict[str, Any]]:
    """Broker URL and transport options for the settings."""
    if settings.broker_url:
        return settings.broker_url, {"visibility_timeout": 3600}
    queue = Path(settings.data_dir).resolve() / "broker"
    for sub in ("queue", "processed", "control"):
        (queue / sub).mkdir(parents=True, exist_ok=True)
    return "filesystem://", {
        # kombu's default control folder is ./control in the working directory.
        "control_folder": str(queue / "control"),
        "data_folder_in": str(queue / "queue"),
        "data_folder_out": str(queue / "queue"),
        "processed_folder": str(queue / "processed"),
        "store_processed": False,
    }


def make_app(settings: Settings | None = None) -> Celery:
    settings = settings or get_settings()
    url, options = broker_options(settings)
    app = Celery("newswatch", broker=url, include=["worker.tasks"])
    app.conf.update(
        broker_transport_options=options,
        broker_connection_retry_on_startup=True,
        task_acks_late=True,
        task_reject_on_worker_lost=True,
        worker_prefetch_multiplier=1,
        task_ignore_result=True,
        # One broker can serve several deployments (or test sessions) on separate queues.
        task_default_queue=os.environ.get("NEWSWATCH_QUEUE", "celery"),
        result_backend=None,
        task_serializer="json",
        accept_content=["json"],
        timezone="UTC",
        worker_hijack_root_logger=False,
        beat_schedule={
            "sweep": {"task": "newswatch.sweep", "schedule": SWEEP_SECONDS},
            "deliver": {"task": "newswatch.deliver_due", "schedule": DELIVER_SECONDS},
            "digests": {"task": "newswatch.send_digests", "schedule": DIGEST_SECONDS},
        },
    )
    return app


app = make_app()
# Our JSON/rich logging with task ids in every worker process; multiprocess
# metrics served on NEWSWATCH_METRICS_PORT (see worker/logging.py, worker/metrics.py).
nwlogging.install_celery_hooks()
metrics.install_celery_hooks()
