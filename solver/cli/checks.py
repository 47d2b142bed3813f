"""Checks of command-line options that run when the command line is read, before any work starts.

Each is a typer option callback: a refusal is a ``typer.BadParameter``, which typer prints as "Invalid value
for '--OPTION': …" (user text literally) and turns into exit status 2.
"""

from __future__ import annotations

import math
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

import typer
from matplotlib.backend_bases import FigureCanvasBase


def output_file(suffixes: tuple[str, ...] = ()) -> Callable[[Path | None], Path | None]:
    """An option callback that checks an output path when the command line is read, before any work.

    Refused: a folder, a path under a file, a folder that cannot be written (probed by creating a temporary
    file in the nearest existing folder, which also holds for root), an existing file that cannot be written,
    and a suffix outside ``suffixes`` (when given; the suffix picks the format).
    """

    def check(path: Path | None) -> Path | None:
        if path is None:
            return None
        if path.is_dir():
            raise typer.BadParameter(
                f"{path} is a folder; name a file in it, e.g. {path / ('result' + (suffixes or ('',))[0])}"
            )
        if suffixes and path.suffix.lower() not in suffixes:
            raise typer.BadParameter(f"{path}: the suffix picks the format; end the name in {', '.join(suffixes)}")
        folder = next(parent for parent in path.absolute().parents if parent.exists())
        if not folder.is_dir():
            raise typer.BadParameter(f"{path}: {folder} is a file, not a folder; choose another location")
        try:
            with tempfile.TemporaryFile(dir=folder):
                pass
        except OSError as error:
            problem = f"{path}: cannot write in {folder} ({error.strerror}); choose another location"
            raise typer.BadParameter(problem) from None
        if path.exists() and not (path.is_file() and os.access(path, os.W_OK)):
            raise typer.BadParameter(f"{path} exists and cannot be written as a file; choose another name")
        return path

    return check


def number_in(low: float, high: float) -> Callable[[float | None], float | None]:
    """An option callback refusing a number outside ``[low, high]``, NaN included, when the command line is read."""

    def check(value: float | None) -> float | None:
        if value is not None and not (math.isfinite(value) and low <= value <= high):
            raise typer.BadParameter(f"{value:g} is outside [{low:g}, {high:g}]; give a number in that range")
        return value

    return check


#: Figure formats matplotlib can write, as file suffixes (the suffix of a figure path picks the format).
FIGURE_SUFFIXES = tuple(f".{kind}" for kind in FigureCanvasBase.get_supported_filetypes())

#: Address schemes a Dask scheduler listens on (distributed's comm backends that reach another process).
SCHEDULER_SCHEMES = ("tcp", "tls", "ws", "wss", "ucx")


def scheduler_address(address: str | None) -> str | None:
    """An option callback: ``address`` must read ``SCHEME://HOST[:PORT]`` with a known scheme, before any work."""
    if address is None:
        return None
    try:
        parts = urlsplit(address)
        scheme, host = parts.scheme, (parts.hostname or "") if parts.port is None or parts.port > 0 else ""
    except ValueError:  # a malformed port or IPv6 literal
        scheme, host = "", ""
    if scheme not in SCHEDULER_SCHEMES or not host or any(c.isspace() for c in host):
        raise typer.BadParameter(
            f"{address!r} is not a Dask scheduler address; write SCHEME://HOST:PORT with SCHEME one of "
            f"{', '.join(SCHEDULER_SCHEMES)}, e.g. tcp://127.0.0.1:8786"
        )
    return address
