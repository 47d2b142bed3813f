"""The scenario schema: actors, subsidy channels, instruments, responses and sourced parameters.

A scenario is a TOML file (see ``games/catalogue/belarus-2014.toml`` and ``docs/scenarios.md``). This module
declares what a valid scenario is; :mod:`games.loading` reads files and turns violations into messages.
Validation is strict: unknown keys, missing fields, non-finite numbers, values outside their domain, values
outside their own plausible range, wrong units and references to undeclared channels are all refused.
"""

from __future__ import annotations

import hashlib
import json
from typing import Annotated, Literal, Self

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, Strict, StringConstraints, model_validator

from games.observed import ObservedProfile
from games.parameters import (
    ALL_PARAMETERS,
    COMMITMENT_PARAMETERS,
    MAX_MAGNITUDE,
    MODEL_PARAMETERS,
    SECOND_POLE_PARAMETERS,
)


def _bounded(value: float) -> float:
    """``value`` if its magnitude is at most :data:`~games.parameters.MAX_MAGNITUDE`, else a ValueError saying why."""
    if abs(value) > MAX_MAGNITUDE:
        raise ValueError(
            f"{value:g} is beyond ±{MAX_MAGNITUDE:g}, the largest magnitude a scenario number may have "
            "(larger values would make payoff spans overflow 64-bit floats; see docs/scenarios.md)"
        )
    return value


Identifier = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9-]*$", max_length=60)]
Text = Annotated[str, StringConstraints(min_length=1, strip_whitespace=True)]
UnitInterval = Annotated[float, Field(ge=0.0, le=1.0, allow_inf_nan=False)]
Finite = Annotated[float, Field(allow_inf_nan=False), AfterValidator(_bounded)]
View = Literal["two-player", "sequential", "qre", "bayesian", "three-player", "commitment", "three-player-commitment"]
#: A TOML array read as a tuple. Strict mode accepts only tuples; lists are allowed here, their items stay strict.
Array = Strict(False)


