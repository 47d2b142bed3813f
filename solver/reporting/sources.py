"""A scenario's inputs and its observed profile as HTML tables, every number beside its source.

Shared by the case report (:mod:`solver.reporting.page`) and the documentation's case library (docs/hooks).
"""

from __future__ import annotations

from games import Scenario
from games.observed import ObservedProfile
from solver.reporting.markup import Html, join, table, tag


def _number(value: float) -> str:
    return f"{value:g}"


def _source(text: str) -> Html:
    return tag("span", text, class_="source")


def scenario_sources(scenario: Scenario) -> Html:
    """The scenario's inputs with their sources: parameters (value, plausible range, source), subsidy channels,
    instruments and responses (with their evidence), patron types and second-pole responses where declared."""
    parameters = table(
        ("parameter", "meaning", "unit", "value", "plausible range", "source"),
        [
            (
                name,
                p.label,
                p.unit,
                _number(p.value),
                f"{_number(p.range[0])} – {_number(p.range[1])}",
                _source(p.source),
            )
            for name, p in scenario.parameters.items()
        ],
        caption="Parameters",
    )
    channels = table(
        ("channel", "share of the subsidy", "source"),
        [(c.label, f"{c.share:.0%}", _source(c.source)) for c in scenario.subsidies],
        caption="Subsidy channels",
    )
    instruments = table(
        ("instrument", "alignment", "crosses the red line", "strategic", "evidence"),
        [
            (
                i.label,
                f"{i.alignment:+.2f}",
                "yes" if i.crosses_red_line else "no",
                "yes" if i.strategic else "no",
                _source(i.evidence),
            )
            for i in scenario.instruments
        ],
        caption=f"{scenario.scenario.small_state}'s instruments (rows)",
    )
    responses = table(
        ("response", "coercion", "enforces the red line", "subsidy kept", "evidence"),
        [
            (
                r.label,
                f"{r.coercion:.2f}",
                "yes" if r.enforces_red_line else "no",
                ", ".join(f"{channel} {share:.0%}" for channel, share in r.subsidy_kept.items()),
                _source(r.evidence),
            )
            for r in scenario.responses
        ],
        caption=f"{scenario.scenario.patron}'s responses (columns)",
    )
    extra = []
    if scenario.patron_types:
        extra.append(
            table(
                ("patron type", "prior", "overrides", "source"),
                [
                    (
                        t.label,
                        f"{t.prior:.2f}",
                        ", ".join(f"{k} = {_number(v)}" for k, v in t.overrides.items()),
                        _source(t.source),
                    )
                    for t in scenario.patron_types
                ],
                caption="Patron types (Bayesian view)",
            )
        )
    if scenario.second_pole_responses:
        extra.append(
            table(
                ("second-pole response", "support", "evidence"),
                [(q.label, f"{q.support:.2f}", _source(q.evidence)) for q in scenario.second_pole_responses],
                caption=f"{scenario.scenario.second_pole}'s responses (three-player views)",
            )
        )
    return join([parameters, channels, instruments, responses, *extra])


def observed_sources(observed: ObservedProfile, scenario: Scenario) -> Html:
    """The observed profile with its sources: each instrument pursued or not, and how the patron (and the second
    pole) answered, in shares of the period's years."""
    labels = {i.id: i.label for i in scenario.instruments}
    evidence = table(
        ("instrument", "pursued", "source"),
        [(labels[key], "yes" if o.pursued else "no", _source(o.source)) for key, o in observed.instruments.items()],
        caption=f"Observed, {observed.period} ({observed.years} years): {observed.summary}",
    )
    info = scenario.scenario
    answers = [
        (f"{who}: {names[key]}", f"{o.share:.0%} of years", _source(o.source))
        for who, block, names in (
            (info.patron, observed.patron, {r.id: r.label for r in scenario.responses}),
            (info.second_pole, observed.second_pole, {q.id: q.label for q in scenario.second_pole_responses}),
        )
        for key, o in block.items()
    ]
    return join(
        [
            evidence,
            *([table(("who", "answered with it", "source"), answers, caption="Observed answers")] if answers else []),
        ]
    )
