"""``export --format parquet``: the corpus as one Parquet table, for pandas, DuckDB, Polars, Spark.

One row per section of every input (``--parquet-unit document|paragraph|sentence|chunk`` for
another unit), the columns and types of `govspeech.tables` (``COLUMNS``): text columns are
Parquet strings, ``level`` and ``number`` nullable 64-bit integers, ``start``, ``end`` and
``line`` 64-bit integers. The file carries pandas' own metadata, so ``pandas.read_parquet``
gives ``Int64`` for ``number`` (a —— item's empty number does not make it a float column) and
``string`` for text. ``--parquet-unit chunk`` writes the chunks of `govspeech.chunks` with the
columns of `govspeech.tables.chunk_columns`, typed from the fields of its ``Chunk``: lists as
Parquet lists, a value of no Parquet type as JSON text. pyarrow is imported only when the
format is used (``pip install 'govspeech[parquet]'``).

All inputs make one table (``-o folder/`` makes one file per input, which
``pandas.read_parquet("folder/")`` reads as one dataset). The table is streamed: a
``pyarrow.parquet.ParquetWriter`` writes a row group whenever `ROW_GROUP_ROWS` rows have come
together, so memory holds one row group and one input's rows, however large the corpus. Its
bytes go into the runner's output of the step that writes them (the header at the start, row
groups with the input that completes them, the footer at the end), so the runner's atomic
``-o`` and its discarding of a failed input's output work as for every format: an input is
turned into rows before anything is written, and one that fails adds nothing.

A Parquet file has one footer that records where every row group lies, so it cannot be put
together from parts made in worker processes: the format runs in one process (``parallel`` is
false, and ``--jobs`` is ignored with a warning) except with ``-o folder/``, where every input
is a file of its own and ``--jobs`` works on several at once.

Like every binary format, it refuses to write to a terminal; ``-o -`` writes to a pipe.
"""

from __future__ import annotations

import argparse
import contextlib
import json
from typing import IO, Any, Final

from govspeech import __version__
from govspeech.errors import PluginError
from govspeech.nodes import ParsedFile
from govspeech.plugin import N_, Exporter
from govspeech.plugin import gettext as _
from govspeech.tables import COLUMNS, DTYPES, UNITS, chunk_columns, require_chunks, rows

__all__ = ["INSTALL_HINT", "ROW_GROUP_ROWS", "ParquetExporter", "arrow_schema"]

INSTALL_HINT: Final = N_("export --format parquet needs pyarrow: pip install 'govspeech[parquet]'")
#: Rows per row group: large enough for fast scans, small enough to hold in memory.
ROW_GROUP_ROWS: Final = 65_536
COMPRESSIONS: Final = ("snappy", "zstd", "gzip", "none")


class _Relay:
    """A write-only binary file for pyarrow that passes each write on to ``target`` (the
    runner's output of the current step) and counts the bytes, so that ``tell`` is the
    position in the whole file the steps' outputs make together."""

    closed = False

    def __init__(self, target: IO[bytes]) -> None:
        self.target = target
        self.position = 0

    def write(self, data: bytes) -> int:
        self.target.write(data)
        self.position += len(data)
        return len(data)

    def tell(self) -> int:
        return self.position

    def writable(self) -> bool:
        return True

    def flush(self) -> None:
        """Nothing to do: each write has gone on to the step's output already."""

    def close(self) -> None:
        """The runner closes the real output; pyarrow closing its file closes nothing."""


def _pyarrow() -> tuple[Any, Any]:
    """pyarrow and pyarrow.parquet, or a `PluginError` naming the extra to install."""
    try:
        import pyarrow  # type: ignore[import-untyped,import-not-found,unused-ignore]
        import pyarrow.parquet  # type: ignore[import-untyped,import-not-found,unused-ignore]
    except ImportError as exc:
        if exc.name in (None, "pyarrow") or (exc.name or "").startswith("pyarrow."):
            raise PluginError(_(INSTALL_HINT)) from None
        raise PluginError(
            _("{hint} (pyarrow failed to import: {error})").format(hint=_(INSTALL_HINT), error=exc)
        ) from None
    return pyarrow, pyarrow.parquet


def _columns(unit: str) -> dict[str, str]:
    """The table's columns and what each holds (`govspeech.tables.chunk_columns`' kinds)."""
    if unit == "chunk":
        return chunk_columns()
    return {name: "int" if DTYPES[name] in ("Int64", "int64") else "str" for name in COLUMNS}


def _arrow_type(pa: Any, kind: str) -> Any:
    if kind.startswith("list[") and kind.endswith("]"):
        return pa.list_(_arrow_type(pa, kind[5:-1]))
    simple = {"int": pa.int64(), "bool": pa.bool_(), "float": pa.float64()}
    return simple.get(kind, pa.string())  # str, and anything else as JSON text


def _pandas_type(name: str, kind: str) -> tuple[str, str] | None:
    """pandas' ``pandas_type`` and ``numpy_type`` (the dtype ``read_parquet`` restores) of a
    column, as `govspeech.tables.DTYPES` gives it; None for lists (pandas reads them as they
    are)."""
    if kind == "int":
        return ("int64", "int64" if DTYPES.get(name) == "int64" else "Int64")
    return {
        "str": ("unicode", "string"),
        "bool": ("bool", "boolean"),
        "float": ("float64", "Float64"),
    }.get(kind)


