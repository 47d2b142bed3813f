"""The "target" column: whether a measured figure meets issue 13's target, and by how much it misses."""

from __future__ import annotations


def at_least(measured: float, target: float, unit: str = "×") -> str:
    """``met`` when ``measured ≥ target`` (a ratio or a rate), else ``missed by target / measured ×``."""
    if measured >= target:
        return f"met ({measured:.3g}{unit} ≥ {target:g}{unit})"
    if measured <= 0:
        return f"missed ({measured:.3g}{unit} of {target:g}{unit})"
    return f"missed by {target / measured:.2f}× ({measured:.3g}{unit} of {target:g}{unit})"


def at_most(measured: float, target: float, unit: str = " s") -> str:
    """``met`` when ``measured ≤ target`` (a time), else ``missed by measured / target ×``."""
    if measured <= target:
        return f"met ({measured:.3g}{unit} ≤ {target:g}{unit})"
    return f"missed by {measured / target:.2f}× ({measured:.3g}{unit} for {target:g}{unit})"
