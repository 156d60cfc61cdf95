"""Finding plugins (reading entry points, importing nothing) and loading them (importing one).

Discovery is cheap and cannot fail because of a broken plugin, so every command works whatever
else is installed; only the plugin a command needs is imported, and an import that fails
becomes a `PluginLoadError` naming the plugin and the distribution that provides it.
"""

from __future__ import annotations

import importlib.metadata as metadata
import re
from collections.abc import Iterable

from attrs import frozen

from .errors import PluginLoadError
from .plugin import PluginProtocol

__all__ = ["PluginSpec", "Registry", "discover", "load"]

_OWN_DISTRIBUTION = "govspeech"
_REQUIRED = ("name", "description", "binary", "add_arguments", "prepare", "start", "run", "finish")


def _normalize(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _one_line(text: str) -> str:
    return " ".join(text.split())


@frozen
class PluginSpec:
    """A discovered entry point: its group, name (the command or format) and target."""

    group: str
    name: str
    value: str
    entry_point: metadata.EntryPoint

    @property
    def distribution(self) -> str:
        """The name of the distribution that declares the entry point (reads its metadata)."""
        dist = getattr(self.entry_point, "dist", None)
        return str(dist.name) if dist is not None else "unknown distribution"

    @property
    def version(self) -> str:
        """The distribution's version (reads its metadata)."""
        dist = getattr(self.entry_point, "dist", None)
        return str(dist.version) if dist is not None else "?"

    @property
    def origin(self) -> str:
        """``distribution version``, for messages."""
        return f"{self.distribution} {self.version}"


@frozen
class Registry:
    """The plugins of one entry-point group, by name, plus warnings about duplicates."""

    group: str
    specs: dict[str, PluginSpec]
    warnings: tuple[str, ...] = ()

    def names(self) -> list[str]:
        """Plugin names in sorted order."""
        return sorted(self.specs)

    def warnings_for(self, name: str) -> list[str]:
        """The warnings about the plugin called ``name``."""
        return [w for w in self.warnings if w.startswith(f"warning: plugin {name!r} ")]


def _choose(name: str, candidates: list[PluginSpec]) -> tuple[PluginSpec, str]:
    # Our own distribution wins a tie (so nobody replaces a built-in by accident), then the
    # distribution name and the target decide: the same choice on every run and machine.
    ranked = sorted(
        candidates,
        key=lambda s: (_normalize(s.distribution) != _OWN_DISTRIBUTION, s.distribution, s.value),
    )
    chosen = ranked[0]
    others = ", ".join(s.distribution for s in ranked[1:])
    warning = (
        f"warning: plugin {name!r} is provided by {chosen.distribution} and {others}; "
        f"using {chosen.distribution}'s ({chosen.value})"
    )
    return chosen, warning


def discover(group: str, entry_points: Iterable[metadata.EntryPoint] | None = None) -> Registry:
    """The plugins registered under ``group``; nothing is imported.

    ``entry_points`` replaces the installed ones (for tests and embedding applications).
    """
    eps = metadata.entry_points(group=group) if entry_points is None else entry_points
    found: dict[str, list[PluginSpec]] = {}
    for ep in eps:
        found.setdefault(ep.name, []).append(PluginSpec(group, ep.name, ep.value, ep))
    specs: dict[str, PluginSpec] = {}
    warnings: list[str] = []
    for name in sorted(found):
        candidates = found[name]
        if len(candidates) == 1:
            specs[name] = candidates[0]
        else:
            specs[name], warning = _choose(name, candidates)
            warnings.append(warning)
    return Registry(group, specs, tuple(warnings))


def load(spec: PluginSpec) -> PluginProtocol:
    """Import the plugin; a class is instantiated without arguments.

    Raises `PluginLoadError` (one line, naming the plugin and its distribution) when the import
    fails or the object lacks part of the plugin protocol.
    """
    what = f"plugin {spec.name!r} ({spec.origin})"
    try:
        obj = spec.entry_point.load()
        if isinstance(obj, type):
            obj = obj()
    except Exception as exc:
        raise PluginLoadError(
            _one_line(f"{what} failed to load: {type(exc).__name__}: {exc}")
        ) from exc
    missing = [attr for attr in _REQUIRED if not hasattr(obj, attr)]
    if missing:
        raise PluginLoadError(
            f"{what} is not a govspeech plugin: {spec.value} lacks {', '.join(missing)} "
            "(subclass govspeech.plugin.Plugin)"
        )
    plugin: PluginProtocol = obj
    return plugin
