"""Figures a reader looks at rather than reads: portfolios, phase diagrams, equilibrium tracks, Sobol' indices."""

from __future__ import annotations

from collections.abc import Sequence

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.colors import ListedColormap
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from games import TwoPlayerGame
from solver.portfolio import PortfolioReading
from solver.studies.tracking import Tracks


def plot_portfolio(
    game: TwoPlayerGame,
    readings: PortfolioReading | Sequence[PortfolioReading],
    ax: Axes | None = None,
    names: Sequence[str] | None = None,
) -> Axes:
    """Bar chart of the small state's weight on each instrument, one colour per solution.

    Instruments are listed as in the scenario (the alignment spectrum from bandwagoning to balancing), each
    with its alignment toward the patron; red-line instruments are hatched and marked, and where the scenario
    has an observed profile each instrument is marked ✓ (pursued) or ✗ (not pursued) as the sources say. The
    legend gives each solution's name (``names``; "equilibrium k" by default) and label.
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
        name = names[k] if names is not None else f"equilibrium {k}"
        bars = ax.barh(offsets, list(reading.weights.values()), height=height, color=colours(k % 10),
                       edgecolor="black", linewidth=0.5, label=f"{name}: {reading.label}")  # fmt: skip
        for bar, instrument in zip(bars, instruments, strict=True):
            if instrument.crosses_red_line:
                bar.set_hatch("//")
    observed = game.scenario.observed.instruments if game.scenario.observed is not None else {}
    marks = {i.id: (" ✓ pursued" if observed[i.id].pursued else " ✗ not pursued") if i.id in observed else ""
             for i in instruments}  # fmt: skip
    ax.set_yticks(
        positions,
        [f"{label} ({i.alignment:+.2f}){' ⚠ red line' if i.crosses_red_line else ''}{marks[i.id]}"
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


#: Colour of each label in phase diagrams and tracks.
LABEL_COLOURS = {"bandwagoning": "#4477aa", "balancing": "#cc3311", "hedging": "#228833", "other": "#bbbbbb"}
#: Colours of phases whose equilibria carry different labels, in order of appearance.
MIXED_PHASE_COLOURS = ("#ee7733", "#aa3377", "#ccbb44", "#66ccee", "#ee3377", "#332288")


def _phase_colours(order: list[str]) -> list[str]:
    mixed = iter(MIXED_PHASE_COLOURS * len(order))
    return [LABEL_COLOURS[phase] if phase in LABEL_COLOURS else next(mixed) for phase in order]


def plot_phase(
    phases: pd.DataFrame, x: str, y: str, ax: Axes | None = None, mark: tuple[float, float] | None = None
) -> Axes:
    """A phase diagram: the ``x × y`` plane coloured by phase (:func:`solver.studies.phase.phases`).

    A single label gets its colour (:data:`LABEL_COLOURS`); each combination of different labels at one point
    gets a colour of its own (:data:`MIXED_PHASE_COLOURS`), named in the legend; points with several equilibria
    are hatched whatever their labels. ``mark`` puts a star at a point, e.g. the scenario's calibration.
    """
    if ax is None:
        _, ax = plt.subplots(figsize=(7.5, 5.5))
    order = sorted(phases["phase"].unique(), key=lambda p: (p.count("|"), p))
    codes = {phase: k for k, phase in enumerate(order)}
    grid = phases.pivot_table(index=y, columns=x, values="phase", aggfunc="first")
    multiple = phases.pivot_table(index=y, columns=x, values="multiple", aggfunc="first").astype(float)
    values = grid.map(codes.__getitem__).to_numpy(dtype=float)
    colours = _phase_colours(order)
    cmap = ListedColormap(colours)
    xs, ys = grid.columns.to_numpy(dtype=float), grid.index.to_numpy(dtype=float)
    ax.pcolormesh(xs, ys, values, cmap=cmap, vmin=-0.5, vmax=len(order) - 0.5, shading="nearest")
    if multiple.to_numpy().any():
        ax.contourf(xs, ys, multiple.to_numpy(), levels=[0.5, 1.5], colors="none", hatches=["xxx"])
    handles: list[Patch | Line2D] = [Patch(color=c, label=phase) for phase, c in zip(order, colours, strict=True)]
    handles.append(Patch(facecolor="white", edgecolor="black", hatch="xxx", label="several equilibria"))
    if mark is not None:
        handles.append(
            ax.plot(
                *mark,
                marker="*",
                markersize=16,
                color="gold",
                markeredgecolor="black",
                linestyle="none",
                label="scenario calibration",
            )[0]
        )
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False)
    ax.set_xlabel(x)
    ax.set_ylabel(y)
    ax.set_title("Hedging reading across the plane")
    return ax


def plot_tracks(tracks: Tracks, measure: str = "mean_alignment", ax: Axes | None = None) -> Axes:
    """Each equilibrium's ``measure`` as the parameter moves: one line per branch, points coloured by label.

    Appearing equilibria are marked ▲, vanishing ones ▼, label switches ◆ (:mod:`solver.studies.tracking`).
    """
    if ax is None:
        _, ax = plt.subplots(figsize=(8, 4.5))
    table, parameter = tracks.table, tracks.parameter
    for _, rows in table.groupby("branch", sort=True):
        ax.plot(rows[parameter], rows[measure], color="black", linewidth=0.8, alpha=0.6)
    for label, rows in table.groupby("label"):
        ax.scatter(rows[parameter], rows[measure], s=10, color=LABEL_COLOURS[str(label)], label=str(label), zorder=3)
    markers = {"appears": "^", "vanishes": "v", "switches": "D"}
    for event, rows in tracks.events.groupby("event"):
        at = table.set_index([parameter, "branch"])[measure]
        ys = [at.get((value, branch), np.nan) for value, branch in zip(rows[parameter], rows["branch"], strict=True)]
        ax.scatter(
            rows[parameter],
            ys,
            marker=markers[str(event)],
            s=70,
            facecolor="none",
            edgecolor="black",
            label=str(event),
            zorder=4,
        )
    ax.set_xlabel(parameter)
    ax.set_ylabel(measure.replace("_", " "))
    ax.set_title(f"Equilibria followed along {parameter}")
    ax.legend(loc="best", frameon=False, fontsize="small")
    ax.grid(alpha=0.3)
    return ax


def plot_sobol(indices: pd.DataFrame, output: str, ax: Axes | None = None) -> Axes:
    """Bar chart of first-order and total Sobol' indices of one output, with confidence intervals."""
    data = indices.loc[output]
    if ax is None:
        _, ax = plt.subplots(figsize=(8, 0.45 * len(data) + 1.5))
    positions = np.arange(len(data))
    ax.barh(positions - 0.2, data["S1"], height=0.4, xerr=data["S1_conf"], label="first order S1", color="#4477aa")
    ax.barh(positions + 0.2, data["ST"], height=0.4, xerr=data["ST_conf"], label="total ST", color="#ee7733")
    ax.set_yticks(positions, list(data.index))
    ax.invert_yaxis()
    ax.axvline(0, color="black", linewidth=0.6)
    ax.set_xlabel("Sobol' index (share of variance)")
    ax.set_title(f"Sensitivity of {output.replace('_', ' ')}")
    ax.legend(loc="lower right", frameon=False)
    ax.grid(axis="x", alpha=0.3)
    return ax
