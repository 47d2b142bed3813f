"""Resumable storage of a sweep: one parquet file per chunk, each sealed by a record that proves what it holds.

For an output ``runs/grid.parquet`` (or ``runs/grid.csv``) the chunks live in ``runs/grid.parquet.parts/``:

* ``manifest.json`` — the sweep's identity (scenario id and hash, package version, sweep spec, reading rules,
  the scenario's point values) and its chunk size;
* ``chunk-000012.parquet`` — the rows of chunk 12;
* ``chunk-000012.json`` — its seal: the sweep's identity, the chunk's index and point range, and the SHA-256,
  byte count and row count of the parquet file.

Every file is written to a temporary name, flushed to disk and renamed into place
(:func:`solver.studies.sweeps.files.atomic_write`), so a sweep killed at any moment leaves either a complete file or
none. A chunk counts as finished only when its seal is readable, names this sweep, this chunk and this point
range, and its file has the sealed size and checksum. Anything else — a partial or flipped file, a seal
without its file or a file without its seal, a seal of another chunk or of another sweep (the manifest deleted
or damaged), a seal that is not JSON — is reported, removed and the chunk computed again: the manifest only
says which sweep a folder was started for, it is never what a chunk is trusted by. When every chunk is
finished, the chunks are checked once more and streamed in order into the output table
(:class:`solver.studies.sweeps.tables.TableWriter`), and the parts folder is removed.
"""

from __future__ import annotations

import hashlib
import io
import json
import shutil
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow.parquet as pq

from solver.studies.sweeps.files import SweepStoreError, atomic_write
from solver.studies.sweeps.tables import METADATA_KEY, TableWriter, read_sidecar

__all__ = ["ChunkStore", "SweepStoreError", "parts_directory", "read_metadata"]

SEAL_KEYS = ("identity", "chunk", "start", "stop", "sha256", "bytes", "rows")


def parts_directory(out: Path) -> Path:
    """Where the chunks of the sweep written to ``out`` are kept until it is complete."""
    return out.with_name(out.name + ".parts")


def read_metadata(path: str | Path) -> dict[str, Any]:
    """The identity stored with a finished sweep (scenario, hash, version, spec, rules, point values).

    Read from the table's sidecar, or, for a parquet file without one, from its schema metadata.
    """
    path = Path(path)
    record = read_sidecar(path)
    if record is not None:
        return dict(record["metadata"])
    metadata = (pq.read_schema(path).metadata or {}) if path.suffix == ".parquet" else {}
    if METADATA_KEY not in metadata:
        raise SweepStoreError(f"{path} is not a strategic-hedging sweep file (no sidecar, no sweep metadata)")
    return dict(json.loads(metadata[METADATA_KEY]))


def _differing(stored: Mapping[str, Any], identity: Mapping[str, Any]) -> str:
    """The identity fields in which two sweeps differ, comma-separated."""
    return ", ".join(sorted(k for k in {*stored, *identity} if stored.get(k) != identity.get(k)))


def _manifest(content: bytes) -> tuple[dict[str, Any], int]:
    """``(identity, chunk_size)`` of a manifest's bytes, or a ``ValueError`` saying what is wrong."""
    record = json.loads(content)
    if not isinstance(record, dict) or not isinstance(record.get("identity"), dict):
        raise ValueError("no identity object")
    size = record.get("chunk_size")
    if not isinstance(size, int) or isinstance(size, bool) or size < 1:
        raise ValueError(f"chunk_size {size!r} is not a positive integer")
    return record["identity"], size


