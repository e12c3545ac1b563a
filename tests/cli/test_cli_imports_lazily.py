"""`phr --version` and `phr --help` load neither the record's code nor a heavy package (issue 20, point 2): each
command imports what it needs when it runs."""

import json
import subprocess
import sys
import textwrap

from phr.cli import imports as cli_imports
from phr.imports import device_import

HEAVY = ("numpy", "pyqtgraph", "reportlab", "pypdf", "fhir", "PySide6", "phr.access.session", "phr.imports.device_import",
         "phr.record.services")

RUN = textwrap.dedent("""
    import contextlib, io, json, sys
    from phr.cli.main import main

    with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):
        main(sys.argv[1:])
    print(json.dumps(sorted(sys.modules)))
""")


def loaded_after(*argv: str) -> list[str]:
    done = subprocess.run([sys.executable, "-c", RUN, *argv], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr[-2000:]
    modules = json.loads(done.stdout.splitlines()[-1])
    assert "phr.cli.imports" in modules  # the parser was built, with every command
    return sorted({heavy for module in modules for heavy in HEAVY if module == heavy or module.startswith(heavy + ".")})


def test_version_and_help_load_nothing_heavy():
    assert loaded_after("--version") == []
    assert loaded_after("--help") == []
    assert loaded_after("import", "--help") == []


def test_the_import_command_offers_the_device_import_formats():
    assert cli_imports.FORMATS == device_import.FORMATS + ("json", "fhir")