class _Strict(BaseModel):
    """Strict validation: no string-to-number, number-to-string or string-to-boolean coercion (an integer is
    accepted where a float is expected, since TOML writes ``7`` for ``7.0``)."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class ScenarioInfo(_Strict):
    """Who the actors are and what case the scenario describes."""

    id: Identifier
    title: Text
    small_state: Text
    patron: Text
    second_pole: Text
    year: Annotated[int, Field(ge=1800, le=2100)]
    summary: Text
    views: Annotated[tuple[View, ...], Array] = Field(default=("two-player",), min_length=1)


class Parameter(_Strict):
    """A named model parameter: point value, plausible range, unit and source ("assumed" if not sourced)."""

    label: Text
    unit: Text
    value: Finite
    range: Annotated[tuple[Finite, Finite], Array]
    source: Text

    @model_validator(mode="after")
    def _value_in_range(self) -> Self:
        low, high = self.range
        if low > high:
            raise ValueError(f"range [{low}, {high}] is reversed; write it as [low, high]")
        if not low <= self.value <= high:
            raise ValueError(f"value {self.value} lies outside its own plausible range [{low}, {high}]")
        return self


class SubsidyChannel(_Strict):
    """One kind of subsidy the patron provides (energy, market access, credit) and its share of the total."""

    id: Identifier
    label: Text
    share: UnitInterval
    source: Text


class Instrument(_Strict):
    """A foreign-policy instrument of the small state (a row of the game).

    ``alignment`` runs from −1 (fully competitive toward the patron) to +1 (fully cooperative), following the
    alignment spectrum of Kuik (2008) and Dong (2015) cited in the seed paper. ``dependence_reduction`` per
    subsidy channel and ``capability_gain`` feed Filter One, ``crosses_red_line`` Filter Two and ``strategic``
    Filter Three (Tessman 2012, Figure 1 of the seed paper).
    """

    id: Identifier
    label: Text
    alignment: Annotated[float, Field(ge=-1.0, le=1.0, allow_inf_nan=False)]
    crosses_red_line: bool
    dependence_reduction: dict[Identifier, UnitInterval] = Field(default_factory=dict)
    capability_gain: UnitInterval = 0.0
    second_pole_engagement: UnitInterval = 0.0
    cost_weight: Annotated[Finite, Field(ge=0.0)] = 0.0
    strategic: bool
    evidence: Text


class Response(_Strict):
    """A response of the patron (a column of the game): how much of each subsidy it keeps, how hard it coerces."""

    id: Identifier
    label: Text
    subsidy_kept: dict[Identifier, UnitInterval]
    coercion: UnitInterval
    enforces_red_line: bool
    evidence: Text


class SecondPoleResponse(_Strict):
    """A response of the second pole (a third player's strategy): how much of its offer it delivers, and to whom.

    ``support`` is the share of the offer delivered; it goes only to instruments whose alignment toward the
    patron is at most ``max_alignment`` (1 = to any instrument; 0 = only to neutral or competitive ones).
    """

    id: Identifier
    label: Text
    support: UnitInterval
    max_alignment: Annotated[float, Field(ge=-1.0, le=1.0, allow_inf_nan=False)] = 1.0
    evidence: Text


class PatronType(_Strict):
    """A possible type of the patron (benign or aggressive, declining or not) and the small state's prior on it.

    ``overrides`` replaces model parameters' point values for this type (e.g. a higher
    ``patron_aggressiveness``); every other parameter keeps its scenario value.
    """

    id: Identifier
    label: Text
    prior: UnitInterval
    overrides: dict[str, Finite]
    source: Text


class Scenario(_Strict):
    """A validated scenario. Build its game with :func:`games.build_game`."""

    scenario: ScenarioInfo
    parameters: dict[str, Parameter]
    subsidies: Annotated[tuple[SubsidyChannel, ...], Array] = Field(min_length=1)
    instruments: Annotated[tuple[Instrument, ...], Array] = Field(min_length=2)
    responses: Annotated[tuple[Response, ...], Array] = Field(min_length=2)
    patron_types: Annotated[tuple[PatronType, ...], Array] = ()
    second_pole_responses: Annotated[tuple[SecondPoleResponse, ...], Array] = ()
    observed: ObservedProfile | None = None

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        problems = [*self._parameter_problems(), *self._reference_problems(), *self._type_problems()]
        if self.observed is not None:
            problems += self.observed.reference_problems(
                [i.id for i in self.instruments],
                [r.id for r in self.responses],
                [q.id for q in self.second_pole_responses],
            )
        if problems:
            raise ValueError("\n".join(problems))
        return self

    def _parameter_problems(self) -> list[str]:
        problems = []
        required = set(MODEL_PARAMETERS)
        views = set(self.scenario.views)
        if views & {"three-player", "three-player-commitment"}:
            required |= set(SECOND_POLE_PARAMETERS)
        if views & {"commitment", "three-player-commitment"}:
            required |= set(COMMITMENT_PARAMETERS)
        for name in sorted(required - set(self.parameters)):
            spec = ALL_PARAMETERS[name]
            problems.append(
                f'parameters.{name} is missing; add a [parameters.{name}] table (unit "{spec.unit}": {spec.meaning})'
            )
        for name in sorted(set(self.parameters) - set(ALL_PARAMETERS)):
            problems.append(f"parameters.{name} is not a model parameter; known: {', '.join(sorted(ALL_PARAMETERS))}")
        for name, parameter in self.parameters.items():
            if name not in ALL_PARAMETERS:
                continue
            spec = ALL_PARAMETERS[name]
            if parameter.unit != spec.unit:
                problems.append(
                    f'parameters.{name}.unit is "{parameter.unit}"; this parameter is in "{spec.unit}" '
                    "(convert the value and its range)"
                )
            low, high = parameter.range
            if low < spec.lower or high > spec.upper:
                problems.append(
                    f"parameters.{name}.range [{low}, {high}] leaves the domain [{spec.lower}, {spec.upper}]"
                )
        return problems

    def _reference_problems(self) -> list[str]:
        problems = []
        channels = [c.id for c in self.subsidies]
        total = sum(c.share for c in self.subsidies)
        if abs(total - 1.0) > 1e-9:
            problems.append(f"subsidies: channel shares sum to {total:g}; they must sum to 1")
        for table, items in (
            ("subsidies", self.subsidies),
            ("instruments", self.instruments),
            ("responses", self.responses),
        ):
            ids = [item.id for item in items]
            for duplicate in sorted({i for i in ids if ids.count(i) > 1}):
                problems.append(f'{table}: id "{duplicate}" is used more than once')
        for instrument in self.instruments:
            for channel in sorted(set(instrument.dependence_reduction) - set(channels)):
                problems.append(
                    f'instruments "{instrument.id}".dependence_reduction names channel "{channel}", '
                    f"which is not declared in [[subsidies]] ({', '.join(channels)})"
                )
        for response in self.responses:
            missing = sorted(set(channels) - set(response.subsidy_kept))
            undeclared = sorted(set(response.subsidy_kept) - set(channels))
            if missing:
                problems.append(
                    f'responses "{response.id}".subsidy_kept lacks channel(s) {", ".join(missing)}; '
                    "give the share of each subsidy channel the patron keeps"
                )
            if undeclared:
                problems.append(
                    f'responses "{response.id}".subsidy_kept names undeclared channel(s) {", ".join(undeclared)}'
                )
        return problems

    def _type_problems(self) -> list[str]:
        problems = []
        for view in ("three-player", "three-player-commitment"):
            if view in self.scenario.views and len(self.second_pole_responses) < 2:
                problems.append(
                    f'scenario.views lists "{view}" but fewer than two [[second_pole_responses]] are declared'
                )
        ids = [r.id for r in self.second_pole_responses]
        for duplicate in sorted({i for i in ids if ids.count(i) > 1}):
            problems.append(f'second_pole_responses: id "{duplicate}" is used more than once')
        types = self.patron_types
        type_ids = [t.id for t in types]
        for duplicate in sorted({i for i in type_ids if type_ids.count(i) > 1}):
            problems.append(f'patron_types: id "{duplicate}" is used more than once')
        views = list(self.scenario.views)
        for duplicate in sorted({v for v in views if views.count(v) > 1}):
            problems.append(f'scenario.views lists "{duplicate}" more than once')
        if "bayesian" in self.scenario.views and len(types) < 2:
            problems.append('scenario.views lists "bayesian" but fewer than two [[patron_types]] are declared')
        if types and abs(sum(t.prior for t in types) - 1.0) > 1e-9:
            problems.append(f"patron_types: priors sum to {sum(t.prior for t in types):g}; they must sum to 1")
        for patron_type in types:
            for name, value in patron_type.overrides.items():
                if name not in ALL_PARAMETERS:
                    problems.append(f'patron_types "{patron_type.id}".overrides.{name} is not a model parameter')
                elif not ALL_PARAMETERS[name].lower <= value <= ALL_PARAMETERS[name].upper:
                    spec = ALL_PARAMETERS[name]
                    problems.append(
                        f'patron_types "{patron_type.id}".overrides.{name} = {value} leaves the domain '
                        f"[{spec.lower}, {spec.upper}]"
                    )
        return problems

    @property
    def id(self) -> str:
        """The scenario's identifier, e.g. ``belarus-2014``."""
        return self.scenario.id

    def value(self, name: str) -> float:
        """Point value of a model parameter."""
        return self.parameters[name].value

    @property
    def content_hash(self) -> str:
        """SHA-256 of the scenario's validated content (independent of file formatting and comments)."""
        canonical = json.dumps(self.model_dump(mode="json"), sort_keys=True, separators=(",", ":"))
        return hashlib.sha256(canonical.encode()).hexdigest()

    def with_values(self, **values: float) -> Scenario:
        """A copy with some parameters' point values replaced, checked against each parameter's domain.

        The plausible range is widened to include the new value: sweeps may leave it, never the domain.
        """
        parameters = dict(self.parameters)
        for name, new in values.items():
            if name not in parameters:
                raise KeyError(f"unknown parameter {name!r}; known: {', '.join(sorted(parameters))}")
            old = parameters[name]
            low, high = old.range
            parameters[name] = old.model_copy(update={"value": new, "range": (min(low, new), max(high, new))})
        return Scenario.model_validate(
            {**self.model_dump(), "parameters": {k: p.model_dump() for k, p in parameters.items()}}
        )
