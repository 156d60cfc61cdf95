"""What to check and the house style: `Settings`, built from the configuration by config.py."""

from __future__ import annotations

from attrs import field, frozen

from govspeech_plugins.check.rules.registry import RULES

__all__ = ["Settings"]


@frozen
class Settings:
    """What to check and the house style (from ``[tool.govspeech.check]`` and the options)."""

    select: frozenset[str] = field(
        factory=lambda: frozenset(c for c, r in RULES.items() if r.default)
    )
    #: ``"auto"`` (．in fullwidth text, . in halfwidth text), ``"．"`` or ``"."``
    arabic_dot: str = "auto"
