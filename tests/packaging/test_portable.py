"""The portable .tar.gz: the same bundle, a README, and a menu entry that points to wherever it was unpacked.

Skipped unless dist/ holds the tarball of this version (`make package`).
"""

import os
import subprocess
import tarfile
from pathlib import Path

import pytest
from package_support import build, run

from phr import __version__

TARBALL = build.tarball_path()
pytestmark = pytest.mark.skipif(not TARBALL.is_file(), reason=f"no {TARBALL.name} in dist/: `make package` builds it")


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    where = tmp_path_factory.mktemp("portable")
    with tarfile.open(TARBALL) as archive:
        assert all(member.name.split("/")[0] == f"regie-{__version__}" for member in archive.getmembers())
        assert {member.uid for member in archive.getmembers()} == {0}
        archive.extractall(where, filter="tar")
    return where / f"regie-{__version__}"


def test_it_runs_from_where_it_was_unpacked(folder: Path, tmp_path: Path) -> None:
    for name in ("regie", "phr"):
        done = run([folder / name, "--version"], tmp_path)
        assert (done.returncode, done.stdout.strip()) == (0, f"Regie (phr) {__version__}")
    readme = (folder / "README.txt").read_text(encoding="utf-8")
    assert "install-menu-entry.sh" in readme and "Documents/Regie" in readme


def test_the_menu_entry_points_to_the_folder_and_goes_again(folder: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    env = {**os.environ, "HOME": str(tmp_path), "XDG_DATA_HOME": str(data)}
    script = str(folder / "install-menu-entry.sh")
    subprocess.run([script], env=env, check=True, capture_output=True)
    entry = (data / "applications" / "regie.desktop").read_text(encoding="utf-8")
    assert f'Exec="{folder}/regie" %f' in entry.splitlines() and f"TryExec={folder}/regie" in entry.splitlines()
    assert (data / "mime/packages/regie.xml").is_file() and (data / "icons/hicolor/48x48/apps/regie.png").is_file()
    (tmp_path / "Documents" / "Regie" / "kept.regie").mkdir(parents=True)
    subprocess.run([script, "--remove"], env=env, check=True, capture_output=True)
    assert not (data / "applications" / "regie.desktop").exists()
    assert not list((data / "icons").rglob("regie.*")) and not (data / "mime/packages/regie.xml").exists()
    assert (tmp_path / "Documents" / "Regie" / "kept.regie").is_dir()
