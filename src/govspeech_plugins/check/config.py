"""Configuration of ``check`` and ``fix``: which codes, the house style, per-line suppressions.

Settings come from, in order (later wins): the defaults; the nearest ``govspeech.toml``
(table ``[check]``) or ``pyproject.toml`` (table ``[tool.govspeech.check]``) found from the
current folder upwards, or the file given with ``--config``; the command-line options.

A line is exempt from a check when it holds a suppression comment: ``govspeech: noqa``
(every code) or ``govspeech: noqa GS102, GS304`` (those codes), anywhere on the line —
conventionally at its end in brackets, ``【govspeech: noqa GS102】``. The colon may be
fullwidth (``govspeech：noqa``), as a Chinese input method types it.
"""

from __future__ import annotations

import argparse
import fnmatch
import os
import re
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from attrs import frozen

from govspeech.errors import UsageError
from govspeech.nodes import ParsedFile, split_lines
from govspeech.plugin import gettext as _
from govspeech_plugins.check.rules import RULES, Analysis, Settings, analyse

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

__all__ = ["LintConfig", "add_options", "load", "noqa_lines"]

_KEYS = {
    "select",
    "extend-select",
    "ignore",
    "arabic-dot",
    "allow-skipped-levels",
    "per-file-ignores",
}
_DOTS = {"auto": "auto", "．": "．", ".": ".", "fullwidth": "．", "halfwidth": "."}
_NOQA = re.compile(
    r"govspeech[:：]\s*noqa(?:[:：\s]+(?P<codes>GS\d{3}(?:[\s,，、]+GS\d{3})*))?", re.IGNORECASE
)


@frozen
class LintConfig:
    """The settings in force: selected codes, house style, per-file ignores, and their source."""

    select: frozenset[str]
    arabic_dot: str = "auto"
    per_file_ignores: tuple[tuple[str, frozenset[str]], ...] = ()
    source: str | None = None

    def analyse(self, tree: ParsedFile) -> Analysis:
        """The rules run on ``tree`` with these settings and the text's noqa comments."""
        settings = Settings(select=self.codes_for(tree.path), arabic_dot=self.arabic_dot)
        return analyse(tree, settings, noqa_lines(tree.text))

    def codes_for(self, path: str | None) -> frozenset[str]:
        """The codes checked in the file at ``path`` (per-file ignores applied)."""
        codes = self.select
        if path:
            name = path.replace(os.sep, "/")
            for pattern, ignored in self.per_file_ignores:
                if fnmatch.fnmatch(name, pattern) or fnmatch.fnmatch(
                    os.path.basename(name), pattern
                ):
                    codes = codes - ignored
        return codes


def expand(codes: Iterable[str], where: str) -> set[str]:
    """Codes and prefixes (``GS1``, ``GS30``, ``ALL``) to the codes they name."""
    out: set[str] = set()
    for raw in codes:
        code = str(raw).strip().upper()
        if not code:
            continue
        matched = set(RULES) if code == "ALL" else {c for c in RULES if c.startswith(code)}
        if not matched:
            known = ", ".join(RULES)
            raise UsageError(
                _("{where}: unknown code {code!r} (known: {known}, or ALL)").format(
                    where=where, code=raw, known=known
                )
            )
        out |= matched
    return out


def _split(value: str | None) -> list[str]:
    return [] if not value else [v for v in re.split(r"[,\s]+", value) if v]


def add_options(parser: argparse.ArgumentParser) -> None:
    """The options ``check`` and ``fix`` share."""
    group = parser.add_argument_group(_("checks and house style (override the configuration)"))
    group.add_argument(
        "--select", metavar="CODES", help=_("check only these codes or prefixes (GS1,GS302; ALL)")
    )
    group.add_argument("--extend-select", metavar="CODES", help=_("check these as well (GS202)"))
    group.add_argument("--ignore", metavar="CODES", help=_("do not check these codes or prefixes"))
    group.add_argument(
        "--arabic-dot",
        choices=("auto", "．", ".", "fullwidth", "halfwidth"),
        help=_("the dot after 1: ． or . (auto: ． in fullwidth text, . in halfwidth text)"),
    )
    group.add_argument(
        "--config",
        metavar="FILE",
        help=_("read settings from FILE (govspeech.toml or pyproject.toml) instead of searching"),
    )


