"""Crash-safe files: atomic writes, content checksums, and one writer at a time.

* :func:`atomic_write` writes to a temporary name in the same folder, flushes it to disk and renames it into
  place (``os.replace``, atomic on POSIX), so a reader — or a run resumed after a kill — sees the old file or
  the whole new one, never a part.
* :func:`file_sha256` is the SHA-256 of a file's bytes, read in blocks (memory stays flat on large outputs).
* :class:`WriterLock` is an exclusive ``fcntl.flock`` on a lock file; a second writer is refused at once
  with a message naming the holder's process id. The kernel releases the lock when its holder dies, however it
  dies, so a lock file left by a killed run (even one holding garbage) never blocks the next run.
"""

from __future__ import annotations

import fcntl
import glob
import hashlib
import os
import tempfile
from pathlib import Path
from types import TracebackType

#: Bytes read at a time when hashing a file.
BLOCK = 1 << 20


class SweepStoreError(ValueError):
    """A sweep's files cannot be used as asked; the message names the file and how to proceed."""


class LockedError(SweepStoreError):
    """Another process holds the lock; the message names the lock file and the holder."""


def check_writable(path: Path) -> None:
    """Check that a file can be written at ``path``, creating its folder if needed, before any work is done.

    Refused with a :class:`SweepStoreError` naming the fix: a path that is a folder, a folder that cannot be
    created (a file in the way, a read-only place), one that cannot be written in (probed with a temporary
    file, so permissions, read-only mounts and full quotas are all caught, for root as for anyone), and an
    existing file that cannot be overwritten.
    """
    if path.is_dir():
        example = path / ("out" + (path.suffix or ".parquet"))
        raise SweepStoreError(f"{path} is a folder; give a file name inside it, such as {example}")
    existing = next(parent for parent in path.absolute().parents if parent.exists())
    if not existing.is_dir():
        raise SweepStoreError(f"cannot write {path}: {existing} is a file, not a folder; choose another location")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=path.parent):
            pass
    except OSError as error:
        raise SweepStoreError(
            f"{path}: cannot write in {error.filename or path.parent} ({error.strerror or error}); "
            "choose another location"
        ) from None
    if path.exists() and not (path.is_file() and os.access(path, os.W_OK)):
        raise SweepStoreError(f"{path} exists and cannot be written as a file; choose another name")


def temporary_path(path: Path) -> Path:
    """The hidden temporary name ``path`` is written under before it is renamed into place."""
    return path.with_name(f".{path.name}.{os.getpid()}.tmp")


def leftover_temporaries(path: Path) -> list[Path]:
    """The temporary files :func:`temporary_path` named for ``path`` that a killed process left (any pid)."""
    prefix, suffix = f".{path.name}.", ".tmp"
    return [
        leftover
        for leftover in path.parent.glob(f"{glob.escape(prefix)}*{suffix}")
        if leftover.name[len(prefix) : -len(suffix)].isdigit()
    ]


def commit(temporary: Path, path: Path) -> None:
    """Flush ``temporary`` to disk and rename it to ``path`` in one atomic step."""
    with open(temporary, "rb") as handle:
        os.fsync(handle.fileno())
    os.replace(temporary, path)


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that readers see the old file, or the whole new one, never a part."""
    temporary = temporary_path(path)
    temporary.write_bytes(data)
    commit(temporary, path)


def file_sha256(path: Path) -> str:
    """Hexadecimal SHA-256 of the file's bytes."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while block := handle.read(BLOCK):
            digest.update(block)
    return digest.hexdigest()


class WriterLock:
    """An exclusive, non-blocking lock on ``path`` for the duration of a ``with`` block.

    The lock file holds the holder's process id (for the refusal message only; its content is never trusted).
    It is removed on release. A process that opened the file just before it was removed could lock an
    unlinked inode, so after locking, the file at ``path`` is checked to be the one locked, and the lock is
    taken again if not.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None

    def __enter__(self) -> WriterLock:
        while True:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                holder = os.read(fd, 32).decode("ascii", "replace").strip()
                os.close(fd)
                who = f"process {holder}" if holder.isdigit() else "another process"
                raise LockedError(f"{self.path} is held by {who}") from None
            try:
                same = os.stat(self.path).st_ino == os.fstat(fd).st_ino
            except FileNotFoundError:
                same = False
            if same:
                os.ftruncate(fd, 0)
                os.write(fd, str(os.getpid()).encode())
                self._fd = fd
                return self
            os.close(fd)

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> None:
        assert self._fd is not None
        self.path.unlink(missing_ok=True)
        os.close(self._fd)
        self._fd = None
