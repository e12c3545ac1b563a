"""The menu entry, AppStream metadata, file type, icons and maintainer scripts in packaging/, before any build."""

import configparser
import re
import shutil
import struct
import subprocess
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest
from package_support import PACKAGING, ROOT, build

from phr import __version__
from phr.storage.backup_archive import MANIFEST
from phr.storage.backups import SUFFIX

LINUX = PACKAGING / "linux"
DESKTOP = LINUX / "regie.desktop"
METAINFO = LINUX / f"{build.APP_ID}.metainfo.xml"
MIME = LINUX / "regie-mime.xml"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment, method-assign]  # keys are case-sensitive
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils is not installed")
def test_the_menu_entry_passes_desktop_file_validate() -> None:
    done = subprocess.run(["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert " error: " not in done.stdout


def test_the_menu_entry_opens_backups_in_regie_in_dutch_and_english() -> None:
    entry = desktop_entry()
    assert entry["Exec"] == "regie %f"  # one file: phr/cli/backup_file.py opens the restore of it
    assert entry["MimeType"].split(";")[:1] == ["application/x-regie-backup"]
    assert entry["Icon"] == "regie" and entry["Categories"] == "Office;MedicalSoftware;"
    assert entry["Comment[nl]"] and entry["GenericName[nl]"] and entry["Keywords[nl]"]
    assert entry["StartupWMClass"] == "Regie"  # the window class Qt gives the app (its application name)


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="appstream is not installed")
def test_the_metainfo_passes_appstreamcli_validate() -> None:
    done = subprocess.run(["appstreamcli", "validate", "--no-net", "--explain", str(METAINFO)], capture_output=True,
                          text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_metainfo_speaks_dutch_and_english_and_names_this_version() -> None:
    component = ElementTree.parse(METAINFO).getroot()
    assert component.findtext("id") == build.APP_ID
    assert component.findtext("launchable") == "regie.desktop"
    assert {summary.get(XML_LANG) for summary in component.findall("summary")} == {None, "nl"}
    paragraphs = component.findall("description/p")
    assert {p.get(XML_LANG) for p in paragraphs} == {None, "nl"}
    captions = component.findall("screenshots/screenshot/caption")
    assert len(component.findall("screenshots/screenshot/image")) >= 2
    assert sum(c.get(XML_LANG) == "nl" for c in captions) == sum(c.get(XML_LANG) is None for c in captions)
    releases = component.findall("releases/release")
    assert releases[0].get("version") == __version__, "add a <release> for the new version at the top"
    assert component.findtext("provides/mediatype") == "application/x-regie-backup"


def test_the_file_type_matches_what_a_backup_is() -> None:
    ns = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
    kind = ElementTree.parse(MIME).getroot().find("m:mime-type", ns)
    assert kind is not None and kind.get("type") == "application/x-regie-backup"
    assert [glob.get("pattern") for glob in kind.findall("m:glob", ns)] == [f"*{SUFFIX}"]
    assert [match.get("value") for match in kind.findall("m:magic/m:match", ns)] == [MANIFEST]  # the first member
    assert {c.get(XML_LANG) for c in kind.findall("m:comment", ns)} == {None, "nl"}


@pytest.mark.parametrize("script", ["postinst", "postrm"])
def test_the_maintainer_scripts_only_update_the_desktops_caches(script: str) -> None:
    text = (PACKAGING / "debian" / script).read_text(encoding="utf-8")
    assert subprocess.run(["sh", "-n", str(PACKAGING / "debian" / script)]).returncode == 0
    commands = {line.split()[0] for line in text.splitlines()
                if line.strip() and not line.lstrip().startswith(("#", "if", "fi", "case", "esac", "exit", ";;"))
                and not re.match(r"\s*(remove\|purge\)|set -e|\"?\$1\"?)", line)}
    assert commands <= {"update-desktop-database", "update-mime-database", "gtk-update-icon-cache"}, commands
    assert not re.search(r"HOME|/home|~|Documents|\.local|\.config|rm ", text)


def test_every_icon_size_is_drawn_at_its_size() -> None:
    for size in build.ICON_SIZES:
        png = (ROOT / "phr" / "ui" / "app" / "icons" / f"regie-{size}.png").read_bytes()
        assert png[:8] == b"\x89PNG\r\n\x1a\n" and struct.unpack(">II", png[16:24]) == (size, size)
    assert (ROOT / "resources" / "icons" / "regie.svg").read_text(encoding="utf-8").lstrip().startswith("<")


def test_the_desktop_files_land_where_the_desktop_looks(tmp_path: Path) -> None:
    build.desktop_files(tmp_path)
    found = {path.relative_to(tmp_path).as_posix() for path in tmp_path.rglob("*") if path.is_file()}
    assert {"applications/regie.desktop", f"metainfo/{build.APP_ID}.metainfo.xml", "mime/packages/regie.xml",
            "icons/hicolor/scalable/apps/regie.svg", "icons/hicolor/48x48/apps/regie.png",
            "icons/hicolor/scalable/mimetypes/application-x-regie-backup.svg"} <= found
    assert len(found) == 3 + 2 * (1 + len(build.ICON_SIZES))
