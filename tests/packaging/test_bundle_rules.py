"""What the bundle keeps (packaging/trim.py) and which ICU data it keeps (packaging/icu_data.py), without building."""

import shutil
import struct
from pathlib import Path

import pytest
from package_support import packaging_module

trim = packaging_module("trim")
icu_data = packaging_module("icu_data")
QT = "PySide6/Qt/"


@pytest.mark.parametrize("name", [
    QT + "plugins/platforms/libqxcb.so", QT + "plugins/platforms/libqwayland.so",
    QT + "plugins/platforms/libqoffscreen.so", QT + "plugins/imageformats/libqjpeg.so",
    QT + "plugins/imageformats/libqsvg.so", QT + "plugins/iconengines/libqsvgicon.so",
    QT + "plugins/printsupport/libcupsprintersupport.so", QT + "plugins/platformthemes/libqxdgdesktopportal.so",
    QT + "translations/qtbase_nl.qm", QT + "translations/qtbase_en.qm",
    QT + "lib/libQt6Widgets.so.6", QT + "lib/libQt6Pdf.so.6", QT + "lib/libQt6DBus.so.6", QT + "lib/libicuuc.so.73",
    "libpython3.11.so.1.0", "libcrypto.so.3", "libffi.so.8", "pillow.libs/libxcb-9065bb12.so.1.1.0",
    "libXau-154567c4.so.6.0.0", "reportlab/fonts/Vera.ttf", "reportlab/fonts/VeraBI.ttf",
    "reportlab/fonts/bitstream-vera-license.txt", "pyphen/dictionaries/hyph_nl_NL.dic",
    "pyphen/dictionaries/hyph_en_GB.dic", "fhir/resources/R4B/bundle.py", "qtawesome/fonts/phosphor-1.3.0.ttf",
    "phr/ui/translations/phr_nl.qm",
])
def test_what_regie_uses_stays(name: str) -> None:
    assert trim.keep(name)


@pytest.mark.parametrize("name", [
    QT + "plugins/platforms/libqeglfs.so", QT + "plugins/platforms/libqvnc.so",
    QT + "plugins/platformthemes/libqgtk3.so",  # would bring GTK, cairo and pango along
    QT + "plugins/imageformats/libqtiff.so", QT + "plugins/sqldrivers/libqsqlite.so",
    QT + "plugins/tls/libqopensslbackend.so",
    QT + "plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so", QT + "plugins/qmltooling/libqmldbg_tcp.so",
    QT + "translations/qtbase_de.qm", QT + "translations/qt_help_nl.qm", QT + "translations/qtdeclarative_nl.qm",
    QT + "lib/libQt6Quick.so.6", QT + "lib/libQt6Qml.so.6", QT + "qml/QtQuick/qmldir", "libQt6QmlModels.so.6",
    "libX11.so.6", "libxcb-cursor.so.0", "libxkbcommon-x11.so.0", "libfontconfig.so.1", "libstdc++.so.6",
    "libglib-2.0.so.0", "libdbus-1.so.3", "libcups.so.2", "libGL.so.1", "libwayland-client.so.0",
    "reportlab/fonts/DarkGardenMK.pfb", "reportlab/fonts/hb-test.ttf", "pyphen/dictionaries/hyph_de_DE.dic",
    "fhir/resources/bundle.py", "numpy/_core/tests/data/umath-validation-set-log.csv", "PySide6/QtCore.pyi",
])
def test_what_regie_does_not_use_goes(name: str) -> None:
    assert not trim.keep(name)


def test_test_modules_go_and_others_stay() -> None:
    assert not trim.keep_module("numpy._core.tests.test_umath")
    assert not trim.keep_module("pyqtgraph.tests")
    assert trim.keep_module("unittest.mock") and trim.keep_module("numpy.testing") and trim.keep_module("phr.cli.main")


