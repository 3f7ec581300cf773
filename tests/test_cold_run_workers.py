"""A cold run with extraction forks its workers with what they all need already imported
(issue 17: the farm's cold run, CPU second by CPU second of every process). The worker that
builds the classifier's knowledge used to import the classifier's modules (and, in a new cache
folder, compile their regular expressions) for itself, while the run's process, which loads that
knowledge, imported them again."""

from __future__ import annotations

import multiprocessing
import subprocess
import sys

import pytest

_ASK_A_WORKER = """
from autonews.workers import Workers
with Workers(2, extract=True) as workers:
    asked = "'autonews.classify.configured' in __import__('sys').modules"
    print(workers.submit(eval, asked).result(timeout=60))
"""


@pytest.mark.skipif(
    "fork" not in multiprocessing.get_all_start_methods(), reason="workers start fresh"
)
def test_the_workers_of_a_cold_run_start_with_the_classifier_imported() -> None:
    done = subprocess.run(
        [sys.executable, "-c", _ASK_A_WORKER], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["True"]
