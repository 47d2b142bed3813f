"""Sweep specifications: which parameters vary, over which values, checked before any work starts.

A grid axis is written ``name=start:stop:count`` (``count`` evenly spaced values from ``start`` to ``stop``,
both included, as :func:`numpy.linspace`). A sampled axis is written ``name`` (the scenario's plausible range)
or ``name=low:high``; the sample size is given once for the whole design. Every problem with a specification
(unknown parameter, malformed or non-numeric bounds, empty or reversed range, a range leaving the parameter's
domain, a missing or ill-sized sample size) is reported in one :class:`SweepSpecError` naming the fix.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any, Literal, get_args

from games import MODEL_PARAMETERS, ParameterSpec, Scenario

if TYPE_CHECKING:
    import pandas as pd

Design = Literal["grid", "random", "lhs", "sobol", "saltelli"]
DESIGNS: tuple[Design, ...] = get_args(Design)
SAMPLED: tuple[Design, ...] = ("random", "lhs", "sobol", "saltelli")


#: Most parameter points one sweep may hold: 10⁹ points of the Belarus view write ~10¹¹ bytes of table already.
MAX_POINTS = 1_000_000_000
#: Parameter points per chunk unless told otherwise (here, not in ``run``, so the command line reads it cheaply).
DEFAULT_CHUNK_SIZE = 500


class SweepSpecError(ValueError):
    """A sweep specification is invalid. The message lists every problem and how to fix it."""


@dataclass(frozen=True)
class Axis:
    """One varied parameter: its bounds and, on a grid, the number of evenly spaced values."""

    name: str
    low: float
    high: float
    count: int | None = None


@dataclass(frozen=True)
class SweepSpec:
    """A validated sweep design: grid axes, or sampled factors with a sample size and a seed.

    ``size`` is the number of parameter points: the product of the axis counts on a grid, ``n`` for random,
    Latin-hypercube and Sobol' samples, and ``n (d + 2)`` for Saltelli's scheme over ``d`` factors (the
    sample :mod:`solver.studies.sensitivity` needs for first-order and total Sobol' indices).
    """

    axes: tuple[Axis, ...]
    design: Design = "grid"
    n: int | None = None
    seed: int = 0

    @property
    def names(self) -> tuple[str, ...]:
        """The varied parameters, in column order."""
        return tuple(axis.name for axis in self.axes)

    @property
    def size(self) -> int:
        """Number of parameter points."""
        if self.design == "grid":
            return math.prod(axis.count or 0 for axis in self.axes)
        assert self.n is not None
        return self.n * (len(self.axes) + 2) if self.design == "saltelli" else self.n

    def to_dict(self) -> dict[str, Any]:
        """Plain-data form (JSON types), as stored in a sweep file's metadata."""
        return {"design": self.design, "n": self.n, "seed": self.seed, "axes": [asdict(a) for a in self.axes]}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> SweepSpec:
        """Inverse of :meth:`to_dict`."""
        return cls(
            axes=tuple(Axis(**axis) for axis in data["axes"]),
            design=data["design"],
            n=data["n"],
            seed=data["seed"],
        )

    @classmethod
    def of_table(cls, table: pd.DataFrame) -> SweepSpec:
        """The spec of the sweep a table came from (:func:`solver.sweep` and :func:`solver.studies.sweeps.read_sweep`
        keep the sweep's identity in ``table.attrs["sweep"]``)."""
        if "sweep" not in table.attrs:
            raise ValueError("the table carries no sweep identity (attrs['sweep']); it was not made by a sweep")
        return cls.from_dict(table.attrs["sweep"]["spec"])


def _number(text: str, what: str, name: str, problems: list[str]) -> float | None:
    try:
        value = float(text)
    except ValueError:
        problems.append(f"{name}: {what} {text!r} is not a number")
        return None
    if not math.isfinite(value):
        problems.append(f"{name}: {what} {text!r} is not finite")
        return None
    return value


def _count(text: str, name: str, problems: list[str]) -> int | None:
    try:
        count = int(text)
    except ValueError:
        problems.append(f"{name}: count {text!r} is not a whole number of values (write name=start:stop:count)")
        return None
    if count < 2:
        problems.append(f"{name}: count {count} gives no range; a grid axis needs at least 2 values")
        return None
    return count


def _parse(
    text: str, design: Design, scenario: Scenario, problems: list[str], known: Mapping[str, ParameterSpec]
) -> Axis | None:
    """One axis from its text form, or None after recording what is wrong with it."""
    name, sep, bounds = text.partition("=")
    name = name.strip()
    if name not in known:
        problems.append(f"unknown parameter {name!r}; known: {', '.join(sorted(known))}")
        return None
    fields = bounds.split(":") if sep else []
    if design == "grid" and len(fields) != 3:
        problems.append(f"{text!r}: a grid axis is written {name}=start:stop:count")
        return None
    if design != "grid" and len(fields) not in (0, 2):
        problems.append(
            f"{text!r}: a sampled factor is written {name} (its plausible range) or {name}=low:high; "
            "the sample size is given once (--n)"
        )
        return None
    if not fields:
        low, high = scenario.parameters[name].range
        return Axis(name, float(low), float(high))
    low_, high_ = (
        _number(field.strip(), what, name, problems) for field, what in zip(fields[:2], ("start", "stop"), strict=True)
    )
    count = _count(fields[2].strip(), name, problems) if design == "grid" else None
    if low_ is None or high_ is None or (design == "grid" and count is None):
        return None
    return Axis(name, low_, high_, count)


def _axis_problems(axis: Axis, design: Design, known: Mapping[str, ParameterSpec]) -> list[str]:
    if axis.name not in known:
        return [f"unknown parameter {axis.name!r}; known: {', '.join(sorted(known))}"]
    spec = known[axis.name]
    if design == "grid" and (axis.count is None or axis.count < 2):
        return [f"{axis.name}: a grid axis needs a count of at least 2 values"]
    if design != "grid" and axis.count is not None:
        return [f"{axis.name}: a count is for grid axes; a {design} sample's size is given once (--n)"]
    if not (math.isfinite(axis.low) and math.isfinite(axis.high)):
        return [f"{axis.name}: bounds must be finite"]
    if axis.low > axis.high:
        return [f"{axis.name}: range {axis.low:g}:{axis.high:g} is reversed; write it low to high"]
    if axis.low == axis.high:
        return [f"{axis.name}: range {axis.low:g}:{axis.high:g} is empty; give two different bounds"]
    if axis.low < spec.lower or axis.high > spec.upper:
        return [
            f"{axis.name}: range {axis.low:g}:{axis.high:g} leaves the parameter's domain "
            f"[{spec.lower:g}, {spec.upper:g}] ({spec.unit})"
        ]
    return []


def _size_problems(design: Design, n: int | None) -> list[str]:
    if design == "grid":
        return [] if n is None else ["a grid's size is set by its axes' counts; drop the sample size (--n)"]
    if n is None or n < 1:
        return [f"a {design} sample needs a positive sample size (--n), got {n}"]
    if design in ("sobol", "saltelli") and n & (n - 1):
        return [
            f"a {design} sample size must be a power of two (for its balance properties); try {1 << n.bit_length()}"
        ]
    return []


def make_spec(
    scenario: Scenario,
    vary: Sequence[str | Axis] | Mapping[str, Sequence[float]],
    design: Design = "grid",
    n: int | None = None,
    seed: int = 0,
    known: Mapping[str, ParameterSpec] = MODEL_PARAMETERS,
) -> SweepSpec:
    """Parse and validate a sweep specification against a scenario.

    Parameters
    ----------
    scenario:
        Supplies the plausible range of sampled factors given by name only.
    vary:
        Axes as text (``"subsidy_value=0:20:101"``, ``"red_line_cost"``, ``"red_line_cost=5:50"``), as
        :class:`Axis` objects, or as a mapping ``{name: (start, stop, count)}`` / ``{name: (low, high)}``
        / ``{name: ()}`` for the plausible range.
    design:
        ``"grid"``, ``"random"`` (uniform), ``"lhs"`` (Latin hypercube), ``"sobol"`` (scrambled Sobol'
        sequence) or ``"saltelli"`` (Saltelli's scheme for Sobol' indices).
    n, seed:
        Sample size and seed of a sampled design.
    known:
        The parameters that may be varied: the two-player game's by default; a view that depends on more
        (the second pole's, the commitment view's tolerance) passes its own.

    Raises
    ------
    SweepSpecError
        Listing every problem found, before any point is evaluated.

    Examples
    --------
    >>> from games import load_scenario
    >>> spec = make_spec(load_scenario("belarus-2014"), ["subsidy_value=0:20:3", "red_line_cost=0:50:2"])
    >>> spec.size, spec.names
    (6, ('subsidy_value', 'red_line_cost'))
    """
    problems: list[str] = []
    if design not in DESIGNS:
        raise SweepSpecError(f"unknown design {design!r}; choose one of {', '.join(DESIGNS)}")
    if isinstance(vary, Mapping):
        vary = [f"{name}={':'.join(str(x) for x in bounds)}" if len(bounds) else name for name, bounds in vary.items()]
    axes: list[Axis] = []
    for item in vary:
        axis = item if isinstance(item, Axis) else _parse(str(item), design, scenario, problems, known)
        if axis is not None:
            axes.append(axis)
            problems.extend(_axis_problems(axis, design, known))
    names = [axis.name for axis in axes]
    for name in sorted({name for name in names if names.count(name) > 1}):
        problems.append(f"{name} is varied more than once")
    if not vary:
        problems.append("nothing to vary; give at least one parameter (--vary name=start:stop:count)")
    problems.extend(_size_problems(design, n))
    if problems:
        raise SweepSpecError("invalid sweep: " + "; ".join(problems))
    spec = SweepSpec(axes=tuple(axes), design=design, n=n, seed=seed)
    if spec.size > MAX_POINTS:
        raise SweepSpecError(
            f"invalid sweep: {spec.size:,} points exceed the {MAX_POINTS:,} one sweep may hold (its chunk list and "
            "table must fit in memory); use fewer values per axis or a sample (--sample sobol --n …)"
        )
    return spec
