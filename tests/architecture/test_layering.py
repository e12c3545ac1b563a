"""The layers point one way: phr.ui, phr.cli -> formats, exports, imports -> services -> phr.storage.

- Only phr/ui/ imports PySide6, shiboken6 or pyqtgraph.
- Only phr/storage/ holds SQL or imports the SQLite driver.
- Every import goes to a lower layer (import_graph.RANKS) or stays in its own package; nothing
  outside phr/ui/ imports phr.ui, except phr.cli.main, which starts the app.
- No import cycles between modules, not even through an import inside a function.
- Importers write through the services: phr/imports/ and the readers in phr/formats/ never use the
  repositories of phr.storage.repos.
- Modules stay small (house rule: ~400 lines); a folder holds about 15 modules at most.
"""

import ast
import re
from pathlib import Path

import import_graph
import pytest
from locations import PACKAGE

QT_MODULES = ("PySide6", "shiboken6", "pyqtgraph")
DRIVERS = ("sqlite3", "sqlcipher3", "pysqlite3")
# SELECT/DELETE only in capitals (our SQL style), so prose such as "Select a record from the
# list" is not mistaken for SQL; the rarer statements in any case.
SQL_CAPITALS = re.compile(r"\bSELECT\s[\s\S]+?\sFROM\s|\bDELETE\s+FROM\s")
SQL_ANY_CASE = re.compile(
    r"\b(insert\s+(or\s+\w+\s+)?into\s|update\s+\w+\s+set\s\w+\s*="
    r"|create\s+(temp\s+|virtual\s+)?(table|index|view|trigger)\s|drop\s+(table|index)\s|alter\s+table\s"
    r"|pragma\s+\w+|begin\s+(immediate|exclusive)\b)",
    re.IGNORECASE,
)
MAX_LINES = 400
MAX_MODULES_PER_FOLDER = 16
REPOSITORIES = "phr.storage.repos"


def modules():
    return sorted(PACKAGE.rglob("*.py"))


def relative(path: Path) -> str:
    return path.relative_to(PACKAGE.parent).as_posix()


def imported_names(tree: ast.AST) -> list[str]:
    names = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
    return names


