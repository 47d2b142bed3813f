"""Resumable storage of a sweep: one parquet file per chunk, each sealed by a checksum record.

For an output ``runs/grid.parquet`` the chunks live in ``runs/grid.parquet.parts/``:

* ``manifest.json`` — the sweep's identity (scenario id and hash, package version, sweep spec, reading rules,
  the scenario's point values) and its chunk size;
* ``chunk-000012.parquet`` — the rows of chunk 12;
* ``chunk-000012.json`` — its seal: SHA-256, byte count and row count of the parquet file.

Every file is written to a temporary name, flushed to disk and renamed into place, so a sweep killed at any
moment leaves either a complete file or none. A chunk counts as finished only when its seal exists and its
file has the sealed checksum; anything else (a partial or corrupted file, a seal without its file) is removed
and the chunk computed again. When every chunk is finished, the chunks are streamed in order into the output
file, whose parquet metadata (key ``strategic_hedging.sweep``) carries the identity, and the parts folder is
removed.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow.parquet as pq

METADATA_KEY = b"strategic_hedging.sweep"


class SweepStoreError(ValueError):
    """The output already holds a different sweep; the message says how to proceed."""


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that readers see the old file, or the whole new one, never a part."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with open(temporary, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)


def parts_directory(out: Path) -> Path:
    """Where the chunks of the sweep written to ``out`` are kept until it is complete."""
    return out.with_name(out.name + ".parts")


def read_metadata(path: str | Path) -> dict[str, Any]:
    """The identity stored in a finished sweep file (scenario, hash, version, spec, rules, point values)."""
    metadata = pq.read_schema(path).metadata or {}
    if METADATA_KEY not in metadata:
        raise SweepStoreError(f"{path} is not a strategic-hedging sweep file (no {METADATA_KEY.decode()} metadata)")
    return dict(json.loads(metadata[METADATA_KEY]))


@dataclass(frozen=True)
class ChunkStore:
    """The parts folder of one sweep."""

    directory: Path
    chunk_size: int

    @classmethod
    def open(cls, directory: Path, identity: Mapping[str, Any], chunk_size: int, overwrite: bool) -> ChunkStore:
        """Open the parts folder of the sweep ``identity``, creating it or resuming what it holds.

        A folder holding another sweep is an error unless ``overwrite``; on resume the stored chunk size wins
        (chunking does not change results).
        """
        manifest = directory / "manifest.json"
        if manifest.exists():
            stored = json.loads(manifest.read_text())
            if stored["identity"] == dict(identity):
                return cls(directory, int(stored["chunk_size"]))
            if not overwrite:
                differ = sorted(
                    k for k in {*stored["identity"], *identity} if stored["identity"].get(k) != identity.get(k)
                )
                raise SweepStoreError(
                    f"{directory} holds the unfinished chunks of a different sweep ({', '.join(differ)} differ); "
                    "run that sweep again to finish it, choose another output, or overwrite it"
                )
            shutil.rmtree(directory)
        directory.mkdir(parents=True, exist_ok=True)
        atomic_write(manifest, json.dumps({"identity": dict(identity), "chunk_size": chunk_size}, indent=1).encode())
        return cls(directory, chunk_size)

    def _paths(self, index: int) -> tuple[Path, Path]:
        stem = self.directory / f"chunk-{index:06d}"
        return stem.with_suffix(".parquet"), stem.with_suffix(".json")

    def _sealed(self, index: int) -> bool:
        data, seal = self._paths(index)
        if not (data.exists() and seal.exists()):
            return False
        record = json.loads(seal.read_text())
        content = data.read_bytes()
        return bool(len(content) == record["bytes"]) and hashlib.sha256(content).hexdigest() == record["sha256"]

    def finished(self, n_chunks: int) -> tuple[set[int], list[int]]:
        """``(finished, discarded)``: chunks whose file matches its seal, and damaged chunks now removed."""
        done: set[int] = set()
        discarded: list[int] = []
        for index in range(n_chunks):
            data, seal = self._paths(index)
            if self._sealed(index):
                done.add(index)
            elif data.exists() or seal.exists():
                data.unlink(missing_ok=True)
                seal.unlink(missing_ok=True)
                discarded.append(index)
        for leftover in self.directory.glob(".*.tmp"):
            leftover.unlink()
        return done, discarded

    def write(self, index: int, frame: pd.DataFrame) -> None:
        """Store one chunk's rows, then seal it."""
        buffer = io.BytesIO()
        frame.to_parquet(buffer, index=False)
        content = buffer.getvalue()
        data, seal = self._paths(index)
        atomic_write(data, content)
        record = {"sha256": hashlib.sha256(content).hexdigest(), "bytes": len(content), "rows": len(frame)}
        atomic_write(seal, json.dumps(record).encode())

    def assemble(self, n_chunks: int, out: Path, identity: Mapping[str, Any]) -> None:
        """Stream the chunks in order into ``out`` with the identity in its metadata, then remove the parts."""
        temporary = out.with_name(f".{out.name}.{os.getpid()}.tmp")
        writer: pq.ParquetWriter | None = None
        try:
            for index in range(n_chunks):
                table = pq.read_table(self._paths(index)[0])
                if writer is None:
                    schema = table.schema.with_metadata(
                        {**(table.schema.metadata or {}), METADATA_KEY: json.dumps(dict(identity)).encode()}
                    )
                    writer = pq.ParquetWriter(temporary, schema)
                writer.write_table(table)
        finally:
            if writer is not None:
                writer.close()
        with open(temporary, "rb") as handle:
            os.fsync(handle.fileno())
        os.replace(temporary, out)
        shutil.rmtree(self.directory)
