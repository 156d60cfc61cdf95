"""Finding plugins (reading entry points, importing nothing) and loading them (importing one).

Discovery is cheap and cannot fail because of a broken plugin, so every command works whatever
else is installed; only the plugin a command needs is imported, and an import that fails
becomes a `PluginLoadError` naming the plugin and the distribution that provides it.

Entry points are read straight from the ``entry_points.txt`` files of the distributions on
``sys.path`` (the PyPA entry-points format), with the same rule as `importlib.metadata` for
a distribution installed twice (the first on the path wins); a test checks that both agree.
Importing `importlib.metadata` would cost about 15 ms of a command's 100 ms start-up.
"""

from __future__ import annotations

import functools
import importlib
import os
import re
import sys
from collections.abc import Iterator
from typing import Any

from attrs import frozen

from govspeech.errors import PluginLoadError, Stopped, one_line
from govspeech.plugin.base import PluginProtocol

__all__ = ["LoadedPlugin", "PluginSpec", "Registry", "discover", "entry_points", "load"]

_OWN_DISTRIBUTION = "govspeech"
_REQUIRED = (
    "name",
    "description",
    "binary",
    "add_arguments",
    "prepare",
    "start",
    "run",
    "finish",
    "suffix",
)
_INFO_SUFFIXES = (".dist-info", ".egg-info")
# A command or format name (it is typed on the command line) and an object reference.
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*")
_VALUE = re.compile(r"[A-Za-z_][\w.]*\s*(:\s*[A-Za-z_][\w.]*)?\s*(\[[^\]]*\])?")
# Attributes of the plugin protocol that must have a type, not just exist.
_TYPED: tuple[tuple[str, type | tuple[type, ...]], ...] = (
    ("name", str),
    ("description", str),
    ("binary", bool),
    ("parallel", bool),
    ("examples", (tuple, list)),
)


