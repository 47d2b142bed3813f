"""The ``hedge`` application and what its commands share: options, user-error handling, scenario loading.

User errors (a missing or invalid scenario file, an unknown instrument, a bad sweep specification, an output
path that cannot be written, a malformed scheduler address) print one message to standard error and exit with
status 2, without a traceback; options are checked when the command line is read, before any work. An
interrupted sweep exits with 130.
"""

from __future__ import annotations

import math
import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, TypeVar
from urllib.parse import urlsplit

import typer
from matplotlib.backend_bases import FigureCanvasBase
from rich.console import Console
from rich.text import Text

from games import Scenario, ScenarioError, load_scenario
from solver.sweeps import SweepSpecError, SweepStoreError

app = typer.Typer(
    help="Strategic hedging: solve small-state/patron games and read equilibria as hedging portfolios.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True, markup=False)


def stdout_console() -> Console:
    """Standard output for every command: user text (labels, titles, ids) is printed literally, never as markup."""
    return Console(markup=False)


ScenarioArg = Annotated[str, typer.Argument(help="A shipped scenario id (see `hedge scenarios`) or a .toml path.")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print one JSON document instead of tables.")]

Choice = TypeVar("Choice", bound=str)


def fail(message: str) -> typer.Exit:
    """Print a user error and return the exit (status 2) to raise."""
    err.print(Text.assemble(("error:", "red"), " ", message), highlight=False)  # user text literally, never markup
    return typer.Exit(code=2)


def scenario_or_exit(name: str) -> Scenario:
    """Load a scenario by id or path, or exit 2 with the loader's message."""
    try:
        return load_scenario(name)
    except ScenarioError as error:
        raise fail(str(error)) from None


def choose(value: str, allowed: tuple[Choice, ...], option: str) -> Choice:
    """``value`` if it is one of ``allowed``, else exit 2 naming the option and the choices."""
    for choice in allowed:
        if value == choice:
            return choice
    raise fail(f"unknown {option} {value!r}; choose one of {', '.join(allowed)}")


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


@contextmanager
def user_errors() -> Iterator[None]:
    """Turn specification, storage and backend errors into one message and exit 2; Ctrl-C into exit 130."""
    try:
        yield
    except (SweepSpecError, SweepStoreError, ScenarioError) as error:
        raise fail(str(error)) from None
    except OSError as error:  # the system refused a file or a connection: the user's environment, not a bug
        raise fail(f"{error}; check the path or address and try again") from None
    except KeyboardInterrupt:
        err.print("interrupted: finished chunks are kept; run the same command again to resume")
        raise typer.Exit(code=130) from None
