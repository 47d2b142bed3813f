"""The ``hedge`` command line, end to end."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from games import build_game, catalogue, load_scenario
from solver import equilibria
from solver.cli import app
from solver.fit import fit_view
from solver.views import solve_view

runner = CliRunner()
BELARUS = Path(__file__).resolve().parents[3] / "games" / "catalogue" / "belarus-2014.toml"


def test_solve_prints_matrices_equilibria_and_readings() -> None:
    result = runner.invoke(app, ["solve", "belarus-2014"], env={"COLUMNS": "160"})
    assert result.exit_code == 0, result.output
    game = build_game(load_scenario("belarus-2014"))
    for label in (*game.row_labels, *game.col_labels):
        assert label in result.output
    for words in ("Filter One", "Filter Two", "Filter Three", "label:", "dependence reduction", "herfindahl"):
        assert words in result.output
    assert f"{len(equilibria(game))} extreme equilibri" in result.output


def test_solve_json_is_one_complete_document() -> None:
    result = runner.invoke(app, ["solve", "belarus-2014", "--json"])
    assert result.exit_code == 0, result.output
    document = json.loads(result.output)
    scenario = load_scenario("belarus-2014")
    assert document["scenario"]["id"] == "belarus-2014"
    assert document["scenario"]["hash"] == scenario.content_hash
    assert document["package_version"]
    game = build_game(scenario)
    assert np.allclose(document["payoffs"]["small_state"], game.row_payoffs)
    assert [r["label"] for r in document["responses"]] == list(game.col_labels)
    solved = equilibria(game)
    assert len(document["equilibria"]) == len(solved)
    for entry, eq in zip(document["equilibria"], solved, strict=True):
        assert np.allclose(entry["small_state"], eq.row)
        reading = entry["reading"]
        assert {f["name"] for f in reading["filters"]} == {"Filter One", "Filter Two", "Filter Three"}
        assert reading["label"] in {"bandwagoning", "balancing", "hedging", "other"}


def test_solve_a_users_own_file(tmp_path: Path) -> None:
    own = tmp_path / "my-case.toml"
    own.write_text(BELARUS.read_text().replace('id = "belarus-2014"', 'id = "my-case"'))
    result = runner.invoke(app, ["solve", str(own), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["scenario"]["id"] == "my-case"


def test_solve_with_nashpy_says_it_may_be_incomplete() -> None:
    result = runner.invoke(app, ["solve", "belarus-2014", "--method", "nashpy-vertex"], env={"COLUMNS": "160"})
    assert result.exit_code == 0, result.output
    assert "may be incomplete" in result.output


def test_scenarios_lists_the_catalogue() -> None:
    result = runner.invoke(app, ["scenarios"], env={"COLUMNS": "160"})
    assert result.exit_code == 0
    assert "belarus-2014" in result.output
    assert "Belarus" in result.output


@pytest.mark.parametrize("width", ["80", "60"])
def test_the_catalogue_never_truncates_an_id(width: str) -> None:
    result = runner.invoke(app, ["scenarios"], env={"COLUMNS": width})
    assert result.exit_code == 0
    for scenario_id in catalogue():
        assert scenario_id in result.output, scenario_id


def test_the_catalogue_as_json() -> None:
    listed = json.loads(runner.invoke(app, ["scenarios", "--json"]).output)
    assert [entry["id"] for entry in listed] == list(catalogue())
    assert {entry["id"]: entry["observed"] for entry in listed}["belarus-2014"] is True


def test_explain_terms_sum_to_the_cell() -> None:
    result = runner.invoke(app, ["explain", "belarus-2014", "economic-diversification", "squeeze", "--json"])
    assert result.exit_code == 0, result.output
    cell = json.loads(result.output)
    small_state = sum(t["value"] for t in cell["terms"] if t["player"] == "small_state")
    assert np.isclose(small_state, cell["small_state"])
    table = runner.invoke(app, ["explain", "belarus-2014", "3", "1"], env={"COLUMNS": "160"})
    assert "diversification cushion" in table.output
    assert "total" in table.output


def test_user_errors_exit_2_with_one_message(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(BELARUS.read_text().replace("value = 7.0", "value = nan"))
    for args, fragment in (
        (["solve", str(bad)], "parameters.subsidy_value.value"),
        (["solve", "atlantis"], "no shipped scenario named 'atlantis'"),
        (["solve", "belarus-2014", "--method", "magic"], "unknown --method"),
        (["explain", "belarus-2014", "alliance", "coerce"], "unknown instrument 'alliance'"),
    ):
        result = runner.invoke(app, args)
        assert result.exit_code == 2, args
        assert fragment in result.output
        assert "Traceback" not in result.output


def test_installed_entry_point_has_no_traceback(tmp_path: Path) -> None:
    missing = tmp_path / "missing.toml"
    completed = subprocess.run(
        [sys.executable, "-c", "from solver.cli import main; main()", "solve", str(missing)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 2
    assert "cannot read the scenario file" in completed.stderr
    assert "Traceback" not in completed.stderr


def test_solve_each_view_from_the_command_line() -> None:
    for view in ("sequential", "bayesian", "qre", "three-player"):
        result = runner.invoke(app, ["solve", "belarus-2014", "--view", view, "--json"])
        assert result.exit_code == 0, result.output
        document = json.loads(result.output)
        assert document["view"] == view
        assert document["solutions"]
        assert all(
            s["reading"]["label"] in {"bandwagoning", "balancing", "hedging", "other"} for s in document["solutions"]
        )
    table = runner.invoke(app, ["solve", "belarus-2014", "--view", "sequential"], env={"COLUMNS": "160"})
    assert "enforcing pays at least as well" in table.output


def test_views_a_scenario_does_not_declare_are_refused() -> None:
    result = runner.invoke(app, ["solve", "textbook-deterrence", "--view", "bayesian"])
    assert result.exit_code == 2
    assert "does not support the bayesian view" in result.output
    result = runner.invoke(app, ["solve", "belarus-2014", "--view", "quantum"])
    assert result.exit_code == 2
    assert "unknown --view 'quantum'" in result.output


def test_export_then_solve_the_nfg_gives_the_same_equilibria(tmp_path: Path) -> None:
    path = tmp_path / "belarus.nfg"
    assert runner.invoke(app, ["export", "belarus-2014", "--out", str(path)]).exit_code == 0
    solved = runner.invoke(app, ["solve", str(path), "--json"])
    assert solved.exit_code == 0, solved.output
    document = json.loads(solved.output)
    assert document["players"] == ["Belarus", "Russia"]
    expected = equilibria(build_game(load_scenario("belarus-2014")))
    assert len(document["equilibria"]) == len(expected)


def test_export_other_formats_and_views() -> None:
    efg = runner.invoke(app, ["export", "belarus-2014", "--format", "efg"])
    assert efg.output.startswith("EFG 2 R")
    three = runner.invoke(app, ["export", "belarus-2014", "--view", "three-player"])
    assert '{ "Belarus" "Russia" "European Union" }' in three.output
    bad = runner.invoke(app, ["export", "belarus-2014", "--format", "pdf"])
    assert bad.exit_code == 2


def test_bad_nfg_files_exit_2(tmp_path: Path) -> None:
    broken = tmp_path / "broken.nfg"
    broken.write_text('NFG 1 R "x" { "1" "2" } { 2 2 }\n\n1 2 3')
    result = runner.invoke(app, ["solve", str(broken)])
    assert result.exit_code == 2
    assert "broken.nfg" in result.output
    three = tmp_path / "three.nfg"
    three.write_text(runner.invoke(app, ["export", "belarus-2014", "--view", "three-player"]).output)
    result = runner.invoke(app, ["solve", str(three)])
    assert result.exit_code == 2
    assert "only two-player" in result.output


def test_fit_prints_the_observed_against_each_view_and_json() -> None:
    result = runner.invoke(app, ["fit", "belarus-2014"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "Observed profile against each view" in result.output
    for view in load_scenario("belarus-2014").scenario.views:
        assert f"{view}: observed profile" in result.output
    document = json.loads(runner.invoke(app, ["fit", "belarus-2014", "--json", "--view", "sequential"]).output)
    assert [v["view"] for v in document["views"]] == ["sequential"]
    assert document["observed"]["years"] == 4


def test_fit_without_an_observed_profile_exits_2_naming_the_block() -> None:
    result = runner.invoke(app, ["fit", "neorealist-baseline"])
    assert result.exit_code == 2
    assert "no [observed] profile" in result.output


def test_solve_says_how_the_reading_compares_with_what_happened() -> None:
    result = runner.invoke(app, ["solve", "belarus-2014"], env={"COLUMNS": "400"})
    assert "observed vs model — two-player: observed profile" in result.output
    assert "never chosen anywhere in the plausible box" in result.output
    document = json.loads(runner.invoke(app, ["solve", "belarus-2014", "--json"]).output)
    assert document["observed_fit"]["observed_is_solution"] is False  # recorded: no view reproduces Belarus
    assert {f["strategy"] for f in document["never_chosen"]} >= {"Full bandwagoning"}


def test_solve_the_commitment_view_with_either_tie_breaking_rule() -> None:
    for rule in ("strong", "weak"):
        result = runner.invoke(app, ["solve", "belarus-2014", "--view", "commitment", "--tie-breaking", rule])
        assert result.exit_code == 0, result.output
        assert f"{rule} Stackelberg" in result.output
    document = json.loads(runner.invoke(app, ["solve", "belarus-2014", "--view", "commitment", "--json"]).output)
    assert document["view"] == "commitment"
    (solution,) = document["solutions"]
    assert sum(solution["small_state"]) == pytest.approx(1.0)
    bad = runner.invoke(app, ["solve", "belarus-2014", "--view", "commitment", "--tie-breaking", "optimistic"])
    assert bad.exit_code == 2


def test_solve_reports_the_fit_of_the_solution_it_shows() -> None:
    args = ["solve", "belarus-2014", "--view", "qre", "--precision", "5", "--json"]
    document = json.loads(runner.invoke(app, args).output)
    case = load_scenario("belarus-2014")
    shown = fit_view(case, "qre", result=solve_view(case, "qre", precision=5.0))
    default = fit_view(case, "qre")
    assert document["observed_fit"]["distance"] == pytest.approx(shown.nearest.distance)
    assert shown.nearest.distance != pytest.approx(default.nearest.distance)


@pytest.mark.parametrize("precision", ["-5", "nan", "1e6"])
def test_a_precision_outside_its_range_is_refused(precision: str) -> None:
    result = runner.invoke(app, ["solve", "belarus-2014", "--view", "qre", "--precision", precision])
    assert result.exit_code == 2
    assert "Invalid value for '--precision'" in result.output


def test_a_hostile_payoff_in_a_game_file_is_refused_at_once(tmp_path: Path) -> None:
    path = tmp_path / "bad.nfg"
    path.write_text('NFG 1 R "x" { "1" "2" } { 1 1 }\n\n1e99999999 0\n')
    result = runner.invoke(app, ["solve", str(path)])
    assert result.exit_code == 2
    assert "is not a number" in result.output


def test_user_text_with_brackets_prints_as_written(tmp_path: Path) -> None:
    text = (
        BELARUS.read_text()
        .replace('title = "Belarus\'s Russia policy during the Ukraine crisis"', 'title = "Belarus [/x] policy [bold]"')
        .replace('label = "Enmeshment (Union State, EEU, CSTO)"', 'label = "Enmeshment [/x] [red]"')
    )
    path = tmp_path / "brackets.toml"
    path.write_text(text)
    for args in (["solve", str(path)], ["solve", str(path), "--view", "commitment"], ["fit", str(path)]):
        result = runner.invoke(app, args, env={"COLUMNS": "200"})
        assert result.exit_code == 0, result.output
        assert "Belarus [/x] policy [bold]" in result.output
    assert "Enmeshment [/x] [red]" in runner.invoke(app, ["solve", str(path)], env={"COLUMNS": "200"}).output