def _find_config(start: Path) -> tuple[Path, dict[str, Any]] | None:
    for folder in [start, *start.parents]:
        own = folder / "govspeech.toml"
        if own.is_file():
            return own, _read(own).get("check", {})
        project = folder / "pyproject.toml"
        if project.is_file():
            table = _read(project).get("tool", {}).get("govspeech", {})
            if "check" in table:
                return project, table["check"]
    return None


def _read(path: Path) -> dict[str, Any]:
    try:
        with open(path, "rb") as f:
            return tomllib.load(f)
    except OSError as exc:
        reason = exc.strerror or exc
        raise UsageError(
            _("{path}: cannot read ({reason})").format(path=path, reason=reason)
        ) from None
    except tomllib.TOMLDecodeError as exc:
        raise UsageError(
            _("{path}: not valid TOML ({error})").format(path=path, error=exc)
        ) from None


def _table(path: Path) -> dict[str, Any]:
    data = _read(path)
    if path.name == "pyproject.toml":
        return dict(data.get("tool", {}).get("govspeech", {}).get("check", {}))
    return dict(data.get("check", {}))


def load(options: argparse.Namespace, start: Path | None = None) -> LintConfig:
    """The settings for this run, from the configuration file and ``options``."""
    source: str | None
    if options.config:
        path = Path(options.config)
        if not path.is_file():
            raise UsageError(_("{path}: no such configuration file").format(path=path))
        table, source = _table(path), str(path)
    else:
        found = _find_config(start or Path.cwd())
        table, source = ({}, None) if found is None else (dict(found[1]), str(found[0]))
    where = f"{source} [check]" if source else _("configuration")
    unknown = sorted(set(table) - _KEYS)
    if unknown:
        raise UsageError(
            _("{where}: unknown setting {setting!r} (known: {known})").format(
                where=where, setting=unknown[0], known=", ".join(sorted(_KEYS))
            )
        )

    def codes(key: str) -> list[str]:
        value = table.get(key, [])
        if isinstance(value, str) or not isinstance(value, list):
            raise UsageError(
                _('{where}: {key} must be a list of codes, like ["GS101"]').format(
                    where=where, key=key
                )
            )
        return value

    select = (
        expand(codes("select"), where)
        if "select" in table
        else {c for c, r in RULES.items() if r.default}
    )
    select |= expand(codes("extend-select"), where)
    allow = table.get("allow-skipped-levels", True)
    if not isinstance(allow, bool):
        raise UsageError(
            _("{where}: allow-skipped-levels must be true or false").format(where=where)
        )
    if not allow:
        select.add("GS202")
    select -= expand(codes("ignore"), where)
    if options.select:
        select = expand(_split(options.select), "--select")
    select |= expand(_split(options.extend_select), "--extend-select")
    select -= expand(_split(options.ignore), "--ignore")

    dot = options.arabic_dot or table.get("arabic-dot", "auto")
    if dot not in _DOTS:
        raise UsageError(
            _('{where}: arabic-dot must be one of auto, "．", "."; got {dot!r}').format(
                where=where, dot=dot
            )
        )

    ignores = table.get("per-file-ignores", {})
    if not isinstance(ignores, dict):
        raise UsageError(
            _("{where}: per-file-ignores must be a table of pattern = [codes]").format(where=where)
        )
    per_file = tuple(
        (pattern, frozenset(expand(value if isinstance(value, list) else [value], where)))
        for pattern, value in ignores.items()
    )
    return LintConfig(frozenset(select), _DOTS[dot], per_file, source)


def noqa_lines(text: str) -> dict[int, frozenset[str] | None]:
    """Line number → the codes suppressed on it (None: every code)."""
    out: dict[int, frozenset[str] | None] = {}
    if "noqa" not in text.lower():
        return out
    # Lines as the tree counts them (split at \u2028 the comment would land on a wrong line).
    for number, line in enumerate(split_lines(text), 1):
        match = _NOQA.search(line)
        if match:
            codes = match.group("codes")
            out[number] = None if not codes else frozenset(re.findall(r"GS\d{3}", codes.upper()))
    return out
