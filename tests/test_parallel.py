"""Sharing work between processes: the results come back whole and in order,
each as soon as it and those before it are done."""

import gc
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator.parallel import WorkerLost, parallel_imap, parallel_map

needs_workers = pytest.mark.skipif((os.cpu_count() or 1) < 2 or not hasattr(os, "fork"), reason="one core: no worker processes")


def open_descriptors() -> set[str]:
    return set(os.listdir("/proc/self/fd"))


def test_results_come_back_in_the_order_of_the_items():
    items = list(range(5000))
    assert parallel_map(lambda n: n * n, items) == [n * n for n in items]


@needs_workers
def test_the_work_is_shared_between_processes():
    def pid_after_a_pause(n):
        time.sleep(0.0001)  # long enough that no worker drains the queue before the last one starts
        return os.getpid()

    pids = parallel_map(pid_after_a_pause, range(5000))
    assert os.getpid() not in pids
    assert len(set(pids)) == min(os.cpu_count(), 4)


@needs_workers
def test_the_first_results_arrive_while_the_last_items_are_still_worked_on(tmp_path):
    received = tmp_path / "first-result-received"

    def last_waits_for_the_first_to_arrive(n):
        if n < 4999:
            return n
        deadline = time.monotonic() + 10
        while not received.exists() and time.monotonic() < deadline:
            time.sleep(0.01)
        return received.exists()

    results = parallel_imap(last_waits_for_the_first_to_arrive, range(5000))
    assert next(results) == 0
    received.touch()
    assert list(results)[-1] is True


def test_a_failure_in_a_worker_reaches_the_caller():
    def fail_on(n):
        if n == 4321:
            raise ValueError("item 4321")
        return n

    with pytest.raises((RuntimeError, ValueError), match="4321"):
        parallel_map(fail_on, range(5000))


def test_a_short_list_is_mapped_in_the_calling_process():
    assert parallel_map(lambda n: os.getpid(), range(10)) == [os.getpid()] * 10


@needs_workers
def test_a_caller_that_stops_early_leaves_no_worker_waiting():
    # Each chunk's results outgrow a pipe's buffer, so the workers are still
    # writing when the caller stops reading; stopping must not wait on them forever.
    code = (
        "from generator.parallel import parallel_imap\n"
        "results = parallel_imap(lambda n: 'x' * 1000, range(50_000))\n"
        "next(results)\n"
        "results.close()\n"
        "print('closed')\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                          cwd=Path(__file__).resolve().parent.parent)
    assert done.stdout == "closed\n", done.stderr


def test_when_no_process_can_be_started_the_caller_does_the_work(monkeypatch):
    def no_more_processes():
        raise BlockingIOError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(os, "fork", no_more_processes)
    before = open_descriptors()
    assert parallel_map(lambda n: n + 1, range(5000)) == list(range(1, 5001))
    assert open_descriptors() == before


@pytest.mark.parametrize("pipes_to_be_had", [0, 1, 2])
def test_when_file_descriptors_run_out_the_work_is_still_done(monkeypatch, pipes_to_be_had):
    # 0: not even the tickets' pipe; 1: no worker's pipe; 2: one worker's only.
    pipe, made = os.pipe, []

    def pipe_until_none_left():
        if len(made) == pipes_to_be_had:
            raise OSError(24, "Too many open files")
        made.append(pipe())
        return made[-1]

    monkeypatch.setattr(os, "pipe", pipe_until_none_left)
    before = open_descriptors()
    assert parallel_map(lambda n: n + 1, range(5000)) == list(range(1, 5001))
    assert open_descriptors() == before


@needs_workers
def test_a_worker_that_is_killed_is_reported_as_lost():
    def killed_at(n):
        if n == 2500:
            os.kill(os.getpid(), signal.SIGKILL)
        return "x" * 100

    before = open_descriptors()
    with pytest.raises(WorkerLost, match="stopped before it finished"):
        parallel_map(killed_at, range(5000))
    assert open_descriptors() == before


@needs_workers
def test_objects_the_caller_froze_stay_frozen():
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        parallel_map(lambda n: n, range(5000))
        assert gc.get_freeze_count() >= frozen
    finally:
        gc.unfreeze()
