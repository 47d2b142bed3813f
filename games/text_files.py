"""Reading a user's text file (a scenario, a game file) with one message for each way it can fail."""

from __future__ import annotations

from pathlib import Path


def read_utf8(path: Path, what: str, error: type[ValueError]) -> str:
    """The UTF-8 text of ``path``; raise ``error`` naming the file and ``what`` it is when it cannot be read.

    A missing or unreadable file names the system's reason; a file in another encoding (Latin-1, UTF-16) names
    the first byte that is not UTF-8 and says to save the file as UTF-8.
    """
    try:
        return path.read_text(encoding="utf-8")
    except OSError as problem:
        raise error(f"{path}: cannot read the {what} ({problem.strerror}).") from None
    except UnicodeDecodeError as problem:
        decoded = f"byte {problem.start} cannot be decoded"
        raise error(f"{path}: not UTF-8 text ({decoded}); save the file as UTF-8") from None
