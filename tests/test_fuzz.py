"""A short run of the mutation fuzzer (scripts/fuzz.py runs ≥ 10⁵ cases the same way)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "fuzz.py"


def _fuzz():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("govspeech_fuzz", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_mutated_text_word_and_html_inputs_give_a_tree_or_one_clean_error():
    fuzz = _fuzz()
    assert fuzz.run(400, seed=12345, quiet=True) == []


def test_the_fuzzer_reports_what_it_should(monkeypatch):
    """A failure of each kind is caught: a crash, a lossy tree, a slow case."""
    fuzz = _fuzz()
    import govspeech

    real = govspeech.parse
    monkeypatch.setattr(govspeech, "parse", lambda text: real(text[1:]))  # loses a character
    assert "does not rebuild its text" in (fuzz.check_case(b"abc\n", "txt", 5.0) or "")

    def crash(text: str) -> None:
        raise IndexError("boom")

    monkeypatch.setattr(govspeech, "parse", crash)
    assert (fuzz.check_case(b"abc\n", "txt", 5.0) or "").startswith("IndexError: boom")

    def slow(text: str) -> None:
        import time

        time.sleep(2)

    monkeypatch.setattr(govspeech, "parse", slow)
    import signal

    signal.signal(signal.SIGALRM, fuzz._on_alarm)
    assert fuzz.check_case(b"abc\n", "txt", 0.2) == "took longer than 0.2 s"