@dataclass(frozen=True)
class ChunkStore:
    """The parts folder of one sweep of ``size`` points, in chunks of ``chunk_size``."""

    directory: Path
    identity: dict[str, Any]
    size: int
    chunk_size: int

    @classmethod
    def open(
        cls, directory: Path, identity: Mapping[str, Any], size: int, chunk_size: int, overwrite: bool
    ) -> tuple[ChunkStore, list[str]]:
        """Open the parts folder of the sweep ``identity``, creating it or resuming what it holds.

        Returns the store and warnings (a damaged manifest). A folder whose manifest names another sweep is an
        error unless ``overwrite``; on resume the stored chunk size wins (chunking does not change results).
        """
        identity = dict(identity)
        manifest = directory / "manifest.json"
        warnings: list[str] = []
        if manifest.exists():
            try:
                stored, stored_size = _manifest(manifest.read_bytes())
            except (OSError, ValueError) as error:
                warnings.append(f"{manifest} is damaged ({error}); every chunk is checked against this sweep")
            else:
                if stored == identity:
                    return cls(directory, identity, size, stored_size), warnings
                if not overwrite:
                    raise SweepStoreError(
                        f"{directory} holds the unfinished chunks of a different sweep "
                        f"({_differing(stored, identity)} differ); run that sweep again to finish it, "
                        "choose another output, or overwrite it"
                    )
                shutil.rmtree(directory)
        directory.mkdir(parents=True, exist_ok=True)
        atomic_write(manifest, json.dumps({"identity": identity, "chunk_size": chunk_size}, indent=1).encode())
        return cls(directory, identity, size, chunk_size), warnings

    @property
    def chunks(self) -> int:
        """Number of chunks."""
        return -(-self.size // self.chunk_size)

    def bounds(self, index: int) -> tuple[int, int]:
        """First point of chunk ``index`` and one past its last."""
        start = index * self.chunk_size
        return start, min(start + self.chunk_size, self.size)

    def _paths(self, index: int) -> tuple[Path, Path]:
        stem = self.directory / f"chunk-{index:06d}"
        return stem.with_suffix(".parquet"), stem.with_suffix(".json")

    def _check(self, index: int) -> bytes | str:
        """The chunk's verified bytes, or why it cannot be used (``""``: there is nothing of it)."""
        data, seal = self._paths(index)
        if not seal.exists():
            return "a file without its seal (interrupted before sealing)" if data.exists() else ""
        try:
            record = json.loads(seal.read_bytes())
        except (OSError, ValueError):
            return "a seal that is not readable JSON"
        if not isinstance(record, dict) or any(key not in record for key in SEAL_KEYS):
            return f"a seal without the keys {', '.join(SEAL_KEYS)}"
        if record["identity"] != self.identity:
            return "a seal of a different sweep"
        if (record["chunk"], record["start"], record["stop"]) != (index, *self.bounds(index)):
            return "a seal of another chunk or point range"
        if not data.exists():
            return "a seal without its file"
        content = data.read_bytes()
        if len(content) != record["bytes"] or hashlib.sha256(content).hexdigest() != record["sha256"]:
            return "a file that does not match its seal's checksum"
        return content

    def finished(self) -> tuple[set[int], list[int], list[str]]:
        """``(finished, discarded, warnings)``: verified chunks, and the unusable ones now removed, with why.

        Also removes temporary files left by a killed run (the caller holds the sweep's lock).
        """
        done: set[int] = set()
        reasons: dict[str, list[int]] = {}
        for index in range(self.chunks):
            verdict = self._check(index)
            if isinstance(verdict, bytes):
                done.add(index)
            elif verdict:
                for path in self._paths(index):
                    path.unlink(missing_ok=True)
                reasons.setdefault(verdict, []).append(index)
        for leftover in self.directory.glob(".*.tmp"):
            leftover.unlink()
        discarded = sorted(index for indices in reasons.values() for index in indices)
        warnings = [
            f"chunk{'s' if len(ix) > 1 else ''} {', '.join(map(str, ix))} redone: {why}" for why, ix in reasons.items()
        ]
        return done, discarded, warnings

    def write(self, index: int, frame: pd.DataFrame) -> None:
        """Store one chunk's rows, then seal it with the sweep's identity, its range and its checksum."""
        buffer = io.BytesIO()
        frame.to_parquet(buffer, index=False)
        content = buffer.getvalue()
        data, seal = self._paths(index)
        atomic_write(data, content)
        start, stop = self.bounds(index)
        record = {
            "identity": self.identity,
            "chunk": index,
            "start": start,
            "stop": stop,
            "sha256": hashlib.sha256(content).hexdigest(),
            "bytes": len(content),
            "rows": len(frame),
        }
        atomic_write(seal, json.dumps(record).encode())

    def assemble(self, out: Path) -> None:
        """Check every chunk again, stream them in order into the table ``out``, then remove the parts."""
        with TableWriter(out, self.identity) as writer:
            for index in range(self.chunks):
                content = self._check(index)
                if not isinstance(content, bytes):
                    raise SweepStoreError(
                        f"chunk {index} of {self.directory} changed during the run ({content or 'it is gone'}); "
                        "run the sweep again to redo it"
                    )
                writer.write(pd.read_parquet(io.BytesIO(content)))
        shutil.rmtree(self.directory)
