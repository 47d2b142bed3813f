"""The nashpy engine is loaded only when one of its methods is asked for."""

from __future__ import annotations

import subprocess
import sys


def test_importing_the_package_leaves_nashpy_unimported() -> None:
    """nashpy costs a third of a second to import; only its own methods load it (they are run elsewhere)."""
    probe = "import sys, solver.equilibria; print(sorted(m for m in sys.modules if m.split('.')[0] == 'nashpy'))"
    output = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert output.stdout.strip() == "[]"
