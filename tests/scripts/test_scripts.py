"""The example sensitivity-analysis scripts run, at tiny sizes, and write what they promise."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from solver.portfolio import LABELS

SCRIPTS = Path(__file__).resolve().parents[2] / "scripts"


def _run(script: str, *args: str) -> str:
    result = subprocess.run(
        [sys.executable, str(SCRIPTS / script), *args], capture_output=True, text=True, timeout=300, check=False
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_phase_diagram_script_draws_both_figures(tmp_path: Path) -> None:
    out = tmp_path / "phase.png"
    output = _run("belarus_phase_diagram.py", "--resolution", "7", "--out", str(out), "--workers", "1")
    shares = dict(line.split() for line in output.splitlines()[1:] if line.split()[:1] and line.split()[0] in LABELS)
    assert sum(float(share) for share in shares.values()) == pytest.approx(1.0, abs=1e-3)  # a phase for every cell
    assert out.stat().st_size > 1000
    assert (tmp_path / "phase-track.png").stat().st_size > 1000


def test_sobol_rules_script_writes_one_table_per_rule(tmp_path: Path) -> None:
    output = _run("belarus_sobol_rules.py", "--n", "8", "--out", str(tmp_path), "--workers", "1")
    assert "total Sobol' index of the hedging indicator" in output
    assert len(list(tmp_path.glob("indices-*.csv"))) == 4


def test_grant_equivalent_script_reproduces_the_belarus_credit_channel() -> None:
    output = _run("grant_equivalents.py")
    assert "credit channel at grant equivalent, d= 7.6%: 0.247 bn USD/yr" in output
