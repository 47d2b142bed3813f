"""A progress bar for long sweeps: points done, rate and time left, shown only on a terminal."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, ProgressColumn, Task, TextColumn, TimeRemainingColumn
from rich.text import Text


class RateColumn(ProgressColumn):
    """Points evaluated per second."""

    def render(self, task: Task) -> Text:
        """The task's current speed, or a dash before there is one."""
        return Text("– points/s" if task.speed is None else f"{task.speed:,.0f} points/s", style="progress.data.speed")


@contextmanager
def progress_bar(
    total: int, done: int, description: str, enabled: bool | None = None
) -> Iterator[Callable[[int], None]]:
    """Show a bar on standard error; yield ``advance(points)``.

    ``enabled=None`` shows it only when standard error is a terminal; ``False`` (``--quiet``) never.
    """
    show = sys.stderr.isatty() if enabled is None else enabled
    progress = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        RateColumn(),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        disable=not show,
    )
    with progress:
        task = progress.add_task(description, total=total, completed=done)
        yield lambda points: progress.advance(task, points)
