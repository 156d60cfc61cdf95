"""The command line: ``govspeech COMMAND [options] FILE...`` (`main`), the runner that feeds
each input to a command's plugin, the worker processes of ``--jobs`` and the expansion of
folders and globs into input files."""

from govspeech.cli.main import main

__all__ = ["main"]
