"""newswatch: news monitoring and alerting worker."""

import os

# numpy's OpenBLAS starts a thread per core for its products, and ours are small
# (cohesion's and dedupe's): the extra threads only spin-wait. Beside a second
# segmenting process (worker.spans) or other Celery workers on the machine they
# took a core's worth of time from them (a two-process segmentation's parent
# used 3.1 s of CPU for 2.3 s of work). Set before any module imports numpy; an
# operator's own setting wins.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

__version__ = "0.1.0"
