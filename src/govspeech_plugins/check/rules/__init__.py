"""The numbering rules of ``govspeech check`` and the marker rewrites of ``govspeech fix``.

`analyse` walks a parsed file and returns findings (records, never exceptions) with stable
codes, plus for every marker what a fix would write instead. Each code is reported by a
*unit*, one module ``gsNNN_<name>.py`` of this package that registers its `Rule` entries and
its check with `registry.register`; the units are imported here, in name order, so `RULES`
(the table both commands and docs/check.md are built from) lists the codes in code order.

The machinery the units share:

- ``registry``: `Rule`, `Phase`, `register`, `RULES` and the registered units;
- ``settings``: `Settings`, what is checked and the house style;
- ``findings``: `Finding`, `Analysis`, and the `Report` a check records findings through;
- ``marks``: `Mark`, a marker with what fix would write for it;
- ``runs``: which siblings are numbered as one list (`Run`);
- ``siblings``: `Siblings`, the group of markers a check is given;
- ``walk``: `analyse`, the walk from documents to groups of siblings to the units;
- ``fixer``: the settle loop that turns the marks' fixes into a rewrite fixing twice leaves.
"""

from __future__ import annotations

from govspeech_plugins.check.rules.findings import Analysis, Finding
from govspeech_plugins.check.rules.marks import Mark
from govspeech_plugins.check.rules.registry import RULES, Phase, Rule, load_units, register
from govspeech_plugins.check.rules.settings import Settings
from govspeech_plugins.check.rules.walk import analyse

__all__ = [
    "RULES",
    "Analysis",
    "Finding",
    "Mark",
    "Phase",
    "Rule",
    "Settings",
    "analyse",
    "register",
]

load_units(__path__, __name__)
