"""Shared fixtures: paths to real input."""

from __future__ import annotations

from pathlib import Path

import pytest

TESTS = Path(__file__).parent
DATA = TESTS / "data"
GOLDEN = TESTS / "golden"
CORPUS_FILE = DATA / "corpus_speeches.txt"
# The government work reports stay in the shared corpus folder beside the checkout.
REPORTS = TESTS.parent.parent / "shared" / "corpus" / "reports"


def report_paths() -> list[Path]:
    return sorted(REPORTS.glob("gwr_*.txt")) if REPORTS.is_dir() else []


def report(year: int) -> Path:
    path = REPORTS / f"gwr_{year}.txt"
    if not path.is_file():
        pytest.skip(f"shared corpus report {path.name} not present")
    return path


@pytest.fixture(scope="session")
def corpus_tree():  # type: ignore[no-untyped-def]
    import govspeech

    return govspeech.parse_file(CORPUS_FILE)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """The suite must never replace the machine's /dev/null (a test writing ``-o /dev/null``
    as root once did): fail the run if it is no longer a character device."""
    import os
    import stat

    if os.name == "posix" and not stat.S_ISCHR(os.stat(os.devnull).st_mode):
        print(f"\nerror: {os.devnull} is no longer a character device after the tests")
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
