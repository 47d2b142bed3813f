"""The report's figures, drawn on matplotlib ``Figure`` objects (no pyplot state, no display) and saved as PNG."""

from __future__ import annotations

import io

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from numpy.typing import NDArray

from games import TwoPlayerGame
from solver.plots import plot_portfolio, plot_sobol
from solver.views import ViewResult

#: Resolution of the inline PNGs: sharp on screen, a few hundred kB per page.
DPI = 110


def png(figure: Figure) -> bytes:
    """The figure as PNG bytes."""
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=DPI)
    return buffer.getvalue()


def payoff_heatmap(game: TwoPlayerGame, player: str, matrix: NDArray[np.float64]) -> Figure:
    """One player's payoff matrix as a heatmap: instruments as rows, responses as columns, each cell's value
    written in it (bn USD/yr), on a diverging scale centred on zero so that gains and losses read apart."""
    rows, cols = matrix.shape
    figure = Figure(figsize=(1.5 * cols + 4.5, 0.45 * rows + 1.8), layout="constrained")
    ax = figure.add_subplot()
    bound = float(np.max(np.abs(matrix))) or 1.0
    image = ax.imshow(matrix, cmap="RdBu", vmin=-bound, vmax=bound, aspect="auto")
    for (i, j), value in np.ndenumerate(matrix):
        ax.text(j, i, f"{value:.2f}", ha="center", va="center", fontsize=8,
                color="white" if abs(value) > 0.6 * bound else "black")  # fmt: skip
    ax.set_xticks(range(cols), game.col_labels, rotation=20, ha="right")
    ax.set_yticks(range(rows), game.row_labels)
    ax.set_xlabel(f"{game.scenario.scenario.patron}'s response")
    ax.set_title(f"Payoffs to {player} (bn USD/yr)")
    figure.colorbar(image, ax=ax, shrink=0.8)
    return figure


def portfolio_figure(result: ViewResult) -> Figure:
    """The small state's weights in each solution of one view (:func:`solver.plots.plot_portfolio`)."""
    rows = len(result.game.scenario.instruments)
    figure = Figure(figsize=(10, 0.55 * rows + 1.8), layout="constrained")
    names = [f"solution {k}" for k in range(len(result.readings))]
    ax = plot_portfolio(result.game, result.readings, ax=figure.add_subplot(), names=names)
    figure.suptitle(ax.get_title())  # over the whole figure: the long instrument labels leave the axes narrow
    ax.set_title("")
    return figure


def sobol_figure(indices: pd.DataFrame, outputs: list[str]) -> Figure:
    """First-order and total Sobol' indices of each of ``outputs``, one panel each (:func:`solver.plots.plot_sobol`)."""
    factors = len(indices.loc[outputs[0]])
    figure = Figure(figsize=(10, len(outputs) * (0.32 * factors + 1.2)), layout="constrained")
    for ax, output in zip(figure.subplots(len(outputs), 1, squeeze=False)[:, 0], outputs, strict=True):
        plot_sobol(indices, output, ax=ax)
    return figure
