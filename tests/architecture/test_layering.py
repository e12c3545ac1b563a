"""The layers point one way: phr.ui -> services/domain -> phr.storage.

- Only phr/ui/ imports PySide6, shiboken6 or pyqtgraph.
- Only phr/storage/ holds SQL or imports the SQLite driver.
- phr/storage/ imports nothing from phr outside itself; nothing outside phr/ui/ imports
  phr.ui, except phr/cli/, which starts the app.
- Modules stay small (house rule: ~400 lines).
"""

import ast
import re
from pathlib import Path

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


def test_modules_stay_small():
    too_long = {relative(p): n for p in modules() if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert too_long == {}
