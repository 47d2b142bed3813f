"""Reading the command line's output as a person would: typer's error box and its line wrapping removed."""

from __future__ import annotations


def flat(output: str) -> str:
    """``output`` on one line, box borders dropped and runs of white space joined, so a wrapped message reads whole."""
    return " ".join(output.replace("│", " ").split())
