"""Each PDF is one straight line: record (the services) -> facts -> flowables -> bytes.

Facts modules read the services and compute, without reportlab; the modules that lay out (they
import reportlab) never read the record: they get facts, and `build` only hands the services on.
"""

import ast

from locations import PACKAGE

PDF = PACKAGE / "export" / "pdf"


def _tree(path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"))


def _imports(tree: ast.Module) -> set[str]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


def _is_facts(path) -> bool:
    return path.stem == "facts" or path.stem.endswith("_facts") or path.stem in ("period", "chart_series")


def test_every_document_has_its_facts_module():
    for document in ("overview", "visit", "emergency", "recovery"):
        assert (PDF / document / "facts.py").exists(), document


def test_facts_modules_do_not_lay_out():
    facts = [path for path in PDF.rglob("*.py") if _is_facts(path)]
    assert len(facts) >= 8
    for path in facts:
        assert not any(name.split(".")[0] == "reportlab" for name in _imports(_tree(path))), path.name


def test_layout_modules_do_not_read_the_record():
    """No `services.<something>` in a module that imports reportlab: what it prints comes from facts."""
    layouts = [path for path in PDF.rglob("*.py") if any(name.startswith("reportlab")
                                                          for name in _imports(_tree(path)))]
    assert len(layouts) >= 12
    for path in layouts:
        reads = [node.lineno for node in ast.walk(_tree(path)) if isinstance(node, ast.Attribute)
                 and (isinstance(node.value, ast.Name) and node.value.id == "services" or node.attr == "services")]
        assert reads == [], f"{path.relative_to(PACKAGE)} reads the record at lines {reads}"
