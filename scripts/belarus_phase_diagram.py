"""Where does Belarus hedge? A phase diagram of the subsidy against the red-line cost, and one track.

A researcher's script against the library: sweep the plane of Russia's subsidy and the cost of an enforced
red line (the other parameters at their sourced point values), colour it by the hedging reading, mark the
calibration, then follow the equilibria along the red-line cost at the calibrated subsidy. Usage::

    python scripts/belarus_phase_diagram.py --resolution 101 --out docs/img/belarus-phase.png
"""

from __future__ import annotations

import argparse
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

from games import load_scenario
from solver.plots import plot_phase, plot_tracks
from solver.studies.phase import phase_diagram
from solver.studies.sweeps import choose_backend
from solver.studies.tracking import track_equilibria


def main() -> None:
    """Draw the phase diagram and the track; print the share of each phase."""
    parser = argparse.ArgumentParser(description="Phase diagram of the Belarus 2014 case.")
    parser.add_argument("--resolution", type=int, default=101, help="grid values per axis")
    parser.add_argument("--out", type=Path, default=Path("belarus-phase.png"))
    parser.add_argument("--workers", type=int, default=None)
    args = parser.parse_args()

    belarus = load_scenario("belarus-2014")
    x, y = f"subsidy_value=0:20:{args.resolution}", f"red_line_cost=0:50:{args.resolution}"
    phases = phase_diagram(belarus, x, y, backend=choose_backend(args.workers))
    print(phases["phase"].value_counts(normalize=True).round(3).to_string())

    ax = plot_phase(
        phases, "subsidy_value", "red_line_cost", mark=(belarus.value("subsidy_value"), belarus.value("red_line_cost"))
    )
    ax.set_title("Belarus 2014: the hedging reading across subsidy and red-line cost")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    ax.get_figure().savefig(args.out, dpi=110, bbox_inches="tight")

    backend = choose_backend(args.workers)
    tracks = track_equilibria(belarus, f"red_line_cost=0:50:{2 * args.resolution}", backend=backend)
    print(tracks.events.to_string(index=False))
    track_ax = plot_tracks(tracks, "mean_alignment")
    track_ax.get_figure().savefig(
        args.out.with_name(args.out.stem + "-track" + args.out.suffix), dpi=110, bbox_inches="tight"
    )
    print(f"figures written next to {args.out}")


if __name__ == "__main__":
    main()
