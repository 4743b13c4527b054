"""workers: make a list of things on every core, in order, as the writer takes them.

The jobs are zero-argument callables (a page to render, a feed or a QR code to make); forked
workers inherit them, and the model they read, without pickling, and send back only what they
made. Results come back in the order of the list, so the output is byte for byte the output of a
serial run. Where fork is not available, with one job, or for short lists, everything is made
in this process."""

from __future__ import annotations

import itertools
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from typing import TypeVar

T = TypeVar("T")

CHUNK = 64  # jobs a worker runs per task: large enough to amortise the pipe, small for balance
BIG_CHUNK = 4  # the same for jobs that can each make megabytes (a CSV of every product)
_JOBS: Sequence[Callable[[], object]] | None = None  # what forked workers run


def _run_range(bounds: tuple[int, int]) -> list[object]:
    assert _JOBS is not None
    return [job() for job in _JOBS[bounds[0] : bounds[1]]]


def made(jobs: Sequence[Callable[[], T]], processes: int, big_from: int | None = None) -> Iterator[T]:
    """The result of every job, in order, spread over ``processes`` forked workers. Jobs from
    index ``big_from`` on go to the workers a few at a time, so that few of their (large) results
    wait in this process at once."""
    import multiprocessing

    global _JOBS
    if processes <= 1 or len(jobs) < 4 * CHUNK or "fork" not in multiprocessing.get_all_start_methods():
        for job in jobs:
            yield job()
        return
    _JOBS = jobs
    try:
        with multiprocessing.get_context("fork").Pool(processes) as pool:
            ranges = iter(_ranges(len(jobs), len(jobs) if big_from is None else big_from))
            # a bounded window of chunks in flight, not Pool.imap: imap lets the workers run ahead
            # of a slow disk and piles every result up in this process (+350 MiB at 10k pages)
            pending = deque(pool.apply_async(_run_range, (r,)) for r in itertools.islice(ranges, 2 * processes))
            while pending:
                chunk = pending.popleft().get()
                following = next(ranges, None)
                if following is not None:
                    pending.append(pool.apply_async(_run_range, (following,)))
                yield from chunk  # type: ignore[misc]
    finally:
        _JOBS = None


def _ranges(count: int, big_from: int) -> list[tuple[int, int]]:
    small = [(i, min(i + CHUNK, big_from)) for i in range(0, big_from, CHUNK)]
    return small + [(i, min(i + BIG_CHUNK, count)) for i in range(big_from, count, BIG_CHUNK)]
