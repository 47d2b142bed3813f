"""Figures a reader looks at rather than reads: hedging portfolios as bars along the alignment spectrum."""

from __future__ import annotations

from collections.abc import Sequence

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.axes import Axes

from games import TwoPlayerGame
from solver.portfolio import PortfolioReading


def plot_portfolio(
    game: TwoPlayerGame,
    readings: PortfolioReading | Sequence[PortfolioReading],
    ax: Axes | None = None,
) -> Axes:
    """Bar chart of the small state's weight on each instrument, one colour per equilibrium.

    Instruments are listed as in the scenario (the alignment spectrum from bandwagoning to balancing), each
    with its alignment toward the patron; red-line instruments are hatched and marked. The legend gives each
    equilibrium's label.
    """
    readings = [readings] if isinstance(readings, PortfolioReading) else list(readings)
    if ax is None:
        _, ax = plt.subplots(figsize=(9, 0.55 * len(game.row_labels) + 1.5))
    instruments = game.scenario.instruments
    positions = np.arange(len(instruments))
    height = 0.8 / max(len(readings), 1)
    colours = plt.get_cmap("tab10")
    for k, reading in enumerate(readings):
        offsets = positions - 0.4 + height * (k + 0.5)
        bars = ax.barh(offsets, list(reading.weights.values()), height=height, color=colours(k % 10),
                       edgecolor="black", linewidth=0.5, label=f"equilibrium {k}: {reading.label}")  # fmt: skip
        for bar, instrument in zip(bars, instruments, strict=True):
            if instrument.crosses_red_line:
                bar.set_hatch("//")
    ax.set_yticks(
        positions,
        [f"{label} ({i.alignment:+.2f}){' ⚠ red line' if i.crosses_red_line else ''}"
         for label, i in zip(game.row_labels, instruments, strict=True)],
    )  # fmt: skip
    ax.invert_yaxis()
    ax.set_xlim(0, 1)
    ax.set_xlabel("weight in the equilibrium portfolio")
    info = game.scenario.scenario
    ax.set_title(f"{info.small_state}'s portfolio toward {info.patron} (alignment in brackets, +1 cooperative)")
    ax.legend(loc="lower right", frameon=False)
    ax.grid(axis="x", alpha=0.3)
    return ax
