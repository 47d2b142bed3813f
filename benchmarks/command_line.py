"""The command line (issue 13, table 4): ``hedge solve belarus-2014`` warm, and the import of ``solver.cli``.

Each is a fresh subprocess, as a user's shell starts it (the ``hedge`` script next to this interpreter, else
``python -c`` calling the same ``solver.cli.main``), timed by the rule of :mod:`benchmarks.timing`: one untimed
run first (numba's cache and the file system's warm), then interleaved best of three. The import time is the
wall time of ``python -c "import solver.cli"`` less that of a bare ``python -c pass`` in the same rounds, so
that interpreter start-up is not counted twice. ``PYTHONDONTWRITEBYTECODE`` is dropped from the commands'
environment (this project's machines set it): with it, every run recompiles the package's sources (about
0.35 s), which a user's installed package does not.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

from benchmarks.tables import Row
from benchmarks.targets import at_most
from benchmarks.timing import Contestant, interleaved_best

#: Issue 13's target for ``hedge solve belarus-2014`` on a warm machine, in seconds.
TARGET_SECONDS = 0.5
SOLVE = "hedge solve belarus-2014"
IMPORT = 'python -c "import solver.cli"'
BARE = "python -c pass"


def hedge_command() -> list[str]:
    """How to start ``hedge``: its script next to this interpreter, or the same entry point through ``-c``."""
    script = Path(sys.executable).with_name("hedge")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "import sys; from solver.cli import main; sys.exit(main())"]


def _command(name: str, argv: Sequence[str]) -> Contestant[int]:
    environment = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}

    def run(times: int) -> int:
        for _ in range(times):
            subprocess.run(argv, check=True, capture_output=True, env=environment)
        return times

    return Contestant(name, run, 1, per_item=False)


def command_rows() -> list[Row]:
    """Wall seconds of each command (best round) and the target column for ``hedge solve``."""
    timings = interleaved_best(
        [
            _command(SOLVE, [*hedge_command(), "solve", "belarus-2014"]),
            _command(IMPORT, [sys.executable, "-c", "import solver.cli"]),
            _command(BARE, [sys.executable, "-c", "pass"]),
        ],
        budget=0.0,
    )
    seconds = {timing.name: timing.seconds for timing in timings}
    import_seconds = seconds[IMPORT] - seconds[BARE]
    return [
        {"command": SOLVE, "wall s (warm)": seconds[SOLVE], f"target < {TARGET_SECONDS:g} s": at_most(
            seconds[SOLVE], TARGET_SECONDS)},
        {"command": "import solver.cli (less interpreter start-up)", "wall s (warm)": import_seconds,
         f"target < {TARGET_SECONDS:g} s": "(part of the above)"},
        {"command": BARE, "wall s (warm)": seconds[BARE], f"target < {TARGET_SECONDS:g} s": ""},
    ]  # fmt: skip
