"""The sweep, sensitivity, robustness and plot commands, end to end."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

import solver.studies.phase
import solver.studies.robustness
import solver.studies.sensitivity
import solver.studies.sweeps
from games import load_scenario
from solver.cli import app
from solver.studies.sweeps import read_metadata, read_sweep
from solver.studies.sweeps.tables import read_table
from tests.solver.cli.output import flat

runner = CliRunner()


def test_sweep_writes_a_table_with_its_identity(tmp_path: Path) -> None:
    out = tmp_path / "runs" / "grid.parquet"
    args = ["sweep", "belarus-2014", "--vary", "subsidy_value=0:20:6", "--vary", "red_line_cost=0:50:5"]
    result = runner.invoke(app, [*args, "--out", str(out), "--workers", "1", "--quiet"])
    assert result.exit_code == 0, result.output
    assert "30 points" in result.output
    assert "other:" in result.output
    table = pd.read_parquet(out)
    assert table["point"].nunique() == 30
    assert read_metadata(out)["scenario"] == "belarus-2014"
    again = runner.invoke(app, [*args, "--out", str(out), "--workers", "1", "--quiet"])
    assert "0 chunks computed, 1 reused" in again.output


def test_sampled_sweep(tmp_path: Path) -> None:
    out = tmp_path / "lhs.parquet"
    result = runner.invoke(
        app,
        [
            "sweep",
            "belarus-2014",
            "--vary",
            "red_line_cost",
            "--sample",
            "lhs",
            "--n",
            "20",
            "--out",
            str(out),
            "--workers",
            "1",
            "-q",
        ],
    )
    assert result.exit_code == 0, result.output
    assert read_metadata(out)["spec"]["design"] == "lhs"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--vary", "subsidy=0:20:5"], "unknown parameter 'subsidy'"),
        (["--vary", "subsidy_value=20:0:5"], "is reversed"),
        (["--vary", "subsidy_value=0:twenty:5"], "is not a number"),
        (["--vary", "second_pole_support=0:2:5"], "leaves the parameter's domain"),
        (["--vary", "subsidy_value=0:20:5", "--sample", "halton", "--n", "8"], "unknown --sample 'halton'"),
        (["--vary", "subsidy_value=0:20:5", "--scheduler", "tcp://x:1", "--dask-local", "2"], "not both"),
        (["--vary", "subsidy_value=0:20:5", "--out", "grid.txt"], "parquet or *.csv"),
        (["--vary", "subsidy_value=0:20:5", "--out", ""], "give the output file"),
    ],
)
def test_bad_sweeps_exit_2_with_one_message(tmp_path: Path, args: list[str], message: str) -> None:
    if "--out" not in args:
        args = [*args, "--out", str(tmp_path / "x.parquet")]
    elif args[-1] == "":
        args = args[:-2]
    else:
        args = [*args[:-1], str(tmp_path / args[-1])]
    result = runner.invoke(app, ["sweep", "belarus-2014", *args, "--workers", "1", "-q"])
    assert result.exit_code == 2, result.output
    assert message in flat(result.output)
    assert "Traceback" not in result.output


def test_sensitivity_prints_indices_and_writes_table_and_chart(tmp_path: Path) -> None:
    result = runner.invoke(
        app,
        [
            "sensitivity",
            "belarus-2014",
            "--method",
            "sobol",
            "--n",
            "16",
            "--vary",
            "subsidy_value",
            "--vary",
            "red_line_cost",
            "--output",
            "is_hedging",
            "--out",
            str(tmp_path / "s.csv"),
            "--plot",
            str(tmp_path / "s.png"),
            "--workers",
            "1",
            "-q",
        ],
        env={"COLUMNS": "160"},
    )
    assert result.exit_code == 0, result.output
    assert "Sobol' indices" in result.output
    assert "subsidy_value" in result.output
    indices = pd.read_csv(tmp_path / "s.csv")
    assert list(indices["parameter"]) == ["subsidy_value", "red_line_cost"]
    assert (tmp_path / "s.png").stat().st_size > 1000
    bad = runner.invoke(app, ["sensitivity", "belarus-2014", "--method", "morris"])
    assert bad.exit_code == 2
    assert "unknown --method 'morris'" in bad.output


def test_robustness_and_plots(tmp_path: Path) -> None:
    result = runner.invoke(app, ["robustness", "belarus-2014", "--n", "64", "--workers", "1", "-q"])
    assert result.exit_code == 0, result.output
    assert "verdict other" in " ".join(result.output.split())
    phase = runner.invoke(
        app,
        [
            "plot",
            "phase",
            "belarus-2014",
            "--x",
            "subsidy_value=0:20:6",
            "--y",
            "red_line_cost=0:50:5",
            "--out",
            str(tmp_path / "phase.svg"),
            "--workers",
            "1",
            "-q",
        ],
    )
    assert phase.exit_code == 0, phase.output
    assert (tmp_path / "phase.svg").read_text().startswith("<?xml")
    track = runner.invoke(
        app,
        [
            "plot",
            "track",
            "belarus-2014",
            "--vary",
            "red_line_cost=0:40:41",
            "--out",
            str(tmp_path / "t.png"),
            "--workers",
            "1",
            "-q",
        ],
    )
    assert track.exit_code == 0, track.output
    assert "red_line_cost = 3: equilibrium 1 appears" in track.output
    assert (tmp_path / "t.png").exists()


def test_robustness_of_another_view_from_the_command_line() -> None:
    result = runner.invoke(app, ["robustness", "belarus-2014", "--view", "commitment", "--n", "8"])
    assert result.exit_code == 0, result.output
    assert "Where each label holds" in result.output
    args = ["robustness", "belarus-2014", "--view", "sequential", "--n", "8", "--workers", "1", "-q"]
    tracked = runner.invoke(app, [*args, "--rule", "tracked"])
    assert tracked.exit_code == 0, tracked.output
    refused = runner.invoke(app, [*args, "--rule", "risk-dominant"])
    assert refused.exit_code == 2
    assert "compares two-player equilibria" in refused.output
    ignored = runner.invoke(app, [*args, "--precision", "3"])
    assert ignored.exit_code == 2
    assert "--precision applies to --view qre only, not sequential" in ignored.output
    undeclared = runner.invoke(app, ["robustness", "textbook-deterrence", "--view", "bayesian"])
    assert undeclared.exit_code == 2


def test_robustness_of_a_view_over_chosen_ranges_and_without_overridden_parameters() -> None:
    args = ["robustness", "belarus-2014", "--view", "commitment", "--vary", "red_line_tolerance=0:0.5", "--n", "4"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "over 1 parameters" in " ".join(result.output.split())
    unused = runner.invoke(app, ["robustness", "belarus-2014", "--view", "qre", "--vary", "red_line_tolerance"])
    assert unused.exit_code == 2  # the QRE view never reads the commitment tolerance
    assert "unknown parameter 'red_line_tolerance'" in unused.output


@pytest.mark.parametrize(
    "option",
    [["--dask-local", "0"], ["--dask-local", "-1"], ["--workers", "-1"], ["--workers", "0"], ["--chunk-size", "0"]],
)
def test_numeric_options_are_checked_before_any_work(tmp_path: Path, option: list[str]) -> None:
    out = tmp_path / "grid.parquet"
    result = runner.invoke(app, ["sweep", "belarus-2014", "--vary", "subsidy_value=0:20:3", "--out", str(out), *option])
    assert result.exit_code == 2
    assert "Invalid value" in result.output
    assert "Traceback" not in result.output
    assert not out.exists()


SMALL = ["sweep", "belarus-2014", "--vary", "subsidy_value=0:20:3", "--vary", "red_line_cost=0:50:2", "--workers", "1"]


def test_the_extension_decides_csv_or_parquet_and_both_read_back_identically(tmp_path: Path) -> None:
    csv, parquet = tmp_path / "runs" / "grid.csv", tmp_path / "runs" / "grid.parquet"
    for out in (csv, parquet):
        result = runner.invoke(app, [*SMALL, "--out", str(out), "-q"])
        assert result.exit_code == 0, result.output
    assert csv.read_text().startswith("point,subsidy_value,red_line_cost,equilibrium,")
    sidecar = json.loads((tmp_path / "runs" / "grid.csv.json").read_text())
    assert sidecar["format"] == "csv"
    assert sidecar["metadata"]["scenario_hash"] == load_scenario("belarus-2014").content_hash
    assert sidecar["sha256"] == hashlib.sha256(csv.read_bytes()).hexdigest()
    from_csv, from_parquet = read_sweep(csv), read_sweep(parquet)
    pd.testing.assert_frame_equal(from_csv, from_parquet, check_exact=True)
    assert from_csv.attrs == from_parquet.attrs
    again = runner.invoke(app, [*SMALL, "--out", str(csv), "-q"])
    assert "0 chunks computed, 1 reused" in again.output


def test_a_damaged_output_is_reported_and_redone(tmp_path: Path) -> None:
    out = tmp_path / "grid.csv"
    assert runner.invoke(app, [*SMALL, "--out", str(out), "-q"]).exit_code == 0
    reference = read_sweep(out)
    out.write_text(out.read_text().replace("0.", "1.", 1))
    result = runner.invoke(app, [*SMALL, "--out", str(out), "-q"])
    assert result.exit_code == 0, result.output
    assert "warning:" in result.output
    assert "does not match the checksum" in " ".join(result.output.split())
    assert "1 chunks computed, 0 reused" in result.output
    pd.testing.assert_frame_equal(read_sweep(out), reference, check_exact=True)


def test_sensitivity_indices_as_parquet_with_their_metadata(tmp_path: Path) -> None:
    out = tmp_path / "sobol.parquet"
    args = ["sensitivity", "belarus-2014", "--n", "8", "--vary", "subsidy_value", "--output", "is_hedging"]
    result = runner.invoke(app, [*args, "--out", str(out), "--workers", "1", "-q"])
    assert result.exit_code == 0, result.output
    indices, metadata = read_table(out)
    assert list(indices.columns[:2]) == ["output", "parameter"]
    assert list(indices["parameter"]) == ["subsidy_value"]
    assert metadata["table"] == "sobol indices"
    assert metadata["scenario_hash"] == load_scenario("belarus-2014").content_hash
    settings = {"method": "sobol", "n": 8, "points": 24, "rule": "mean", "seed": 0, "view": "two-player",
                "view_options": {}}  # fmt: skip
    assert metadata["settings"] == {**settings, "parameters": ["subsidy_value"], "outputs": ["is_hedging"]}


def test_robustness_shares_as_csv_with_their_metadata(tmp_path: Path) -> None:
    out = tmp_path / "robust.csv"
    result = runner.invoke(app, ["robustness", "belarus-2014", "--n", "64", "--workers", "1", "-q", "--out", str(out)])
    assert result.exit_code == 0, result.output
    shares, metadata = read_table(out)
    assert shares.columns[0] == "label"
    assert shares["verdict"].dtype == bool
    assert shares.loc[shares["verdict"], "label"].tolist() == ["other"]
    assert metadata["table"] == "robustness shares"
    assert metadata["settings"]["points"] == 64
    assert metadata["settings"]["verdict"] == ["other"]


@pytest.mark.parametrize(
    ("command", "option", "where", "message"),
    [
        ("sweep", "--out", "folder", "is a folder"),
        ("sweep", "--out", "file/grid.parquet", "cannot write"),
        ("sweep", "--out", "grid.xlsx", "name the output *.parquet or *.csv"),
        ("sensitivity", "--out", "folder", "is a folder"),
        ("sensitivity", "--out", "indices.txt", "*.parquet or *.csv"),
        ("sensitivity", "--runs", "file/runs.parquet", "cannot write"),
        ("sensitivity", "--plot", "chart.docx", "the suffix picks the format; name the output *.eps or"),
        ("plot phase", "--out", "file/phase.png", "cannot write"),
        ("robustness", "--out", "shares.json", "*.parquet or *.csv"),
    ],
)
def test_output_paths_are_checked_before_any_work(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str, option: str, where: str, message: str
) -> None:
    def no_work(*args: object, **kwargs: object) -> None:
        raise AssertionError("work started before the output path was checked")

    work = {
        solver.studies.sweeps: "run_sweep",  # where the commands import the work from when they run
        solver.studies.sensitivity: "sobol_analysis",
        solver.studies.phase: "phase_diagram",
        solver.studies.robustness: "robustness",
    }
    for module, name in work.items():
        monkeypatch.setattr(module, name, no_work)
    (tmp_path / "folder").mkdir()
    (tmp_path / "file").write_text("in the way")
    rest = {
        "sweep": ["--vary", "subsidy_value=0:20:3"],
        "sensitivity": ["--vary", "subsidy_value", "--n", "8"],
        "plot phase": ["--x", "subsidy_value=0:20:3", "--y", "red_line_cost=0:50:3"],
        "robustness": ["--n", "8"],
    }[command]
    result = runner.invoke(app, [*command.split(), "belarus-2014", *rest, option, str(tmp_path / where)])
    assert result.exit_code == 2, result.output
    assert message in flat(result.output)
    assert "Traceback" not in result.output
