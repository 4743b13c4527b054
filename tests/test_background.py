"""etalase/background.py: a step computed in a forked child gives what the step gives here."""

from __future__ import annotations

import os

import pytest

from etalase.background import Background


def test_the_result_comes_from_the_child() -> None:
    parent = os.getpid()
    job = Background(lambda: (os.getpid(), list(range(100_000))), jobs=2)
    pid, data = job.result()
    assert pid != parent and data == list(range(100_000))


def test_one_job_runs_it_here() -> None:
    assert Background(os.getpid, jobs=1).result() == os.getpid()


def test_a_child_that_fails_is_replaced_by_a_run_here_that_raises_the_real_error() -> None:
    calls = []

    def step() -> int:
        calls.append(os.getpid())
        raise ValueError("rusak")

    job = Background(step, jobs=2)
    with pytest.raises(ValueError, match="rusak"):
        job.result()
    assert calls == [os.getpid()]  # the child's call happened in the child, not in this list


def test_a_child_killed_on_the_way_is_replaced_too() -> None:
    job = Background(lambda: os.kill(os.getpid(), 9), jobs=2)
    parent = os.getpid()
    job.fn = lambda: parent  # what the parent computes when the child gives nothing
    assert job.result() == parent


def test_close_stops_a_child_whose_result_is_not_wanted() -> None:
    import time

    job = Background(lambda: time.sleep(60), jobs=2)
    proc = job._proc
    job.close()
    assert not proc.is_alive()
