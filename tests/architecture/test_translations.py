"""Every user-facing string has a finished Dutch translation, and the shipped .qm matches the .ts."""

import ast
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from locations import ROOT
from PySide6.QtCore import QCoreApplication, QTranslator

CATALOGUE = ROOT / "resources" / "i18n" / "phr_nl.ts"
SHIPPED_QM = ROOT / "phr" / "ui" / "translations" / "phr_nl.qm"
TOOLS = Path(sys.executable).parent


def run_tool(name: str, *args) -> None:
    subprocess.run([str(TOOLS / name), *map(str, args)], check=True, capture_output=True, timeout=120)


def messages(ts: Path):
    for context in ET.parse(ts).getroot().iter("context"):
        for message in context.iter("message"):
            yield context.findtext("name"), message


def test_every_string_in_the_code_has_a_finished_dutch_translation(tmp_path):
    # lupdate merges the sources into a copy of the catalogue: new strings arrive unfinished.
    copy = tmp_path / "phr_nl.ts"
    shutil.copy(CATALOGUE, copy)
    sources = sorted((ROOT / "phr").rglob("*.py"))
    run_tool("pyside6-lupdate", *sources, "-ts", copy, "-no-obsolete", "-locations", "none")
    missing = []
    for context, message in messages(copy):
        translation = message.find("translation")
        if translation.get("type") in ("unfinished", "vanished", "obsolete") or not "".join(translation.itertext()).strip():
            missing.append(f"{context}: {message.findtext('source')}")
    assert missing == []
    assert sum(1 for _ in messages(copy)) > 50


def test_the_shipped_qm_is_built_from_the_catalogue(tmp_path):
    built = tmp_path / "phr_nl.qm"
    run_tool("pyside6-lrelease", CATALOGUE, "-qm", built)
    assert built.read_bytes() == SHIPPED_QM.read_bytes(), "run `make translations`"


def test_dutch_is_loaded_and_used(qapp):
    translator = QTranslator()
    assert translator.load(str(SHIPPED_QM))
    qapp.installTranslator(translator)
    try:
        assert QCoreApplication.translate("MainWindow", "Overview") == "Overzicht"
        assert QCoreApplication.translate("MainWindow", "&Lock") == "&Vergrendelen"
    finally:
        qapp.removeTranslator(translator)


def translate_calls(tree: ast.AST):
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", None)) == "translate":
            yield node


@pytest.mark.parametrize("path", sorted((ROOT / "phr" / "ui").rglob("*.py")), ids=lambda p: p.name)
def test_translate_calls_use_fixed_contexts_and_literal_texts(path):
    # lupdate can only collect literal strings; an f-string or a variable would never be translated.
    for call in translate_calls(ast.parse(path.read_text(encoding="utf-8"))):
        context, text = call.args[0], call.args[1]
        assert isinstance(context, ast.Constant) and isinstance(context.value, str), f"{path}:{call.lineno}"
        assert isinstance(text, ast.Constant) and isinstance(text.value, str), f"{path}:{call.lineno}"


def test_no_translate_call_hides_inside_an_f_string():
    # lupdate does not look inside f-strings: such a text is never collected, so never translated.
    hidden = []
    for path in sorted((ROOT / "phr" / "ui").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.JoinedStr):
                hidden += [f"{path.name}:{call.lineno}" for call in translate_calls(node)]
    assert hidden == []
