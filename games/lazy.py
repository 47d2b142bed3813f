"""Lazy package exports (PEP 562): a package's public names, each imported from its module on first use.

A package ``__init__`` that imports every public name makes ``import package`` pay for the dependencies of every
module (pandas, scipy.stats, matplotlib, …) even where one name is used; the command line's start-up went to
such imports. With :func:`lazy_exports` the package's ``__init__`` lists where each name lives, under
``if TYPE_CHECKING:`` as ordinary imports (so type checkers and the API reference see them), and otherwise::

    __getattr__, __dir__ = lazy_exports(__name__, {"package.module": ("name", ...), ...})

``package.name`` and ``from package import name`` then import ``package.module`` on first use and keep the value
in the package's namespace, so later uses cost a dictionary look-up, as before. An exported name may also be the
name of a submodule (``solver.equilibria`` is a package and ``from solver import equilibria`` the function): as
with eager imports, the exported value wins, whenever the submodule is imported.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Mapping
from types import ModuleType


def lazy_exports(
    package: str, sources: Mapping[str, tuple[str, ...]]
) -> tuple[Callable[[str], object], Callable[[], list[str]]]:
    """The module ``__getattr__`` and ``__dir__`` of ``package``, whose public names live in ``sources``.

    ``sources`` maps a module to the names it defines that ``package`` exports; a name listed twice is refused.
    ``__getattr__(name)`` imports the name's module, stores the value in the package and returns it, and raises
    ``AttributeError`` for any other name (as a module without ``__getattr__`` does); ``__dir__`` lists the
    package's namespace and every exported name. The package's module becomes a subclass of ``ModuleType`` whose
    attribute assignment keeps the exported value where the import system sets a submodule of the same name.
    """
    origin = {name: module for module, names in sources.items() for name in names}
    if len(origin) != sum(len(names) for names in sources.values()):
        raise ValueError(f"{package}: a name is exported from two modules")

    class Package(ModuleType):
        def __setattr__(self, name: str, value: object) -> None:
            if name in origin and isinstance(value, ModuleType) and value.__name__ == f"{package}.{name}":
                value = getattr(importlib.import_module(origin[name]), name)  # the submodule is loaded by now
            super().__setattr__(name, value)

    sys.modules[package].__class__ = Package

    def __getattr__(name: str) -> object:  # noqa: N807 (the module hook's own name)
        if name not in origin:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(origin[name]), name)
        setattr(sys.modules[package], name, value)
        return value

    def __dir__() -> list[str]:  # noqa: N807
        return sorted({*vars(sys.modules[package]), *origin})

    return __getattr__, __dir__
