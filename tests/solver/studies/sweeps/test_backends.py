"""Local worker pools die with their driver, however it dies."""

from __future__ import annotations

import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[4]


def _alive(pid: int) -> bool:
    """Whether process ``pid`` runs (a zombie, dead but not yet reaped, counts as gone)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads process states from /proc (Linux)")
def test_workers_and_forkserver_exit_and_release_stdout_when_the_driver_is_killed(tmp_path: Path) -> None:
    """Issue 14: SIGKILL of the driver left the forkserver and its workers alive ~10 minutes, holding stdout."""
    script = (
        "from solver.studies.sweeps.backends import ProcessBackend\n"
        "from tests.solver.studies.sweeps.fakes import report_and_sleep\n"
        f"for _ in ProcessBackend(2).map_unordered(report_and_sleep, [({str(tmp_path)!r}, i) for i in range(4)]):\n"
        "    pass\n"
    )
    driver = subprocess.Popen([sys.executable, "-c", script], cwd=ROOT, stdout=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while len(list(tmp_path.glob("worker-*"))) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    files = list(tmp_path.glob("worker-*"))
    assert len(files) == 2, "the pool should have started two workers"
    workers = [int(path.name.removeprefix("worker-")) for path in files]
    forkservers = {int(path.read_text()) for path in files}
    driver.send_signal(signal.SIGKILL)
    driver.wait()
    deadline = time.monotonic() + 5
    while any(map(_alive, [*workers, *forkservers])) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(map(_alive, workers)), "workers outlived their driver"
    assert not any(map(_alive, forkservers)), "the forkserver outlived the driver"
    assert driver.stdout is not None
    readable, _, _ = select.select([driver.stdout], [], [], 5)
    assert readable
    assert driver.stdout.read() == b"", "standard output should be closed by every process"
