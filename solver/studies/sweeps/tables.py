"""Tables on disk, parquet or CSV by the file's extension, each with a sidecar that proves its content.

``runs/grid.parquet`` (or ``runs/grid.csv``) is accompanied by ``runs/grid.parquet.json``, the *sidecar*::

    {"format": "parquet", "sha256": "…", "bytes": 123456, "rows": 4567,
     "columns": {"point": "int64", …, "label": "str"}, "metadata": {…}}

``metadata`` is what the writer describes the table by (for a sweep: scenario id and hash, package version,
spec, reading rules); ``sha256`` and ``bytes`` are those of the data file, so :func:`read_table` refuses a file
changed after it was written. A parquet file also carries the metadata in its schema (key
``strategic_hedging.sweep``) and so describes itself when copied alone.

CSV is written by pandas (floats in their shortest round-trip form) and read back with the column dtypes
recorded in the sidecar and exact float parsing, so :func:`read_table` gives the same DataFrame from
either format — values, column order and dtypes. One loss: CSV has no missing string, so a missing value in a
text column comes back as the empty string (sweep tables have none).

A table is streamed frame by frame into a hidden temporary file; on :meth:`TableWriter.close` its sidecar is
committed first and the data file renamed into place second, so after a kill at any moment the data file is
either absent, the old one, or the new one with a matching sidecar — and any mismatch is detected.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from types import TracebackType
from typing import Any, Literal

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from solver.studies.sweeps.files import (
    SweepStoreError,
    atomic_write,
    check_writable,
    commit,
    file_sha256,
    temporary_path,
)

Format = Literal["parquet", "csv"]
FORMATS: dict[str, Format] = {".parquet": "parquet", ".csv": "csv"}
#: Key of the metadata in a parquet file's schema.
METADATA_KEY = b"strategic_hedging.sweep"
SIDECAR_KEYS = ("format", "sha256", "bytes", "rows", "columns", "metadata")
#: Exact float parsing: pandas 3 does it by default (and deprecates the option), pandas 2 must be asked.
EXACT_FLOATS: dict[str, Any] = {"float_precision": "round_trip"} if int(pd.__version__.split(".")[0]) < 3 else {}


def table_format(path: Path) -> Format:
    """The format the extension of ``path`` names, or a :class:`SweepStoreError` listing the known ones."""
    if path.suffix.lower() not in FORMATS:
        raise SweepStoreError(
            f"{path}: unknown table extension {path.suffix or '(none)'!r}; name the output *.parquet or *.csv"
        )
    return FORMATS[path.suffix.lower()]


def sidecar_path(path: Path) -> Path:
    """Where the sidecar of the table ``path`` lives: the same name with ``.json`` appended."""
    return path.with_name(path.name + ".json")


def check_output_path(path: Path) -> Format:
    """Check, before any work, that a table can be written at ``path``; return its format.

    The extension must be known and :func:`solver.studies.sweeps.files.check_writable` must pass.
    """
    if not path.is_dir():  # a folder gets check_writable's message, which suggests a file name in it
        table_format(path)
    check_writable(path)
    return table_format(path)


def read_sidecar(path: Path) -> dict[str, Any] | None:
    """The sidecar of ``path``, ``None`` when there is none, or a :class:`SweepStoreError` if it is damaged."""
    sidecar = sidecar_path(path)
    if not sidecar.exists():
        return None
    try:
        record = json.loads(sidecar.read_bytes())
    except (OSError, ValueError) as error:
        raise SweepStoreError(f"{sidecar} is damaged (not readable JSON: {error})") from None
    if not isinstance(record, dict) or any(key not in record for key in SIDECAR_KEYS):
        raise SweepStoreError(f"{sidecar} is damaged (it needs the keys {', '.join(SIDECAR_KEYS)})")
    return record


def verified_sidecar(path: Path) -> dict[str, Any]:
    """The sidecar of ``path`` once the file's size and SHA-256 are checked against it."""
    record = read_sidecar(path)
    if record is None:
        raise SweepStoreError(f"{path} has no sidecar {sidecar_path(path).name}, so its content cannot be verified")
    if not path.exists():
        raise SweepStoreError(f"{path} is missing; its sidecar {sidecar_path(path).name} describes it")
    if path.stat().st_size != record["bytes"] or file_sha256(path) != record["sha256"]:
        raise SweepStoreError(f"{path} does not match the checksum in {sidecar_path(path).name}: it was changed")
    return record


def read_table(path: str | Path) -> tuple[pd.DataFrame, dict[str, Any]]:
    """The table at ``path`` (parquet or CSV) and its metadata, after verifying its checksum."""
    path = Path(path)
    record = verified_sidecar(path)
    columns: dict[str, str] = record["columns"]
    if record["format"] == "parquet":
        frame = pd.read_parquet(path)
    else:
        text = [name for name, dtype in columns.items() if dtype in ("str", "object", "string")]
        frame = pd.read_csv(
            path,
            dtype=columns,
            **EXACT_FLOATS,
            keep_default_na=False,
            na_values={name: [""] for name in columns if name not in text},
        )
    return frame, dict(record["metadata"])


class TableWriter:
    """Stream DataFrames with the same columns into one table at ``path``; commit it with its sidecar on close.

    Use as a context manager: leaving the block normally commits, an exception removes the temporary file.
    """

    def __init__(self, path: Path, metadata: Mapping[str, Any]) -> None:
        self.path = path
        self.format = table_format(path)
        self.metadata = dict(metadata)
        self.temporary = temporary_path(path)
        self.rows = 0
        self.columns: dict[str, str] | None = None
        self._parquet: pq.ParquetWriter | None = None
        self._started = False

    def __enter__(self) -> TableWriter:
        return self

    def write(self, frame: pd.DataFrame) -> None:
        """Append the rows of ``frame`` (its columns and dtypes must be those of the first frame)."""
        if self.columns is None:
            self.columns = {str(name): str(dtype) for name, dtype in frame.dtypes.items()}
        if self.format == "parquet":
            table = pa.Table.from_pandas(frame, preserve_index=False)
            if self._parquet is None:
                encoded = json.dumps(self.metadata).encode()
                schema = table.schema.with_metadata({**(table.schema.metadata or {}), METADATA_KEY: encoded})
                self._parquet = pq.ParquetWriter(self.temporary, schema)
            self._parquet.write_table(table)
        else:
            with open(self.temporary, "a" if self._started else "w", encoding="utf-8", newline="") as f:
                frame.to_csv(f, index=False, header=not self._started, lineterminator="\n")
        self._started = True
        self.rows += len(frame)

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> None:
        if self._parquet is not None:
            self._parquet.close()
        if kind is not None:
            self.temporary.unlink(missing_ok=True)
            return
        if self.columns is None:
            raise SweepStoreError(f"{self.path}: no rows were given to write")
        record = {
            "format": self.format,
            "sha256": file_sha256(self.temporary),
            "bytes": self.temporary.stat().st_size,
            "rows": self.rows,
            "columns": self.columns,
            "metadata": self.metadata,
        }
        atomic_write(sidecar_path(self.path), json.dumps(record, indent=1).encode())
        commit(self.temporary, self.path)


def write_table(frame: pd.DataFrame, path: Path, metadata: Mapping[str, Any]) -> None:
    """Write one DataFrame (its index dropped: keep it as columns) as a table with its sidecar."""
    with TableWriter(path, metadata) as writer:
        writer.write(frame)
