"""Checks of command-line options that run when the command line is read, before any work starts.

Each is a typer option callback: a refusal is a ``typer.BadParameter``, which typer prints as "Invalid value
for '--OPTION': …" (user text literally) and turns into exit status 2.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

import typer

from solver.studies.sweeps.files import SweepStoreError, check_writable

#: The file suffixes an output may have: a tuple, or a function giving it (which may import what it needs).
Suffixes = tuple[str, ...] | Callable[[], tuple[str, ...]]


def output_file(suffixes: Suffixes = ()) -> Callable[[Path | None], Path | None]:
    """An option callback that checks an output path when the command line is read, before any work.

    The suffix must be one of ``suffixes`` (when given; the suffix picks the format; a function giving them is
    called only when a path is checked, so that the command line does not import a format's library to start), and
    :func:`solver.studies.sweeps.files.check_writable` must pass (a folder, a path under a file, a place that cannot be
    written in, an existing file that cannot be overwritten are refused; a missing folder is created).
    """

    def check(path: Path | None) -> Path | None:
        if path is None:
            return None
        allowed = suffixes() if callable(suffixes) else suffixes
        if allowed and not path.is_dir() and path.suffix.lower() not in allowed:
            names = " or ".join(f"*{suffix}" for suffix in allowed)
            raise typer.BadParameter(f"{path}: the suffix picks the format; name the output {names}")
        try:
            check_writable(path)
        except SweepStoreError as error:
            raise typer.BadParameter(str(error)) from None
        return path

    return check


def number_in(low: float, high: float) -> Callable[[float | None], float | None]:
    """An option callback refusing a number outside ``[low, high]``, NaN included, when the command line is read."""

    def check(value: float | None) -> float | None:
        if value is not None and not (math.isfinite(value) and low <= value <= high):
            raise typer.BadParameter(f"{value:g} is outside [{low:g}, {high:g}]; give a number in that range")
        return value

    return check


def table_suffixes() -> tuple[str, ...]:
    """Table formats a sweep or a result table is written in, as file suffixes (the suffix picks the format)."""
    from solver.studies.sweeps.tables import FORMATS

    return tuple(FORMATS)


def figure_suffixes() -> tuple[str, ...]:
    """Figure formats matplotlib can write, as file suffixes (the suffix of a figure path picks the format)."""
    from matplotlib.backend_bases import FigureCanvasBase

    return tuple(f".{kind}" for kind in FigureCanvasBase.get_supported_filetypes())


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
