"""mkdocs hook: the command line reference, read from the typer application itself.

A typer application is a click application (``typer.main.get_command``); mkdocs-click renders it from the module
attribute ``hedge`` of this file, which the hook makes importable as ``hedge_cli`` (docs/cli.md).
"""

from __future__ import annotations

import sys

import click
import typer
from mkdocs.config.defaults import MkDocsConfig

from solver.cli import app

#: The ``hedge`` command as click sees it.
hedge: click.Command = typer.main.get_command(app)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Register this module as ``hedge_cli`` for the ``::: mkdocs-click`` block of docs/cli.md."""
    sys.modules["hedge_cli"] = sys.modules[__name__]
    return config
