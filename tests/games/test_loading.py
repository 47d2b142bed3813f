"""Scenario files: the catalogue loads, and every kind of bad input gets one clear message."""

from __future__ import annotations

import tomllib
from pathlib import Path

import numpy as np
import pytest
from pydantic import ValidationError

from games import ScenarioError, catalogue, load_scenario
from games.loading import catalogue_files
from games.parameters import ALL_PARAMETERS, MAX_MAGNITUDE
from games.payoffs import payoff_matrices

BELARUS = Path(__file__).resolve().parents[2] / "games" / "catalogue" / "belarus-2014.toml"


def test_catalogue_lists_belarus() -> None:
    assert "belarus-2014" in catalogue()


def test_shipped_scenario_loads_by_id_and_by_path() -> None:
    by_id = load_scenario("belarus-2014")
    by_path = load_scenario(BELARUS)
    assert by_id == by_path
    assert by_id.content_hash == by_path.content_hash


def test_every_calibrated_value_has_a_source() -> None:
    for scenario in catalogue().values():
        for name, parameter in scenario.parameters.items():
            assert len(parameter.source) > 5, name
        for channel in scenario.subsidies:
            assert channel.source


def test_hash_ignores_formatting_but_not_content(tmp_path: Path) -> None:
    text = BELARUS.read_text()
    reformatted = tmp_path / "reformatted.toml"
    reformatted.write_text("# a comment\n" + text.replace("value = 7.0", "value   =   7.00"))
    changed = tmp_path / "changed.toml"
    changed.write_text(text.replace("value = 7.0", "value = 7.1"))
    original = load_scenario(BELARUS).content_hash
    assert load_scenario(reformatted).content_hash == original
    assert load_scenario(changed).content_hash != original


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "case.toml"
    path.write_text(text)
    return path


BASE = BELARUS.read_text()

BAD_EDITS = {
    "unknown key": (
        ("alignment = 0.5\n", "alignment = 0.5\nalignmnet = 0.5\n"),
        ['instruments[1] (id "enmeshment").alignmnet', "unknown key"],
    ),
    "missing field": (
        ('strategic = true\nevidence = """\'Belarus has always', 'evidence = """\'Belarus has always'),
        ['instruments[1] (id "enmeshment").strategic', "required field is missing"],
    ),
    "non-finite number": (("value = 7.0\n", "value = nan\n"), ["parameters.subsidy_value.value", "finite"]),
    "infinite number": (("value = 7.0\n", "value = inf\n"), ["parameters.subsidy_value.value", "finite"]),
    "value outside its range": (("value = 7.0\n", "value = 99.0\n"), ["subsidy_value", "outside its own plausible"]),
    "reversed range": (("range = [5.5, 9.6]", "range = [9.6, 5.5]"), ["subsidy_value", "reversed"]),
    "wrong unit": (
        ('unit = "bn USD/yr"\nvalue = 7.0', 'unit = "% GDP"\nvalue = 7.0'),
        ["parameters.subsidy_value.unit", '"bn USD/yr"', "convert"],
    ),
    "probability out of domain": (
        ("range = [0.1, 0.7]", "range = [0.1, 1.7]"),
        ["second_pole_support.range", "domain [0.0, 1.0]"],
    ),
    "alignment out of range": (("alignment = 0.5\n", "alignment = 1.5\n"), ["enmeshment", "alignment", "1"]),
    "undeclared channel": (
        ("dependence_reduction = { energy = 0.05,", "dependence_reduction = { oil = 0.05, energy = 0.05,"),
        ['"economic-diversification"', 'channel "oil"', "[[subsidies]]"],
    ),
    "response lacks a channel": (
        (
            "subsidy_kept = { energy = 1.0, credit = 1.0, market = 1.0 }",
            "subsidy_kept = { energy = 1.0, credit = 1.0 }",
        ),
        ['responses "subsidise".subsidy_kept lacks channel(s) market'],
    ),
    "shares do not sum to one": (("share = 0.78\n", "share = 0.88\n"), ["shares sum to 1.1"]),
    "duplicate id": (
        ('id = "enmeshment"', 'id = "full-bandwagoning"'),
        ['id "full-bandwagoning" is used more than once'],
    ),
    "duplicate patron type": (
        ('id = "aggressive"', 'id = "benign"'),
        ['patron_types: id "benign" is used more than once'],
    ),
    "no view": (
        (
            'views = ["two-player", "sequential", "qre", "bayesian", "three-player", "commitment", '
            '"three-player-commitment"]',
            "views = []",
        ),
        ["scenario.views", "at least 1 item"],
    ),
    # Strict types: each of these was coerced silently before (issue 14).
    "year as text": (("year = 2014", 'year = "2014"'), ["scenario.year", "expected an integer", 'got the text "2014"']),
    "year as a float": (("year = 2014", "year = 2014.0"), ["scenario.year", "expected an integer", "2014.0"]),
    "boolean as text": (
        ("crosses_red_line = false", 'crosses_red_line = "yes"'),
        ["crosses_red_line", "expected true or false", 'got the text "yes"'],
    ),
    "boolean as an integer": (
        ("crosses_red_line = false", "crosses_red_line = 1"),
        ["crosses_red_line", "expected true or false", "got the integer 1"],
    ),
    "text as a number": (
        ('label = "Enmeshment (Union State, EEU, CSTO)"', "label = 1"),
        ['instruments[1] (id "enmeshment").label', "expected text in double quotes", "got the integer 1"],
    ),
    "number as text": (
        ("alignment = 0.5\n", 'alignment = "0.9"\n'),
        ['(id "enmeshment").alignment', "expected a number without quotes", 'got the text "0.9"'],
    ),
    "number as a boolean": (("value = 7.0\n", "value = true\n"), ["subsidy_value.value", "got the boolean true"]),
    "range as text": (
        ("range = [5.5, 9.6]", 'range = "5.5, 9.6"'),
        ["parameters.subsidy_value.range", "expected an array", 'got the text "5.5, 9.6"'],
    ),
    "override as text": (
        ("overrides = { patron_aggressiveness = 0.3 }", 'overrides = { patron_aggressiveness = "0.3" }'),
        ["overrides.patron_aggressiveness", "expected a number", 'got the text "0.3"'],
    ),
    "observed years as text": (("years = 4\n", 'years = "4"\n'), ["observed.years", 'got the text "4"']),
    "observed flag as text": (
        ("pursued = false", 'pursued = "no"'),
        ["observed.instruments.", ".pursued", "expected true or false", 'got the text "no"'],
    ),
    # Bounded numbers: 1.7e308 used to pass validation and fail in the solver's SVD (issue 14).
    "huge value": (
        ("value = 7.0\nrange = [5.5, 9.6]", "value = 1.7e308\nrange = [5.5, 1.7e308]"),
        ["subsidy_value.value", "subsidy_value.range[1]", "1.7e+308 is beyond ±1e+74", "docs/scenarios.md"],
    ),
    "huge cost weight": (
        ("cost_weight = 0.25", "cost_weight = 1e300"),
        ["cost_weight", "1e+300 is beyond ±1e+74"],
    ),
    "huge override": (
        ("overrides = { patron_aggressiveness = 0.3 }", "overrides = { subsidy_value = 1e200 }"),
        ["overrides.subsidy_value", "beyond ±1e+74"],
    ),
    "missing parameter": (
        ("[parameters.instrument_cost]", "[parameters.instrument_costs]"),
        ["parameters.instrument_cost is missing", "parameters.instrument_costs is not a model parameter"],
    ),
}