def _normalize(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _info_folders() -> Iterator[str]:
    """The metadata folders of the distributions on sys.path, each distribution once."""
    seen: set[str] = set()
    for entry in sys.path:
        folder = entry or "."
        try:
            names = sorted(os.listdir(folder))
        except OSError:  # a zip file, a missing folder
            continue
        for name in names:
            if not name.endswith(_INFO_SUFFIXES):
                continue
            project = _normalize(name.rsplit(".", 1)[0].split("-", 1)[0])
            if project not in seen:
                seen.add(project)
                yield os.path.join(folder, name)


@functools.lru_cache(maxsize=256)  # once per distribution and process, not per message
def _read_header(info: str) -> dict[str, str]:
    """Name and Version from a distribution's METADATA (or PKG-INFO) header."""
    found: dict[str, str] = {}
    for filename in ("METADATA", "PKG-INFO"):
        try:
            with open(os.path.join(info, filename), encoding="utf-8", errors="replace") as f:
                for line in f:
                    if not line.strip():
                        break
                    key, _, value = line.partition(":")
                    if key in ("Name", "Version") and key not in found:
                        found[key] = value.strip()
        except OSError:
            continue
        break
    return found


@frozen
class EntryPoint:
    """One ``name = module:attr`` line of a distribution's ``entry_points.txt``."""

    group: str
    name: str
    value: str
    info: str  # the distribution's metadata folder

    def load(self) -> Any:
        """Import the module and return the object the entry point names."""
        target = self.value.split("[", 1)[0].strip()  # drop "[extras]"
        module_name, _, attrs = target.partition(":")
        obj: Any = importlib.import_module(module_name.strip())
        for attr in filter(None, attrs.strip().split(".")):
            obj = getattr(obj, attr)
        return obj


def entry_points(group: str) -> list[EntryPoint]:
    """The entry points of ``group`` declared by the distributions on sys.path; none imported."""
    return _read_entry_points(group)[0]


def _read_entry_points(group: str) -> tuple[list[EntryPoint], list[str]]:
    """The well-formed entry points of ``group``, and one warning per malformed line."""
    found: list[EntryPoint] = []
    problems: list[str] = []
    header = f"[{group}]"
    for info in _info_folders():
        try:
            with open(os.path.join(info, "entry_points.txt"), encoding="utf-8") as f:
                lines = f.read().splitlines()
        except (OSError, UnicodeDecodeError):
            continue
        inside = False
        for raw in lines:
            line = raw.strip()
            if not line or line.startswith(("#", ";")):
                continue
            if line.startswith("["):
                inside = line == header
            elif inside:
                name, eq, value = (part.strip() for part in line.partition("="))
                if eq and _NAME.fullmatch(name) and _VALUE.fullmatch(value):
                    found.append(EntryPoint(group, name, value, info))
                else:
                    where = os.path.join(os.path.basename(info), "entry_points.txt")
                    problems.append(
                        f"warning: {where}: ignoring {one_line(line)[:80]!r} in {header} "
                        "(expected: name = module:object, the name without spaces)"
                    )
    return found, problems


@frozen
class PluginSpec:
    """A discovered entry point: its group, name (the command or format) and target."""

    group: str
    name: str
    value: str
    entry_point: EntryPoint

    @property
    def distribution(self) -> str:
        """The name of the distribution that declares the entry point (reads its metadata)."""
        header = _read_header(self.entry_point.info)
        return header.get("Name") or os.path.basename(self.entry_point.info).split("-")[0]

    @property
    def version(self) -> str:
        """The distribution's version (reads its metadata)."""
        return _read_header(self.entry_point.info).get("Version", "?")

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


def discover(group: str) -> Registry:
    """The plugins registered under ``group``; nothing is imported."""
    eps, problems = _read_entry_points(group)
    found: dict[str, list[PluginSpec]] = {}
    for ep in eps:
        found.setdefault(ep.name, []).append(PluginSpec(group, ep.name, ep.value, ep))
    specs: dict[str, PluginSpec] = {}
    warnings: list[str] = list(problems)
    for name in sorted(found):
        candidates = found[name]
        if len(candidates) == 1:
            specs[name] = candidates[0]
        else:
            specs[name], warning = _choose(name, candidates)
            warnings.append(warning)
    return Registry(group, specs, tuple(warnings))


@frozen
class LoadedPlugin:
    """A loaded plugin: its entry point, the object, and what the command line asks of it.

    `load` checks the object once; the command line reads it through this record instead of
    probing attributes at every use. ``binary`` and ``parallel`` are read when asked, because a
    plugin may set them in ``prepare`` (``export`` takes them from the chosen format).
    """

    spec: PluginSpec
    plugin: PluginProtocol
    #: Command lines shown under "examples" in the command's ``--help``.
    examples: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        """The command (or format) name: the entry point's."""
        return self.spec.name

    @property
    def description(self) -> str:
        """The plugin's one-line description."""
        return self.plugin.description

    @property
    def binary(self) -> bool:
        """True when the plugin writes bytes (a Word file) rather than text."""
        return bool(self.plugin.binary)

    @property
    def parallel(self) -> bool:
        """True when ``--jobs`` may run the plugin in worker processes."""
        return bool(getattr(self.plugin, "parallel", False))


def load(spec: PluginSpec) -> LoadedPlugin:
    """Import the plugin; a class is instantiated without arguments.

    Raises `PluginLoadError` (one line, naming the plugin and its distribution) when the import
    fails or the object lacks part of the plugin protocol.
    """
    what = f"plugin {spec.name!r} ({spec.origin})"
    try:
        obj = spec.entry_point.load()
        if isinstance(obj, type):
            obj = obj()
    except (KeyboardInterrupt, Stopped):
        raise
    except BaseException as exc:  # an import may raise anything, SystemExit included
        raise PluginLoadError(
            one_line(f"{what} failed to load: {type(exc).__name__}: {exc}")
        ) from exc
    missing = [attr for attr in _REQUIRED if not hasattr(obj, attr)]
    if missing:
        raise PluginLoadError(
            f"{what} is not a govspeech plugin: {spec.value} lacks {', '.join(missing)} "
            "(subclass govspeech.plugin.Plugin)"
        )
    for attr, kind in _TYPED:
        if not hasattr(obj, attr):
            continue  # an optional one (the required ones were checked above)
        value = getattr(obj, attr)
        if not isinstance(value, kind):
            expected = " or ".join(
                k.__name__ for k in (kind if isinstance(kind, tuple) else (kind,))
            )
            raise PluginLoadError(
                f"{what} is not a govspeech plugin: its {attr} is {one_line(repr(value))[:60]}, "
                f"expected a {expected}"
            )
    examples = getattr(obj, "examples", None) or ()
    bad_methods = [m for m in _REQUIRED if m not in dict(_TYPED) and not callable(getattr(obj, m))]
    if bad_methods or not all(isinstance(e, str) for e in examples):
        what_bad = ", ".join(bad_methods) + " not callable" if bad_methods else "examples not str"
        raise PluginLoadError(f"{what} is not a govspeech plugin: {what_bad}")
    plugin: PluginProtocol = obj
    return LoadedPlugin(spec, plugin, tuple(examples))
