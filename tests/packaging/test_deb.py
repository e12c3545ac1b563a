"""The built .deb (issue 18's package test): unpacked with `dpkg-deb -x`, Regie runs from there — version, sample
record, check, exports, screenshots —, its desktop files validate, the libraries it links against are found, and
it keeps the size and start-time budgets.

Skipped unless dist/ holds the .deb of this version: `make package` builds it and runs these tests. About a
minute (unpacking 200 MB, the sample record, 40 screenshots, 12 starts to the start window).
"""

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from package_support import DEB, build, run

from phr import __version__

pytestmark = pytest.mark.skipif(not DEB.is_file(), reason=f"no {DEB.name} in dist/: `make package` builds it")

INSTALLED_LIMIT_MB = 220  # issue 18's budgets (MiB, as `du -sh` says)
DEB_LIMIT_MB = 90
START_LIMIT = 1.5  # the installed app's start to the start window, against the start from source


@pytest.fixture(scope="module")
def unpacked(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("deb")
    subprocess.run(["dpkg-deb", "-x", str(DEB), str(root)], check=True)
    return root


@pytest.fixture(scope="module")
def sample(unpacked: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The sample record, made by the unpacked package's `phr demo`; and the home its commands run in."""
    home = tmp_path_factory.mktemp("home")
    record = home / "demo.regie"
    done = run([unpacked / "opt/regie/phr", "demo", record], home)
    assert done.returncode == 0, done.stderr
    return record, home


def test_regie_and_phr_are_on_the_path_and_say_their_version(unpacked: Path, tmp_path: Path) -> None:
    assert {link.name: str(link.readlink()) for link in (unpacked / "usr/bin").iterdir()} == {
        "regie": "/opt/regie/regie", "phr": "/opt/regie/phr"}
    for name in ("regie", "phr"):
        done = run([unpacked / "opt/regie" / name, "--version"], tmp_path)
        assert (done.returncode, done.stdout.strip()) == (0, f"Regie (phr) {__version__}")


def test_the_sample_record_is_healthy(unpacked: Path, sample: tuple[Path, Path]) -> None:
    record, home = sample
    done = run([unpacked / "opt/regie/phr", "check", record], home)
    assert done.returncode == 0, done.stderr
    counts = dict(line.split(": ", 1) for line in done.stdout.splitlines() if re.match(r"^[a-z_]+: \d+$", line))
    assert int(counts["readings"]) > 1000 and int(counts["diagnoses"]) > 0 and int(counts["medications"]) > 0


@pytest.mark.parametrize("kind", ["overview", "visit", "emergency"])
def test_pdf_exports_embed_their_fonts(unpacked: Path, sample: tuple[Path, Path], kind: str) -> None:
    """reportlab's Vera fonts, the hyphenation dictionaries and the barcode modules (the QR code) are bundled."""
    record, home = sample
    out = home / f"{kind}.pdf"
    done = run([unpacked / "opt/regie/phr", "export", record, out, "--kind", kind, "--lang", "nl"], home)
    assert done.returncode == 0, done.stderr
    data = out.read_bytes()
    assert data.startswith(b"%PDF-") and b"/FontFile2" in data and b"BitstreamVeraSans" in data


def test_the_fhir_export_is_a_patient_summary(unpacked: Path, sample: tuple[Path, Path]) -> None:
    record, home = sample
    out = home / "summary.json"
    done = run([unpacked / "opt/regie/phr", "export", record, out, "--format", "fhir"], home)
    assert done.returncode == 0, done.stderr
    bundle = json.loads(out.read_text(encoding="utf-8"))
    assert bundle["resourceType"] == "Bundle" and bundle["type"] == "document"
    assert {"Composition", "Patient", "Condition", "MedicationStatement"} <= {
        entry["resource"]["resourceType"] for entry in bundle["entry"]}


def test_regies_own_file_goes_back_into_a_new_record(unpacked: Path, sample: tuple[Path, Path]) -> None:
    """Regie's JSON is read in passes by ijson's C parser (phr.formats.native.read_stream): the bundle has it, and
    what goes out comes back in: the new record counts what the sample counts."""
    record, home = sample
    phr, out, again = unpacked / "opt/regie/phr", home / "record.json", home / "again.regie"
    assert run([phr, "export", record, out, "--format", "json"], home).returncode == 0
    name = json.loads(out.read_text(encoding="utf-8"))["person"]["name"]
    assert run([phr, "init", again, "--name", name], home).returncode == 0
    done = run([phr, "import", again, out], home)
    assert done.returncode == 0, done.stderr
    assert _counts(run([phr, "check", again], home)) == _counts(run([phr, "check", record], home))
    assert list((unpacked / "opt/regie/_internal/ijson/backends").glob("_yajl2.*.so")), "ijson's C parser is missing"


def _counts(done: subprocess.CompletedProcess[str]) -> dict[str, int]:
    assert done.returncode == 0, done.stderr
    return {name: int(count) for name, count in re.findall(r"^([a-z_]+): (\d+)$", done.stdout, re.MULTILINE)}


def test_screenshots_of_every_page_offscreen(unpacked: Path, tmp_path: Path) -> None:
    """Qt's plugins, Dutch catalogues, the icon fonts, charts and the PDF preview in the bundle, at once."""
    done = run([unpacked / "opt/regie/phr", "screenshots", tmp_path / "shots", "--lang", "nl"], tmp_path)
    assert done.returncode == 0, done.stderr
    shots = sorted((tmp_path / "shots").glob("*.png"))
    assert len(shots) >= 30 and (tmp_path / "shots" / "00-start.png") in shots
    assert all(shot.stat().st_size > 10_000 for shot in shots)  # drawn, not blank


@pytest.mark.skipif(not (shutil.which("desktop-file-validate") and shutil.which("appstreamcli")),
                    reason="needs desktop-file-utils and appstream (make package installs them)")
def test_the_installed_desktop_files_validate(unpacked: Path) -> None:
    share = unpacked / "usr/share"
    entry = subprocess.run(["desktop-file-validate", str(share / "applications/regie.desktop")],
                           capture_output=True, text=True)
    assert entry.returncode == 0, entry.stdout
    metainfo = subprocess.run(["appstreamcli", "validate", "--no-net",
                               str(share / f"metainfo/{build.APP_ID}.metainfo.xml")], capture_output=True, text=True)
    assert metainfo.returncode == 0, metainfo.stdout
    assert (share / "icons/hicolor/scalable/apps/regie.svg").is_file()
    assert (share / "mime/packages/regie.xml").is_file()


def test_every_library_the_bundle_links_against_is_found(unpacked: Path) -> None:
    """What the trimming left out must be on the system (the package's Depends), or be needed by nothing."""
    opt = unpacked / "opt/regie"
    missing = {}
    for path in opt.rglob("*.so*"):
        if path.is_file() and not path.is_symlink():
            output = subprocess.run(["ldd", str(path)], capture_output=True, text=True).stdout
            if "not found" in output:
                missing[str(path.relative_to(opt))] = re.findall(r"^\s*(\S+) => not found", output, re.MULTILINE)
    assert missing == {}


def test_the_sizes_keep_the_budget(unpacked: Path) -> None:
    installed = sum(path.lstat().st_size for path in unpacked.rglob("*") if not path.is_dir()) / 2**20
    control = subprocess.run(["dpkg-deb", "--field", str(DEB), "Installed-Size"], capture_output=True, text=True)
    assert installed <= INSTALLED_LIMIT_MB and int(control.stdout) / 1024 <= INSTALLED_LIMIT_MB
    assert DEB.stat().st_size / 2**20 <= DEB_LIMIT_MB
    print(f"\n{DEB.name}: {DEB.stat().st_size / 2**20:.1f} MiB; installed {installed:.1f} MiB in "
          f"{sum(1 for path in unpacked.rglob('*') if path.is_file() and not path.is_symlink())} files")


@pytest.mark.skipif(not (shutil.which("Xvfb") and shutil.which("xdotool")),
                    reason="needs xvfb and xdotool (make package installs them)")
def test_the_installed_app_starts_about_as_fast_as_from_source(unpacked: Path) -> None:
    from bench import frozen_start

    result = frozen_start.run(unpacked / "opt/regie/regie")
    print(f"\n{result.notes[0]}; ratio {result.ratio:.2f} (limit {START_LIMIT})")
    assert result.ratio <= START_LIMIT