def test_a_library_only_a_dropped_plugin_needed_goes_with_it() -> None:
    """libqgtk3.so brought libgtk-3 and libgdk-3 along; without the plugin nothing needs them."""
    entries = [
        ("PySide6/QtGui.abi3.so", "/src/QtGui.abi3.so", "EXTENSION"),
        ("PySide6/Qt/lib/libQt6Gui.so.6", "/src/libQt6Gui.so.6", "BINARY"),
        ("libQt6Gui.so.6", "PySide6/Qt/lib/libQt6Gui.so.6", "SYMLINK"),
        ("libgtk-3.so.0", "/src/libgtk-3.so.0", "BINARY"),
        ("libgdk-3.so.0", "/src/libgdk-3.so.0", "BINARY"),
        ("libpython3.11.so.1.0", "/src/libpython3.11.so.1.0", "BINARY"),
        ("libffi.so.8", "/src/libffi.so.8", "BINARY"),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", "/src/libqxcb.so", "BINARY"),
    ]
    needs = {"/src/QtGui.abi3.so": ["libQt6Gui.so.6"], "/src/libgtk-3.so.0": ["libgdk-3.so.0"],
             "/src/libpython3.11.so.1.0": ["libffi.so.8"], "/src/libqxcb.so": ["libQt6Gui.so.6"]}
    kept = trim.without_orphans(entries, lambda path: needs.get(path, []))
    assert [name for name, _, _ in kept] == ["PySide6/QtGui.abi3.so", "PySide6/Qt/lib/libQt6Gui.so.6",
                                             "libQt6Gui.so.6", "libpython3.11.so.1.0", "libffi.so.8",
                                             "PySide6/Qt/plugins/platforms/libqxcb.so"]


@pytest.mark.parametrize("item", [
    "root.res", "en.res", "en_GB.res", "en_001.res", "nl.res", "nl_NL.res", "pool.res", "res_index.res",
    "supplementalData.res", "zoneinfo64.res", "metaZones.res", "likelySubtags.res", "coll/root.res", "coll/nl.res",
    "coll/ucadata.icu", "zone/nl.res", "zone/tzdbNames.res", "brkitr/line.brk", "brkitr/root.res", "uts46.nrm",
    "cnvalias.icu",
])
def test_icu_keeps_what_dutch_and_english_need(item: str) -> None:
    assert item not in icu_data.dropped({item: 1000})


@pytest.mark.parametrize("item", [
    "de.res", "fr_CA.res", "zh_Hant_TW.res", "coll/de.res", "coll/de_.res", "zone/ja.res", "lang/fr.res",
    "translit/el.res", "brkitr/cjdict.dict", "brkitr/thaidict.dict",
])
def test_icu_drops_other_languages(item: str) -> None:
    assert item in icu_data.dropped({item: 1000})


def test_icu_keeps_single_byte_code_pages_and_drops_east_asian_ones() -> None:
    items = {"ibm-5348_P100-1997.cnv": 1_500, "gb18030.cnv": 232_816, "euc-jp-2007.cnv": 97_280}
    assert icu_data.dropped(items) == {"gb18030.cnv", "euc-jp-2007.cnv"}


def test_icu_package_table_of_contents() -> None:
    """ICU's common data layout: header, item count, (name offset, data offset) pairs, names, data."""
    names = [b"icudt73l/a.res\0", b"icudt73l/coll/b.res\0"]
    header = struct.pack("<HBB", 32, 0xDA, 0x27) + b"\x14\x00\x00\x00\x00\x00\x02\x00CmnD" + bytes(16)
    table_size = 4 + 8 * len(names)
    name_area = b"".join(names)
    data = [b"x" * 16, b"y" * 48]
    first = table_size + len(name_area)
    table = struct.pack("<I", 2) + struct.pack("<II", table_size, first)
    table += struct.pack("<II", table_size + len(names[0]), first + len(data[0]))
    package = header + table + name_area + b"".join(data)
    assert icu_data.table_of_contents(package) == ("icudt73l", {"a.res": 16, "coll/b.res": 48})


@pytest.mark.skipif(not all(shutil.which(tool) for tool in ("icupkg", "gcc", "readelf")),
                    reason="needs icu-devtools, gcc and binutils (make package installs them)")
def test_the_wheels_icu_data_shrinks_to_dutch_and_english(tmp_path: Path) -> None:
    import PySide6

    original = next((Path(PySide6.__file__).parent / "Qt" / "lib").glob("libicudata.so.*"))
    library = tmp_path / original.name
    shutil.copyfile(original, library)
    before, after = icu_data.shrink(library)
    items = set(icu_data.items_of(library))
    assert after < before / 4
    assert {"coll/nl.res", "coll/ucadata.icu", "nl.res", "en_GB.res", "zone/nl.res", "brkitr/line.brk"} <= items
    assert not {"de.res", "coll/de.res", "brkitr/cjdict.dict"} & items