def _pandas_metadata(columns: dict[str, str]) -> bytes:
    """pandas' metadata for the table (what ``DataFrame.to_parquet`` writes): the dtypes that
    ``read_parquet`` restores. Written by hand, so the file does not need pandas (and holds no
    pandas version)."""
    described = []
    for name, kind in columns.items():
        types = _pandas_type(name, kind)
        if types is None:
            continue
        described.append(
            {
                "name": name,
                "field_name": name,
                "pandas_type": types[0],
                "numpy_type": types[1],
                "metadata": None,
            }
        )
    meta = {
        "index_columns": [],
        "column_indexes": [],
        "columns": described,
        "attributes": {},
        "creator": {"library": "govspeech", "version": __version__},
    }
    return json.dumps(meta, ensure_ascii=False).encode("utf-8")


def arrow_schema(unit: str = "section", pa: Any = None) -> Any:
    """The Arrow schema of the tables of ``unit``, with pandas' metadata."""
    if pa is None:
        pa, _parquet = _pyarrow()
    columns = _columns(unit)
    fields = [
        pa.field(name, _arrow_type(pa, kind), nullable=DTYPES.get(name) != "int64" or kind != "int")
        for name, kind in columns.items()
    ]
    return pa.schema(fields, metadata={b"pandas": _pandas_metadata(columns)})


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


class ParquetExporter(Exporter):
    """The ``parquet`` format."""

    name = "parquet"
    description = N_("One Parquet table of all inputs, a row per section (or --parquet-unit)")
    extensions = (".parquet",)
    binary = True
    # One footer for the whole file: the rows of all inputs meet in this process.
    parallel = False

    def __init__(self) -> None:
        self._pa: Any = None
        self._pq: Any = None
        self._sink: _Relay | None = None
        self._writer: Any = None
        self._schema: Any = None
        self._kinds: dict[str, str] = {}
        self._pending: list[Any] = []
        self._pending_rows = 0
        self._broken: str | None = None
        self._unit = "section"
        self._compression: str | None = "snappy"

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        group = parser.add_argument_group(_("parquet format"))
        group.add_argument(
            "--parquet-unit",
            choices=UNITS,
            default="section",
            help=_(
                "parquet: one row per section (default), document, paragraph, sentence or chunk"
            ),
        )
        group.add_argument(
            "--parquet-compression",
            choices=COMPRESSIONS,
            default="snappy",
            help=_(
                "parquet: the compression of the column chunks (default snappy, which every "
                "reader knows; zstd is smaller)"
            ),
        )

    def prepare(self, options: argparse.Namespace) -> None:
        self._pa, self._pq = _pyarrow()
        self._unit = str(getattr(options, "parquet_unit", "section") or "section")
        compression = str(getattr(options, "parquet_compression", "snappy") or "snappy")
        self._compression = None if compression == "none" else compression
        if self._unit == "chunk":
            try:  # say so before any input is read, not once per file
                require_chunks()
            except ImportError as exc:
                raise PluginError(f"--parquet-unit chunk: {exc}") from None

    def start(self, options: argparse.Namespace, out: IO[Any]) -> None:
        self._sink = _Relay(out)
        self._pending, self._pending_rows, self._broken = [], 0, None
        self._kinds = _columns(self._unit)
        self._schema = arrow_schema(self._unit, self._pa)
        self._writer = self._pq.ParquetWriter(
            self._sink, self._schema, compression=self._compression
        )

    def run(self, tree: ParsedFile, options: argparse.Namespace, out: IO[Any]) -> int:
        assert self._sink is not None, "start() runs first"
        # The whole file's rows first: an input that fails here has written nothing.
        table = self._table(tree)
        self._sink.target = out
        if table.num_rows:
            self._pending.append(table)
            self._pending_rows += table.num_rows
            if self._pending_rows >= ROW_GROUP_ROWS:
                self._flush()
        return 0

    def finish(self, options: argparse.Namespace, out: IO[Any]) -> int:
        assert self._sink is not None, "start() runs first"
        self._sink.target = out
        if self._pending:
            self._flush()
        writer, self._writer = self._writer, None
        if self._broken is not None:
            # Raising here makes the runner discard the whole output: no half-written table.
            with contextlib.suppress(Exception):
                writer.close()
            raise PluginError(
                _("the Parquet table could not be written: {error}").format(error=self._broken)
            )
        writer.close()
        return 0

    def suffix(self, options: argparse.Namespace) -> str:
        return ".parquet"

    # -- writing ----------------------------------------------------------------------------

    def _table(self, tree: ParsedFile) -> Any:
        """The rows of one input as an Arrow table of the writer's schema."""
        found = [tuple(row.values()) for row in rows(tree, self._unit)]
        cells = list(zip(*found, strict=True)) if found else [()] * len(self._kinds)
        columns: dict[str, Any] = {}
        for (name, kind), values in zip(self._kinds.items(), cells, strict=True):
            if kind == "object":  # a value of no type Parquet has: JSON text, as in every file
                values = tuple(None if v is None else _json(v) for v in values)
            columns[name] = values
        return self._pa.Table.from_pydict(columns, schema=self._schema)

    def _flush(self) -> None:
        """Write the rows that have come together as one row group."""
        table = self._pa.concat_tables(self._pending)
        self._pending, self._pending_rows = [], 0
        if self._broken is not None:
            return
        try:
            self._writer.write_table(table, row_group_size=max(table.num_rows, 1))
        except Exception as exc:  # the file is then unusable: finish refuses to close it
            self._broken = f"{type(exc).__name__}: {exc}"
            raise PluginError(
                _("the Parquet table could not be written: {error}").format(error=exc)
            ) from exc
