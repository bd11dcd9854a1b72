"""Rendering thousands of pages on every core the machine gives us.

Pages are independent once the corpus is linked, so a cold run at 1,000+ briefs hands them to worker processes
forked from this one: they inherit the corpus and the compiled templates, and only page names go out and page
text comes back. Small runs (a preview server's rebuild after an edit, a small briefing) stay in this process,
where forking would cost more than it saves. BRIEFING_WORKERS=1 turns it off.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

Job = TypeVar("Job")
Result = TypeVar("Result")
MIN_JOBS = 300  # below this, forking and sending the text back costs more than the second core saves
MAX_WORKERS = 4

_work: Callable[[Any], Any] | None = None


def workers() -> int:
    """How many processes to render with: the cores this process may use, capped, or BRIEFING_WORKERS."""
    wanted = os.environ.get("BRIEFING_WORKERS", "").strip()
    if wanted.isdigit() and int(wanted) > 0:
        return int(wanted)
    return min(len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1, MAX_WORKERS)


def map_jobs(work: Callable[[Job], Result], jobs: Sequence[Job]) -> list[Result]:
    """[work(job) for job in jobs], in order, on several processes when it pays (results must pickle)."""
    count = workers()
    # fork copies only the calling thread: with other threads running (a preview server) a lock they hold could
    # never be released in the child, so threaded processes render here
    if count < 2 or len(jobs) < MIN_JOBS or threading.active_count() > 1 or not _can_fork():
        return [work(job) for job in jobs]
    global _work
    _work = work
    try:
        with multiprocessing.get_context("fork").Pool(count) as pool:
            return pool.map(_call, jobs, chunksize=max(1, len(jobs) // (count * 16)))
    finally:
        _work = None


def _can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def _call(job: Any) -> Any:
    assert _work is not None  # set in the parent before the fork
    return _work(job)
