"""The device import is one straight line: each step imports only the shared helpers (and the
types), never another step; the helpers import no step and no layout; a layout stands alone."""

import ast
from pathlib import Path

import pytest

from phr.imports.devices import recognise
from phr.imports.devices.layouts import LAYOUTS
from phr.imports.devices.pipeline import detect, read_file

DEVICES = Path(recognise.__file__).parent
PACKAGE = "phr.imports.devices"
HELPERS = {"model", "records", "numbers", "times", "zones", "dates", "units", "rows"}
STEPS = {"decode": set(), "recognise": {"layouts", "layouts.mapped"}, "table": set(), "readings": set(),
         "store": set()}


def device_imports(path: Path) -> set[str]:
    """The modules of phr.imports.devices that a module imports, relative to it ('layouts.mapped')."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith(PACKAGE + "."):
            found.add(node.module.removeprefix(PACKAGE + "."))
        elif isinstance(node, ast.ImportFrom) and node.module == PACKAGE:
            found.update(alias.name for alias in node.names)
    return found


@pytest.mark.parametrize("helper", sorted(HELPERS))
def test_the_helpers_import_no_step_and_no_layout(helper):
    assert device_imports(DEVICES / f"{helper}.py") <= HELPERS


@pytest.mark.parametrize("step, chooses_from", sorted(STEPS.items()))
def test_each_step_imports_only_the_helpers(step, chooses_from):
    assert device_imports(DEVICES / f"{step}.py") <= HELPERS | chooses_from


@pytest.mark.parametrize("layout", sorted(p.stem for p in (DEVICES / "layouts").glob("*.py") if p.stem != "__init__"))
def test_a_layout_imports_only_the_helpers(layout):
    assert device_imports(DEVICES / "layouts" / f"{layout}.py") <= HELPERS


def test_every_layout_can_be_asked_for_by_its_name():
    names = [layout.name for layout in LAYOUTS]
    assert len(set(names)) == len(names)
    assert recognise.FORMATS == ("auto", *names, "csv")


def test_a_file_of_another_layout_asked_for_by_name_says_what_it_looks_like():
    for asked in LAYOUTS:
        for actual in LAYOUTS:
            if asked is not actual:
                with pytest.raises(ValueError, match=f"It looks like {actual.what}"):
                    read_file(_header_only(actual), asked.name)


def _header_only(layout) -> bytes:
    """A file with a header row that `layout` recognises (from the first lines of the shared samples, or of
    the device fixtures for a layout the shared samples do not have)."""
    data = Path(__file__).parents[1] / "data"
    for sample in sorted(data.glob("samples/*.csv")) + sorted(data.glob("devices/*_utf8.csv")):
        head = b"\n".join(sample.read_bytes().splitlines()[:12]) + b"\n"
        if detect(head) == layout.name:
            return head
    raise AssertionError(f"no sample of {layout.name}")
