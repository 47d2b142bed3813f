"""The "target" column: whether a measured figure meets issue 13's target, and by how much it misses."""

from __future__ import annotations

from benchmarks.tables import cell


def at_least(measured: float, target: float, unit: str = "×") -> str:
    """``met`` when ``measured ≥ target`` (a ratio or a rate), else ``missed by target / measured ×``."""
    if measured >= target:
        return f"met ({cell(measured)}{unit} ≥ {target:g}{unit})"
    if measured <= 0:
        return f"missed ({cell(measured)}{unit} of {target:g}{unit})"
    return f"missed by {target / measured:.2f}× ({cell(measured)}{unit} of {target:g}{unit})"


def at_most(measured: float, target: float, unit: str = " s") -> str:
    """``met`` when ``measured ≤ target`` (a time, or a ratio of times), else ``missed by measured / target ×``."""
    if measured <= target:
        return f"met ({cell(measured)}{unit} ≤ {target:g}{unit})"
    return f"missed by {measured / target:.2f}× ({cell(measured)}{unit} for {target:g}{unit})"
