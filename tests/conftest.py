"""Shared fixtures: paths to real input."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

# The suite starts a few hundred interpreters (the command line as users run it); with
# PYTHONDONTWRITEBYTECODE set, as on some machines, each would compile govspeech anew (20 s).
os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
sys.dont_write_bytecode = False

# Messages in English whatever the machine's locale (tests/test_i18n.py sets LANG or LANGUAGE
# for the Chinese ones): LC_ALL and LC_MESSAGES would win over a test's LANG, and LANGUAGE
# over both. The character encoding LC_ALL gave is kept, as LC_CTYPE.
if os.environ.get("LC_ALL"):
    os.environ.setdefault("LC_CTYPE", os.environ["LC_ALL"])
for _name in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
    os.environ.pop(_name, None)
os.environ["LANG"] = "C.UTF-8"

TESTS = Path(__file__).parent
DATA = TESTS / "data"
GOLDEN = TESTS / "golden"
CORPUS_FILE = DATA / "corpus_speeches.txt"
# The government work reports stay in the shared corpus folder beside the checkout.
REPORTS = TESTS.parent.parent / "shared" / "corpus" / "reports"


# CI sets this: there the shared corpus is beside the checkout, and its tests must run, not skip.
REQUIRE_CORPUS = os.environ.get("GOVSPEECH_REQUIRE_CORPUS") == "1"


def report_paths() -> list[Path]:
    return sorted(REPORTS.glob("gwr_*.txt")) if REPORTS.is_dir() else []


def report(year: int) -> Path:
    path = REPORTS / f"gwr_{year}.txt"
    if not path.is_file():
        if REQUIRE_CORPUS:
            pytest.fail(f"shared corpus report {path} missing (GOVSPEECH_REQUIRE_CORPUS=1)")
        pytest.skip(f"shared corpus report {path.name} not present")
    return path


def pytest_sessionstart(session: pytest.Session) -> None:
    if REQUIRE_CORPUS and len(report_paths()) < 42:
        pytest.exit(
            f"GOVSPEECH_REQUIRE_CORPUS=1 but {REPORTS} holds {len(report_paths())} of the 42 "
            "work reports",
            returncode=1,
        )


@pytest.fixture(scope="session")
def corpus_tree():  # type: ignore[no-untyped-def]
    import govspeech

    return govspeech.parse_file(CORPUS_FILE)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """The suite must never replace the machine's /dev/null (a test writing ``-o /dev/null``
    as root once did): fail the run if it is no longer a character device."""
    import stat

    if os.name == "posix" and not stat.S_ISCHR(os.stat(os.devnull).st_mode):
        print(f"\nerror: {os.devnull} is no longer a character device after the tests")
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-goldens",
        action="store_true",
        help="write tests/golden/ and the expected trees of tests/cases/*.txt from the current "
        "outputs (review with git diff)",
    )
    parser.addoption(
        "--run-slow",
        action="store_true",
        help="also run the tests marked slow (they always run under CI=true)",
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """The slow tests (a wheel built and installed, pip installing the example plugin) run in
    CI and on request; the default suite stays quick on a two-core machine."""
    if config.getoption("--run-slow") or os.environ.get("CI") == "true":
        return
    skip = pytest.mark.skip(reason="slow: runs under CI=true or with --run-slow")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


class Golden:
    """Compare an output with its hand-checked golden file in tests/golden/.

    ``python -m pytest --update-goldens`` writes the outputs instead of comparing them; review
    the change with ``git diff tests/golden`` (every line of a golden was read against its
    source once: a diff is what to read again) and commit it.
    """

    def __init__(self, update: bool) -> None:
        self.update = update

    def __call__(self, name: str, actual: str | bytes) -> None:
        path = GOLDEN / name
        data = actual.encode("utf-8") if isinstance(actual, str) else actual
        if self.update:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
            return
        expected = path.read_bytes()
        if isinstance(actual, str):
            assert actual == expected.decode("utf-8"), f"{name} differs (see --update-goldens)"
        else:
            assert actual == expected, f"{name} differs (see --update-goldens)"


@pytest.fixture
def golden(request: pytest.FixtureRequest) -> Golden:
    return Golden(bool(request.config.getoption("--update-goldens")))