@pytest.mark.parametrize("case", sorted(BAD_EDITS))
def test_bad_scenarios_are_refused_naming_file_and_field(case: str, tmp_path: Path) -> None:
    (old, new), fragments = BAD_EDITS[case]
    assert old in BASE, f"test edit for {case!r} no longer applies to the shipped file"
    path = _write(tmp_path, BASE.replace(old, new, 1))
    with pytest.raises(ScenarioError) as error:
        load_scenario(path)
    message = str(error.value)
    assert str(path) in message
    for fragment in fragments:
        assert fragment in message, f"{fragment!r} not in:\n{message}"


def test_an_integer_is_still_a_number(tmp_path: Path) -> None:
    """Strictness refuses text for numbers, not TOML's integer spelling of a float (``7`` for ``7.0``)."""
    assert "value = 7.0\n" in BASE
    scenario = load_scenario(_write(tmp_path, BASE.replace("value = 7.0\n", "value = 7\n", 1)))
    assert scenario.value("subsidy_value") == 7.0
    assert isinstance(scenario.value("subsidy_value"), float)


def test_at_the_magnitude_bound_payoff_spans_stay_representable(tmp_path: Path) -> None:
    """Every money value and cost weight at MAX_MAGNITUDE: payoffs, spans and (λ_max · span)² are finite floats,
    as the derivation in games/parameters.py claims."""
    at_bound = BASE.replace("cost_weight = 3.0", f"cost_weight = {MAX_MAGNITUDE:g}")
    money = [name for name, spec in ALL_PARAMETERS.items() if spec.kind == "money"]
    scenario = load_scenario(_write(tmp_path, at_bound)).with_values(**dict.fromkeys(money, MAX_MAGNITUDE))
    small_state, patron = payoff_matrices(scenario)
    for matrix in (small_state, patron):
        span = np.float64(matrix.max()) - np.float64(matrix.min())
        assert np.isfinite(matrix).all()
        assert np.isfinite((1e4 * span) ** 2)


def test_a_sweep_cannot_leave_the_bound(tmp_path: Path) -> None:
    """``with_values`` re-validates: a point beyond the bound is refused, not solved into an overflow."""
    scenario = load_scenario(BELARUS)
    assert scenario.with_values(subsidy_value=MAX_MAGNITUDE).value("subsidy_value") == MAX_MAGNITUDE
    with pytest.raises(ValidationError, match="beyond"):
        scenario.with_values(subsidy_value=1.7e308)


def test_invalid_toml_names_the_line(tmp_path: Path) -> None:
    path = _write(tmp_path, BASE.replace("value = 7.0", "value = = 7.0"))
    with pytest.raises(ScenarioError, match=r"case\.toml: not valid TOML: .*line"):
        load_scenario(path)


def test_missing_file_and_unknown_id() -> None:
    with pytest.raises(ScenarioError, match="cannot read the scenario file"):
        load_scenario("no/such/file.toml")
    with pytest.raises(ScenarioError, match=r"no shipped scenario named 'atlantis'.*belarus-2014"):
        load_scenario("atlantis")


def test_catalogue_is_package_data_not_a_module() -> None:
    """``games.catalogue`` must stay a data folder: a subpackage of that name would shadow ``games.catalogue()``."""
    files = {entry.name: entry for entry in catalogue_files()}
    assert "belarus-2014.toml" in files
    tomllib.loads(files["belarus-2014.toml"].read_text())
    import games

    assert callable(games.catalogue)


def test_a_file_that_is_not_utf8_says_so(tmp_path: Path) -> None:
    path = tmp_path / "latin1.toml"
    path.write_bytes(BASE.encode("utf-16"))
    with pytest.raises(ScenarioError, match="not UTF-8 text"):
        load_scenario(path)
