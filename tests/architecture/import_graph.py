"""The import graph of phr: which module imports which, read from the source (not by importing it).

Every import counts, also one inside a function or under TYPE_CHECKING: a cycle there is still a cycle
in the design. `from phr.x import y` is an edge to phr.x.y when y is a module, else to phr.x.
"""

import ast
from pathlib import Path

# Rank of each top-level package: an import goes to a lower rank or stays inside its own package.
# Packages of equal rank are siblings and do not import each other.
RANKS = {
    "phr.storage": 0,
    "phr.core": 1,
    "phr.words": 2,        # the exports' words, and the words of the vocabularies in core
    "phr.reference": 2,    # look-ups in published terminologies (Orphanet, HPO), offline
    "phr.access": 3,
    "phr.backup": 4,       # whole records: they need the access layer, never the record's contents
    "phr.monitoring": 5,
    "phr.record": 6,
    "phr.demo": 7,
    "phr.formats": 8, "phr.export": 8, "phr.imports": 8,
    "phr.cli": 10, "phr.ui": 10,
}
# The one crossing between the two top packages: the command line starts the app and renders screenshots.
# The package itself (its version) and `python -m phr` stand outside the layers.
OUTSIDE_THE_LAYERS = {"phr", "phr.__main__"}
ALLOWED_CROSSINGS = {("phr.cli.main", target) for target in
                     ("phr.ui.app.launch", "phr.ui.app.screenshots", "phr.ui.app", "phr.ui")}  # and their packages


def module_names(package: Path) -> dict[str, Path]:
    names = {}
    for path in package.rglob("*.py"):
        parts = list(path.relative_to(package.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        names[".".join(parts)] = path
    return names


def imports_of(name: str, path: Path, source: str, known: set[str]) -> set[str]:
    """The phr modules that module `name` imports, with the packages whose __init__ that import runs."""
    found = set()
    for node in ast.walk(ast.parse(source)):
        for target in _targets(name, path, node, known):
            while target and target not in known:  # phr.x.y.attr -> the module phr.x.y
                target = target.rpartition(".")[0]
            if target and target != name and target.split(".")[0] == "phr":
                found |= {target} | _packages_run_by(target, name, known)
    return found


def _packages_run_by(target: str, importer: str, known: set[str]) -> set[str]:
    """Importing phr.x.y runs phr/x/__init__.py too, unless it already ran for the importer itself."""
    parts = target.split(".")
    parents = {".".join(parts[:n]) for n in range(2, len(parts))}
    own = {".".join(importer.split(".")[:n]) for n in range(1, importer.count(".") + 1)}
    return {parent for parent in parents - own if parent in known}


def _targets(name: str, path: Path, node: ast.AST, known: set[str]) -> list[str]:
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if not isinstance(node, ast.ImportFrom):
        return []
    base = node.module or ""
    if node.level:  # relative: from the module's package upwards
        package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
        package = package[:len(package) - node.level + 1]
        base = ".".join(package + ([base] if base else []))
    return [f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base for alias in node.names]


def graph(package: Path) -> dict[str, set[str]]:
    names = module_names(package)
    known = set(names)
    return {name: imports_of(name, path, path.read_text(encoding="utf-8"), known) for name, path in names.items()}


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Groups of modules that import each other, directly or round about (Tarjan's strongly connected components)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for other in sorted(edges.get(module, ())):
            if other not in index:
                visit(other)
                low[module] = min(low[module], low[other])
            elif other in on_stack:
                low[module] = min(low[module], index[other])
        if low[module] == index[module]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == module:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for module in sorted(edges):
        if module not in index:
            visit(module)
    return found


def top_package(module: str) -> str | None:
    parts = module.split(".")
    return ".".join(parts[:2]) if len(parts) > 1 and ".".join(parts[:2]) in RANKS else None


def upward_imports(edges: dict[str, set[str]]) -> list[str]:
    """Imports to a package of the same or a higher rank (siblings included), or to a package without a rank."""
    found = []
    for module, targets in sorted(edges.items()):
        here = top_package(module)
        for target in sorted(targets):
            there = top_package(target)
            if module in OUTSIDE_THE_LAYERS or target in OUTSIDE_THE_LAYERS:
                continue
            if here is None or there is None:
                found.append(f"{module} -> {target}: {module if here is None else target} is in no layer")
                continue
            if here == there or (module, target) in ALLOWED_CROSSINGS:
                continue
            if RANKS[there] >= RANKS[here]:
                found.append(f"{module} -> {target}: {there} is not below {here}")
    return found