def _text_of(node: ast.AST) -> str | None:
    """A string literal's text; an f-string's with each {field} as 'x' (SQL is often built as one)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(part.value if isinstance(part, ast.Constant) else "x" for part in node.values)
    return None


def sql_strings(tree: ast.AST) -> list[str]:
    texts = (_text_of(node) for node in ast.walk(tree))
    return [text for text in texts if text and (SQL_CAPITALS.search(text) or SQL_ANY_CASE.search(text))]


def is_importer(module: str) -> bool:
    """Device imports, and the reading side of each file format (phr.formats.<format>.read*)."""
    parts = module.split(".")
    if len(parts) < 2:
        return False
    return parts[1] == "imports" or (parts[1] == "formats" and len(parts) > 3 and parts[3].startswith("read"))


def importers_using_repositories(edges: dict[str, set[str]]) -> list[str]:
    """Importers that reach the repositories, however the import is written (the graph resolves it)."""
    return [f"{module} (an importer) writes through {target}, not the services"
            for module, targets in sorted(edges.items()) if is_importer(module)
            for target in sorted(targets) if target == REPOSITORIES or target.startswith(REPOSITORIES + ".")]


def violations(path_name: str, source: str) -> list[str]:
    tree = ast.parse(source)
    in_ui, in_storage = path_name.startswith("phr/ui/"), path_name.startswith("phr/storage/")
    found = []
    for name in imported_names(tree):
        top = name.split(".")[0]
        if top in QT_MODULES and not in_ui:
            found.append(f"{path_name} imports {name}")
        if top in DRIVERS and not in_storage:
            found.append(f"{path_name} imports the database driver {name}")
        if in_storage and name.startswith("phr.") and not name.startswith("phr.storage"):
            found.append(f"{path_name} (storage) imports {name}")
        if name.startswith("phr.ui") and not in_ui and not path_name.startswith("phr/cli/"):
            found.append(f"{path_name} imports {name}")
    if not in_storage:
        found += [f"{path_name} holds SQL: {text[:60]!r}" for text in sql_strings(tree)]
    return found


def test_layers_point_one_way():
    found = [v for path in modules() for v in violations(relative(path), path.read_text(encoding="utf-8"))]
    assert found == []


@pytest.mark.parametrize("path_name, source", [
    ("phr/access/records.py", "from PySide6.QtWidgets import QWidget\n"),
    ("phr/access/records.py", "import pyqtgraph as pg\n"),
    ("phr/access/session.py", "q = 'SELECT name FROM person WHERE id = 1'\n"),
    ("phr/access/session.py", "q = '''insert into person (name) values (?)'''\n"),
    ("phr/access/session.py", "q = 'update person set name = ? where id = 1'\n"),
    ("phr/access/session.py", "q = 'DELETE FROM person'\n"),
    ("phr/imports/x.py", "q = f\"SELECT {', '.join(columns)} FROM {table} WHERE uid = ?\"\n"),
    ("phr/access/session.py", "import sqlcipher3\n"),
    ("phr/storage/vault.py", "from phr.access.records import create_record\n"),
    ("phr/export/pdf/documents.py", "from phr.ui.app.launch import run_app\n"),
])
def test_the_layering_check_catches_violations(path_name, source):
    assert violations(path_name, source), "the check must flag this source"


def test_allowed_code_passes_the_check():
    assert violations("phr/ui/x.py", "from PySide6.QtWidgets import QWidget\n") == []
    assert violations("phr/storage/x.py", "q = 'SELECT 1 FROM t'\nimport sqlcipher3\n") == []
    assert violations("phr/access/records.py", "text = 'Select a record from the list'\n") == []


def test_no_import_cycles():
    assert import_graph.cycles(import_graph.graph(PACKAGE)) == []


def test_importers_write_through_the_services():
    assert importers_using_repositories(import_graph.graph(PACKAGE)) == []


KNOWN = {"phr", "phr.storage", "phr.storage.repos", "phr.storage.repos.tables", "phr.storage.repos.readings",
         "phr.imports", "phr.imports.devices", "phr.imports.devices.store", "phr.formats", "phr.formats.native",
         "phr.formats.native.read", "phr.formats.native.write"}


@pytest.mark.parametrize("module, source", [
    ("phr.imports.devices.store", "from phr.storage.repos.readings import ReadingRepository\n"),
    ("phr.imports.devices.store", "from phr.storage.repos import tables\n"),
    ("phr.imports.devices.store", "from phr.storage import repos\n"),
    ("phr.imports.devices.store", "from ...storage.repos import readings\n"),
    ("phr.imports.devices.store", "import phr.storage.repos.readings as rows\n"),
    ("phr.formats.native.read", "def f():\n    from phr.storage.repos import readings\n"),
])
def test_the_importer_check_catches_repositories_however_imported(module, source, tmp_path):
    path = tmp_path / (module.rpartition(".")[2] + ".py")
    edges = {module: import_graph.imports_of(module, path, source, KNOWN)}
    assert importers_using_repositories(edges), f"{source!r} in {module} must be flagged"


def test_the_writing_side_of_a_format_may_read_the_repositories(tmp_path):
    source = "from phr.storage.repos import tables\n"
    edges = {"phr.formats.native.write": import_graph.imports_of("phr.formats.native.write", tmp_path / "write.py",
                                                                  source, KNOWN)}
    assert importers_using_repositories(edges) == []


def test_every_import_goes_to_a_lower_layer():
    assert import_graph.upward_imports(import_graph.graph(PACKAGE)) == []


def test_the_cycle_check_finds_a_cycle_round_about():
    edges = {"phr.a": {"phr.b"}, "phr.b": {"phr.c"}, "phr.c": {"phr.a"}, "phr.d": {"phr.a"}}
    assert import_graph.cycles(edges) == [["phr.a", "phr.b", "phr.c"]]
    assert import_graph.cycles({"phr.a": {"phr.b"}, "phr.b": set()}) == []


@pytest.mark.parametrize("module, target", [
    ("phr.storage.vault", "phr.core.clock"),             # storage is the bottom
    ("phr.core.entries", "phr.record.person"),           # up
    ("phr.core.vocabulary", "phr.words.catalogue"),      # the words stand on core, not under it
    ("phr.monitoring.import_mappings", "phr.imports.devices.generic"),
    ("phr.export.pdf.base", "phr.formats.fhir.codes"),   # siblings
    ("phr.formats.native.read", "phr.imports.device_import"),
    ("phr.ui.app.launch", "phr.cli.main"),
    ("phr.cli.record", "phr.ui.app.launch"),             # only phr.cli.main starts the app
    ("phr.backup.backups", "phr.record.services"),       # backups stand below the record's services
    ("phr.newthing.x", "phr.core.clock"),                # a package must be given a layer
])
def test_the_layer_check_catches_an_upward_import(module, target):
    assert import_graph.upward_imports({module: {target}}), f"{module} -> {target} must be flagged"


def test_the_layer_check_allows_downward_and_inside_imports():
    edges = {"phr.ui.app.main_window": {"phr.record.services", "phr.ui.app.events"},
             "phr.record.services": {"phr.monitoring.readings", "phr.core.entries"},
             "phr.cli.main": {"phr.ui.app.launch", "phr"}, "phr.__main__": {"phr.cli.main"}}
    assert import_graph.upward_imports(edges) == []


def test_the_graph_sees_a_cycle_through_a_package_init(tmp_path):
    """phr.core.a imports phr.record.x, whose package __init__ imports phr.core.a back."""
    package = tmp_path / "phr"
    for folder in ("core", "record"):
        (package / folder).mkdir(parents=True)
    (package / "__init__.py").touch()
    (package / "core/__init__.py").touch()
    (package / "core/a.py").write_text("from phr.record import x\n")
    (package / "record/__init__.py").write_text("from phr.core import a\n")
    (package / "record/x.py").touch()
    assert import_graph.cycles(import_graph.graph(package)) == [["phr.core.a", "phr.record"]]


def test_the_graph_sees_imports_inside_functions_and_type_checking(tmp_path):
    package = tmp_path / "phr"
    (package / "core").mkdir(parents=True)
    for name in ("__init__.py", "core/__init__.py", "core/a.py", "core/b.py", "core/c.py"):
        (package / name).touch()
    (package / "core/a.py").write_text("def f():\n    from phr.core import b\n")
    (package / "core/b.py").write_text("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from .c import X\n")
    edges = import_graph.graph(package)
    assert edges["phr.core.a"] == {"phr.core.b"} and edges["phr.core.b"] == {"phr.core.c"}


@pytest.mark.parametrize("source", ["from .. import record\n", "import phr.record.x as x\n", "from phr import record\n",
                                    "from ..record import x\n"])
def test_the_graph_resolves_every_way_of_writing_an_import(source, tmp_path):
    known = {"phr", "phr.core", "phr.core.a", "phr.record", "phr.record.x"}
    found = import_graph.imports_of("phr.core.a", tmp_path / "a.py", source, known)
    assert found & {"phr.record", "phr.record.x"}, source


def test_folders_stay_small():
    counts = {}
    for path in modules():
        if path.name != "__init__.py":
            folder = relative(path.parent)
            counts[folder] = counts.get(folder, 0) + 1
    assert {folder: n for folder, n in counts.items() if n > MAX_MODULES_PER_FOLDER} == {}


def test_modules_stay_small():
    too_long = {relative(p): n for p in modules() if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert too_long == {}
