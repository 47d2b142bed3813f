"""Structural diagnostics: dominance over the whole plausible box, decided at its vertices and certified."""

from __future__ import annotations

import numpy as np
import pytest

from games import catalogue, load_scenario
from games.payoff_batch import payoff_stacks
from solver.structure import box_factors, structural_diagnostics

CASES = sorted(catalogue())


def test_full_bandwagoning_loses_a_quarter_of_autonomy_to_enmeshment_everywhere() -> None:
    """Alignment 1 against 0.5: the patron's response does not depend on the instrument, so enmeshment gains
    α (k_enm − k_band) = α / 4 against every response; its smallest value on the box is 0.5 / 4."""
    belarus = load_scenario("belarus-2014")
    findings = {f.strategy: f for f in structural_diagnostics(belarus).findings}
    bandwagoning = findings["Full bandwagoning"]
    assert bandwagoning.status == "dominated everywhere"
    assert bandwagoning.dominated_by == {"Enmeshment (Union State, EEU, CSTO)": pytest.approx(1.0)}
    low = belarus.parameters["autonomy_value"].range[0]
    assert bandwagoning.margin == pytest.approx(low / 4)


@pytest.mark.parametrize("case", CASES)
def test_certificates_hold_at_random_points_inside_the_box(case: str) -> None:
    scenario = load_scenario(case)
    diagnostics = structural_diagnostics(scenario)
    rng = np.random.default_rng(0)
    values = {name: rng.uniform(*scenario.parameters[name].range, size=500) for name in box_factors(scenario)}
    a, b = payoff_stacks(scenario, values)
    rows = [i.label for i in scenario.instruments]
    cols = [r.label for r in scenario.responses]
    for finding in diagnostics.never_chosen:
        own, labels, payoffs = (
            (rows.index(finding.strategy), rows, a) if finding.player == "small_state"
            else (cols.index(finding.strategy), cols, b.transpose(0, 2, 1))
        )  # fmt: skip
        p = np.zeros(len(labels))
        for name, weight in finding.dominated_by.items():
            p[labels.index(name)] = weight
        margins = np.einsum("j,kjr->kr", p, payoffs) - payoffs[:, own, :]
        assert margins.min() >= finding.margin - 1e-9, finding.strategy


def test_an_instrument_undominated_at_the_point_is_not_reported() -> None:
    """At Belarus's point calibration 30-30-30 diversification is the unique equilibrium: it is never dominated."""
    statuses = {f.strategy: f.status for f in structural_diagnostics(load_scenario("belarus-2014")).findings}
    assert statuses["30-30-30 exports, IMF and Chinese loans"] == "undominated somewhere"
