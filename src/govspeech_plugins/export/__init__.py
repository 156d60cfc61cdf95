"""``govspeech export``: the whole tree in a file format chosen from the installed exporters.

Formats are plugins too (entry-point group ``govspeech.exporters``), discovered when the
command starts; the format is ``--format`` or the output file's extension, JSON otherwise. A
broken format is reported only when it is the one asked for.
"""

from __future__ import annotations

import argparse
import os
from typing import IO, Any, cast

from govspeech.errors import PluginError, UsageError, one_line
from govspeech.nodes import ParsedFile
from govspeech.plugin import (
    EXPORTERS,
    N_,
    Guard,
    Plugin,
    PluginProtocol,
    discover,
    load,
    report,
)
from govspeech.plugin import gettext as _

DEFAULT_FORMAT = "json"


class _Recorder:
    """The export command's parser as one format sees it: everything goes through to the
    parser, and the options the format adds (directly or in a group) are remembered."""

    def __init__(self, target: Any, actions: list[argparse.Action] | None = None) -> None:
        self._target = target
        self.actions: list[argparse.Action] = [] if actions is None else actions

    def add_argument(self, *args: Any, **kwargs: Any) -> argparse.Action:
        action: argparse.Action = self._target.add_argument(*args, **kwargs)
        self.actions.append(action)
        return action

    def add_argument_group(self, *args: Any, **kwargs: Any) -> _Recorder:
        return _Recorder(self._target.add_argument_group(*args, **kwargs), self.actions)

    def add_mutually_exclusive_group(self, *args: Any, **kwargs: Any) -> _Recorder:
        return _Recorder(self._target.add_mutually_exclusive_group(*args, **kwargs), self.actions)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._target, name)


class Export(Plugin):
    """The ``export`` command: delegates every step to the chosen exporter."""

    name = "export"
    description = N_("Write the whole tree in a file format (--format json, or an installed one)")
    examples = (
        "govspeech export 讲话.txt -o 讲话.json",
        "govspeech export --format json 政府工作报告.txt > 报告.json",
        N_("govspeech plugins        # lists the formats installed"),
    )

    def __init__(self) -> None:
        self._registry = discover(EXPORTERS)
        self._exporters: dict[str, PluginProtocol] = {}
        self._failures: dict[str, str] = {}
        self._chosen: PluginProtocol | None = None
        self._guard: Guard | None = None
        self._warned = False
        self._owners: list[tuple[str, argparse.Action]] = []

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        names = self._registry.names()
        parser.add_argument(
            "-f",
            "--format",
            choices=names,
            help=_("output format (default: from the -o file's extension, else {default})").format(
                default=DEFAULT_FORMAT
            ),
        )
        # Our own formats add their options first, so a third-party format whose option
        # clashes with one of them is the one reported as broken.
        own_first = sorted(
            names, key=lambda n: (self._registry.specs[n].distribution != "govspeech", n)
        )
        for name in own_first:
            try:
                exporter = load(self._registry.specs[name]).plugin
            except PluginError as exc:
                self._failures[name] = str(exc)
                continue
            recorder = _Recorder(parser)
            try:
                exporter.add_arguments(cast(argparse.ArgumentParser, recorder))
            except Exception as exc:  # an option clash must not break the other formats
                spec = self._registry.specs[name]
                message = one_line(f"{type(exc).__name__}: {exc}")
                self._failures[name] = (
                    f"plugin {name!r} ({spec.origin}) failed while adding its options: {message}"
                )
                continue
            self._exporters[name] = exporter
            # Remember each format's options, to warn when one is given to another format.
            for action in recorder.actions:
                self._owners.append((name, action))

    def _warn_unused(self, fmt: str, options: argparse.Namespace) -> None:
        # Options named after another format (--csv-bom, --html-title) do nothing here.
        for owner, action in self._owners:
            flags = [f for f in action.option_strings if f.startswith(f"--{owner}-")]
            if owner == fmt or not flags:
                continue
            if getattr(options, action.dest, action.default) != action.default:
                report(
                    _("warning: {option} has no effect with --format {format}").format(
                        option=flags[0], format=fmt
                    )
                )

    def _format(self, options: argparse.Namespace) -> str:
        if options.format:
            return str(options.format)
        if options.output:
            ext = os.path.splitext(options.output)[1].lower()
            for name, exporter in self._exporters.items():
                if ext in getattr(exporter, "extensions", ()):
                    return name
            if ext:
                raise UsageError(
                    _(
                        "govspeech export: no format writes {extension} files; choose one with "
                        "--format ({formats})"
                    ).format(extension=ext, formats=", ".join(self._registry.names()))
                )
        return DEFAULT_FORMAT

    def prepare(self, options: argparse.Namespace) -> None:
        fmt = self._format(options)
        if not self._warned:
            for warning in self._registry.warnings_for(fmt):
                report(warning, level="warning")
            self._warn_unused(fmt, options)
            self._warned = True
        if fmt in self._failures:
            raise PluginError(self._failures[fmt])
        if fmt not in self._exporters:
            raise UsageError(
                _("govspeech export: format {format!r} is not installed").format(format=fmt)
            )
        options.format = fmt
        self._chosen = self._exporters[fmt]
        # The format's own errors name the format, not this command.
        self._guard = Guard(self._registry.specs[fmt], command=f"export --format {fmt}")
        self._guard("in prepare", self._chosen.prepare, options)
        self.binary = bool(self._chosen.binary)
        self.parallel = bool(getattr(self._chosen, "parallel", False))

    def _call(self, where: str, method: str, *args: Any) -> Any:
        assert self._chosen is not None and self._guard is not None, "prepare() runs first"
        return self._guard(where, getattr(self._chosen, method), *args)

    def suffix(self, options: argparse.Namespace) -> str:
        return str(self._call("choosing a file suffix", "suffix", options))

    def start(self, options: argparse.Namespace, out: IO[Any]) -> None:
        self._call("at the start", "start", options, out)

    def run(self, tree: ParsedFile, options: argparse.Namespace, out: IO[Any]) -> int:
        return int(self._call(f"on {tree.path}", "run", tree, options, out) or 0)

    def finish(self, options: argparse.Namespace, out: IO[Any]) -> int:
        return int(self._call("at the end", "finish", options, out) or 0)
