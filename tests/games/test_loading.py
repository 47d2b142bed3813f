"""Scenario files: the catalogue loads, and every kind of bad input gets one clear message."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from games import ScenarioError, catalogue, load_scenario
from games.loading import catalogue_files

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
