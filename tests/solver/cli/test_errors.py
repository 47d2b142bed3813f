"""The command line's error path, tried as a hostile user would (issue 14).

Every case is a user error: it must exit with status 2, print no traceback, name the field or option and the
fix, print the user's own text literally (no markup interpretation of brackets), and be refused before any
work starts: the functions that do the work are replaced by ones that fail the test if they are called.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

import solver.analysis
import solver.fit
import solver.studies.robustness
import solver.studies.sensitivity
import solver.studies.sweeps
import solver.studies.sweeps.run
from solver.cli import app
from solver.views import REGISTRY
from tests.solver.cli.output import flat

runner = CliRunner()
BELARUS = Path(__file__).resolve().parents[3] / "games" / "catalogue" / "belarus-2014.toml"
BASE = BELARUS.read_text(encoding="utf-8")
NFG = 'NFG 1 R "x" { "1" "2" } { 2 1 }\n\n1 0 0 1\n'
SWEEP = ["sweep", "belarus-2014", "--vary", "subsidy_value=5:9:3", "-q"]
SENSITIVITY = ["sensitivity", "belarus-2014", "--n", "8", "--vary", "subsidy_value", "-q"]
ROBUSTNESS = ["robustness", "belarus-2014", "--n", "8", "--vary", "subsidy_value", "-q"]
PHASE = ["plot", "phase", "belarus-2014", "--x", "subsidy_value=5:9:3", "--y", "red_line_cost=1:3:3", "-q"]
TRACK = ["plot", "track", "belarus-2014", "--vary", "red_line_cost=1:3:3", "-q"]
#: Where each command starts its work (after validating its specification), in the modules the commands import
#: it from when they run; replaced in every test, with every view's ``solve``, so that a refusal must come before.
WORK = {
    solver.analysis: ("analyse",),
    importlib.import_module("solver.equilibria"): ("equilibria",),  # the package, not its function
    solver.fit: ("fit_case",),
    solver.studies.sweeps: ("run_sweep",),
    solver.studies.sweeps.run: ("run_sweep",),
    solver.studies.sensitivity: ("sweep_frame",),
}


@pytest.fixture(autouse=True)
def _no_work(monkeypatch: pytest.MonkeyPatch) -> None:
    def started(*_: object, **__: object) -> None:
        raise AssertionError("the command started its work before refusing the input")

    for module, names in WORK.items():
        for name in names:
            monkeypatch.setattr(module, name, started)
    for view in REGISTRY.values():
        monkeypatch.setattr(view, "solve", started)


def _refused(args: list[str], *fragments: str) -> str:
    """Run ``hedge ARGS``; assert exit 2, no traceback, and each fragment in the output (box and wrapping removed)."""
    result = runner.invoke(app, args, env={"COLUMNS": "100"})
    text = flat(result.output)
    assert result.exit_code == 2, f"{args}: exit {result.exit_code}, {result.exception!r}\n{result.output}"
    assert isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output
    for fragment in fragments:
        assert fragment in text, f"{fragment!r} not in:\n{text}"
    return text


def _scenario(tmp_path: Path, text: str, name: str = "case.toml") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def _one_patron_type(text: str) -> str:
    head, tail = text.split('[[patron_types]]\nid = "aggressive"')
    return head + tail[tail.index("[[second_pole_responses]]") :]


@pytest.mark.parametrize(
    ("edit", "fragments"),
    [
        (_one_patron_type, ['lists "bayesian" but fewer than two [[patron_types]] are declared']),
        (
            lambda text: text.replace("[parameters.red_line_cost]", "[parameters.red_line_costs]"),
            ["parameters.red_line_cost is missing; add a [parameters.red_line_cost] table"],
        ),
        (
            lambda text: text.replace("range = [5.5, 9.6]", "range = [9.6, 5.5]"),
            ["range [9.6, 5.5] is reversed; write it as [low, high]"],
        ),
        (
            lambda text: text.replace("year = 2014", 'year = "[/x] 2014"'),
            ["scenario.year: expected an integer", 'got the text "[/x] 2014"'],
        ),
    ],
)
def test_brackets_in_scenario_messages_print_literally(
    edit: Callable[[str], str], fragments: list[str], tmp_path: Path
) -> None:
    path = _scenario(tmp_path, edit(BASE))
    _refused(["solve", path], path, *fragments)


def test_a_label_with_closing_markup_in_an_error_prints_literally(tmp_path: Path) -> None:
    path = _scenario(tmp_path, BASE.replace('id = "belarus-2014"', 'id = "brackets"'))
    _refused(["explain", path, "[/x] [bold]nope", "1"], "unknown instrument '[/x] [bold]nope'")
    _refused(["solve", "belarus-2014", "--view", "[/x]"], "unknown --view '[/x]'")


@pytest.mark.parametrize("encoding", ["utf-16", "latin-1"])
@pytest.mark.parametrize(("suffix", "text"), [(".toml", BASE), (".nfg", NFG.replace('"x"', '"Bélarus"'))])
def test_files_that_are_not_utf8_say_so(encoding: str, suffix: str, text: str, tmp_path: Path) -> None:
    path = tmp_path / f"case{suffix}"
    path.write_bytes(text.replace("Belarus", "Bélarus").encode(encoding))
    _refused(["solve", str(path)], str(path), "not UTF-8 text", "save the file as UTF-8")


@pytest.mark.parametrize("command", [SWEEP, SENSITIVITY, ROBUSTNESS, PHASE, TRACK])
@pytest.mark.parametrize("workers", ["-1", "0"])
def test_a_worker_count_below_one_is_refused(command: list[str], workers: str, tmp_path: Path) -> None:
    out = ["--out", str(tmp_path / "s.parquet")] if command is SWEEP else []
    _refused([*command, *out, "--workers", workers], "Invalid value for '--workers'", "greater than or equal to 1")


@pytest.mark.parametrize("command", [SWEEP, SENSITIVITY, ROBUSTNESS])
@pytest.mark.parametrize("size", ["0", "-1"])
def test_a_local_dask_cluster_of_no_workers_is_refused(command: list[str], size: str, tmp_path: Path) -> None:
    out = ["--out", str(tmp_path / "s.parquet")] if command is SWEEP else []
    _refused([*command, *out, "--dask-local", size], "Invalid value for '--dask-local'", "greater than or equal to 1")


def test_a_chunk_size_below_one_is_refused(tmp_path: Path) -> None:
    _refused([*SWEEP, "--out", str(tmp_path / "s.parquet"), "--chunk-size", "0"], "Invalid value for '--chunk-size'")


@pytest.mark.parametrize("command", [SWEEP, SENSITIVITY, ROBUSTNESS])
@pytest.mark.parametrize("address", ["bogus://x y", "localhost:8786", "tcp://", "tcp://host:port", "tcp://[/x]"])
def test_a_malformed_scheduler_address_is_refused(command: list[str], address: str, tmp_path: Path) -> None:
    out = ["--out", str(tmp_path / "s.parquet")] if command is SWEEP else []
    _refused(
        [*command, *out, "--scheduler", address],
        "Invalid value for '--scheduler'",
        repr(address),
        "SCHEME://HOST:PORT",
        "tcp://127.0.0.1:8786",
    )


def test_an_unknown_sensitivity_output_is_refused_before_the_sweep() -> None:
    _refused([*SENSITIVITY, "--output", "bogus", "--workers", "1"], "unknown output(s) 'bogus'", "mean_alignment")


@pytest.mark.parametrize("precision", ["-5", "nan", "1e6", "inf", "-inf"])
def test_a_precision_outside_its_range_is_refused(precision: str) -> None:
    _refused(["solve", "belarus-2014", "--view", "qre", "--precision", precision], "'--precision'", "[0, 10000]")


@pytest.mark.parametrize(
    ("args", "fragments"),
    [
        (["--precision", "3"], ["--precision applies to --view qre only, not two-player", "add --view qre"]),
        (["--view", "commitment", "--precision", "3"], ["--precision applies to --view qre only, not commitment"]),
        (["--view", "qre", "--tie-breaking", "weak"], ["--tie-breaking applies to the commitment views only"]),
        (["--tie-breaking", "strong"], ["--tie-breaking applies", "not two-player", "add --view commitment"]),
        (["--view", "commitment", "--tie-breaking", "[/x]"], ["unknown --tie-breaking '[/x]'", "strong, weak"]),
    ],
)
def test_options_a_view_does_not_use_are_refused(args: list[str], fragments: list[str]) -> None:
    _refused(["solve", "belarus-2014", *args], *fragments)


def test_a_view_of_a_game_file_is_refused(tmp_path: Path) -> None:
    game = tmp_path / "game.nfg"
    game.write_text(NFG, encoding="utf-8")
    _refused(["solve", str(game), "--view", "qre"], "solved as a plain two-player game; drop --view qre")


def _writers(tmp_path: Path) -> list[tuple[list[str], str, str]]:
    """(command, output option, a good file name for it) for every command that writes a file."""
    return [
        (["export", "belarus-2014"], "--out", "game.nfg"),
        (SWEEP, "--out", "sweep.parquet"),
        (SENSITIVITY, "--out", "indices.csv"),
        (SENSITIVITY, "--runs", "runs.parquet"),
        (SENSITIVITY, "--plot", "sobol.png"),
        (PHASE, "--out", "phase.png"),
        (TRACK, "--out", "track.svg"),
    ]


@pytest.mark.parametrize("index", range(7))
def test_output_paths_are_checked_before_any_work(index: int, tmp_path: Path) -> None:
    command, option, name = _writers(tmp_path)[index]
    folder = tmp_path / "[bold] out"
    folder.mkdir()
    a_file = tmp_path / "plain.txt"
    a_file.write_text("x")
    _refused([*command, option, str(folder)], f"Invalid value for '{option}'", f"{folder} is a folder")
    _refused([*command, option, str(a_file / name)], f"{a_file} is a file, not a folder")
    _refused([*command, option, f"/proc/hedge-test/{name}"], "cannot write in /proc", "choose another location")
    if command[0] != "export":
        _refused([*command, option, str(folder / "result.bogus")], "the suffix picks the format", Path(name).suffix)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["[bold] out", "plain.txt"]
    assert list(folder.iterdir()) == []


@pytest.mark.parametrize("view", ["two-player", "qre"])
def test_a_sample_size_of_zero_is_refused_not_replaced_by_the_default(view: str) -> None:
    """``--n 0`` used to read as "not given" (``n or 4096``) and ran the default sample."""
    _refused([*ROBUSTNESS, "--n", "0", "--view", view], "positive sample size (--n), got 0")


@pytest.mark.parametrize("command", [SWEEP, TRACK])
def test_a_sweep_beyond_the_magnitude_bound_is_refused(command: list[str], tmp_path: Path) -> None:
    out = ["--out", str(tmp_path / "s.parquet")] if command is SWEEP else []
    vary = "--vary", "red_line_cost=0:1.7e308:3"
    _refused([*command[: command.index("--vary")], *vary, "-q", *out], "leaves the parameter's domain [0, 1e+74]")


def test_a_game_too_large_for_lex_pivoting_is_solved_by_a_method_that_handles_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """64 instruments exceed lex-pivoting's m + n ≤ 62: ``auto`` falls back to basis enumeration, no traceback."""
    block = BASE[BASE.index("[[instruments]]") : BASE.index("[[responses]]")].split("[[instruments]]")[1]
    copies = "".join(
        "[[instruments]]" + block.replace('id = "full-bandwagoning"', f'id = "copy-{k}"', 1) for k in range(56)
    )
    responses = BASE.index("[[responses]]")
    path = _scenario(tmp_path, BASE[:responses] + copies + BASE[responses:])
    monkeypatch.undo()  # this failure is in the work: let it run
    result = runner.invoke(app, ["solve", path], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    assert "lex-pivoting handles games" not in result.output
    assert re.search(r"\d+ extreme equilibri(um|a) in \d+ component", result.output)


@pytest.mark.parametrize("command", [SENSITIVITY, ROBUSTNESS])
def test_a_rule_the_view_cannot_take_is_refused_before_the_sweep(command: list[str]) -> None:
    _refused([*command, "--view", "sequential", "--rule", "risk-dominant"], "risk-dominant rule compares two-player")
