"""The ``hedge`` application and what its commands share: options, user-error handling, scenario loading.

User errors (a missing or invalid scenario file, an unknown instrument, a bad sweep specification, an output
path that cannot be written, a malformed scheduler address) print one message to standard error and exit with
status 2, without a traceback; options are checked when the command line is read (:mod:`solver.cli.checks`). An
interrupted sweep exits with 130.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated, TypeVar

import typer
from rich.console import Console
from rich.text import Text

from games import Scenario, ScenarioError, load_scenario
from solver.studies.sweeps.files import SweepStoreError
from solver.studies.sweeps.spec import SweepSpecError

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
