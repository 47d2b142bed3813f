"""What importing the packages and starting the command line costs: the heavy libraries stay out (issue 13).

Each check runs in a fresh interpreter, since what one test imports stays imported for the next. The packages
export their public names lazily (:mod:`games.lazy`); the tests hold every exported name to the module that the
package declares for type checkers, and the command line to the libraries its commands use.
"""

from __future__ import annotations

import ast
import importlib
import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from games.lazy import lazy_exports

ROOT = Path(__file__).resolve().parents[1]
#: The packages whose public names are imported on first use.
LAZY_PACKAGES = ("games", "solver", "solver.views", "solver.studies.sweeps")
#: Libraries (and modules of ours) that reading the command line must not import: none of its options needs them.
NOT_AT_START = (
    "matplotlib",
    "pandas",
    "pyarrow",
    "scipy",
    "dask",
    "distributed",
    "nashpy",
    "numba",
    "SALib",
    "solver.equilibria",
    "solver.analysis",
    "solver.reporting",
    "solver.plots",
    "solver.studies.sweeps.run",
)
#: Libraries (and modules of ours) that `hedge solve SCENARIO` does not use, so must not import.
NOT_IN_SOLVE = (
    "matplotlib",
    "pandas",
    "pyarrow",
    "nashpy",
    "scipy.stats",
    "dask",
    "distributed",
    "SALib",
    "solver.reporting",
    "solver.plots",
    "solver.studies.sensitivity",
    "solver.studies.robustness",
    "solver.studies.sweeps.run",
    "solver.studies.sweeps.sampling",
)


def _imported_after(code: str) -> set[str]:
    """The modules a fresh interpreter holds after running ``code`` (its standard output is discarded)."""
    start = "import io, json, sys\nout, sys.stdout = sys.stdout, io.StringIO()"
    script = f"{start}\n{code}\nout.write(json.dumps([*sys.modules]))"
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, check=True)
    return set(json.loads(done.stdout))


def _loaded(modules: set[str], names: tuple[str, ...]) -> list[str]:
    return [name for name in names if any(m == name or m.startswith(f"{name}.") for m in modules)]


def test_reading_the_command_line_imports_no_heavy_library() -> None:
    modules = _imported_after("import solver.cli.app")
    assert "solver.cli.cases" in modules  # the commands are registered
    assert _loaded(modules, NOT_AT_START) == []


def _command(*args: str, expect: str) -> str:
    """Code that runs ``hedge ARGS`` in-process and checks that it succeeded and printed ``expect``."""
    return (
        f"from solver.cli import main\nsys.argv = ['hedge', *{list(args)!r}]\n"
        "try:\n    main()\nexcept SystemExit as exit:\n    assert not exit.code, exit.code\n"
        f"assert {expect!r} in sys.stdout.getvalue()"
    )


@pytest.mark.parametrize(
    ("args", "expect"),
    [
        (("--help",), "Commands"),
        (("solve", "--help"), "--method"),
        (("scenarios",), "belarus-2014"),
        (("explain", "belarus-2014", "0", "0"), "total"),
        (("export", "belarus-2014"), "NFG"),
    ],
)
def test_commands_that_solve_nothing_import_no_solver(args: tuple[str, ...], expect: str) -> None:
    assert _loaded(_imported_after(_command(*args, expect=expect)), NOT_AT_START) == []


def test_solve_imports_only_what_it_uses() -> None:
    modules = _imported_after(_command("solve", "belarus-2014", expect="extreme equilibrium"))
    assert {"solver.analysis", "solver.structure", "solver.fit"} <= modules  # it did solve
    assert _loaded(modules, NOT_IN_SOLVE) == []


def test_importing_a_package_imports_none_of_its_modules() -> None:
    modules = _imported_after("import games, solver, solver.views, solver.studies.sweeps")
    assert _loaded(modules, ("games.game", "solver.analysis", "solver.views.registry", "pandas", "scipy")) == []


def _declared(package: str) -> dict[str, str]:
    """Exported name → module, as the package's ``if TYPE_CHECKING:`` imports declare it."""
    module = importlib.import_module(package)
    assert module.__file__ is not None
    tree = ast.parse(Path(module.__file__).read_text(encoding="utf-8"))
    block = next(node for node in tree.body if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING")
    return {
        alias.name: statement.module
        for statement in block.body
        if isinstance(statement, ast.ImportFrom) and statement.module is not None
        for alias in statement.names
    }


@pytest.mark.parametrize("package", LAZY_PACKAGES)
def test_every_exported_name_is_the_one_its_module_defines(package: str) -> None:
    module = importlib.import_module(package)
    declared = _declared(package)
    assert sorted(declared) == sorted(module.__all__)
    for name, source in declared.items():
        assert getattr(module, name) is getattr(importlib.import_module(source), name), name
    assert set(module.__all__) <= set(dir(module))


@pytest.mark.parametrize("package", LAZY_PACKAGES)
def test_an_unknown_name_is_an_attribute_error(package: str) -> None:
    module = importlib.import_module(package)
    with pytest.raises(AttributeError, match=f"module '{package}' has no attribute 'no_such_name'"):
        _ = module.no_such_name


def test_an_exported_function_wins_over_the_subpackage_of_its_name() -> None:
    """``solver.equilibria`` is a package and, as exported, the function: the function, whichever comes first."""
    for first in ("import solver.equilibria.core", "from solver import equilibria"):
        code = f"{first}\nimport solver.equilibria\nfrom solver import equilibria\nprint(callable(equilibria))"
        script = f"{code}\nimport solver\nprint(callable(solver.equilibria))"
        done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, check=True)
        assert done.stdout.split() == ["True", "True"], first


def test_a_name_exported_from_two_modules_is_refused() -> None:
    with pytest.raises(ValueError, match="exported from two modules"):
        lazy_exports(__name__, {"games.game": ("build_game",), "games.loading": ("build_game",)})


def test_the_command_lines_methods_are_the_solvers() -> None:
    """The command line lists the methods without importing the solvers; they must be the solvers' own list."""
    from solver.cli.cases import METHODS

    equilibria: ModuleType = importlib.import_module("solver.equilibria")
    assert equilibria.METHODS == METHODS
