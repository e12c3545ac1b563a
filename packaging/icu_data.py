"""Qt's ICU data, cut down to what Regie needs: 32 MB of the bundle's 220 become 5.

Qt links ICU for collation (sorting names), locale-aware upper and lower case, time-zone names, IDNA and
encodings outside UTF and Latin-1. The wheel's libicudata carries that data for every locale of the world;
Regie speaks Dutch and English. This keeps the root, `en*` and `nl*` locales, every rule file, the single-byte
code pages (Western, Central European, Cyrillic, Greek...: each under 20 kB) and drops the other locales, the
transliterators, the East Asian multi-byte code pages and the word dictionaries for Chinese, Japanese, Thai,
Lao, Khmer and Burmese line breaking (without them ICU breaks such text by its rules, as Qt does itself).

How: the data is one symbol (`icudtNN_dat`) in libicudata.so.NN. It is read out, items are removed with ICU's
own `icupkg` (package icu-devtools, which checks that every remaining item still finds what it depends on),
and a new libicudata with the same soname and symbol is assembled with gcc.
"""

import re
import struct
import subprocess
import tempfile
from collections.abc import Iterable
from pathlib import Path

_LOCALE = re.compile(r"^[a-z]{2,3}(_[A-Za-z0-9]*)*\.res$")  # af.res, de_.res, zh_Hant_TW.res; not root, pool
_KEPT_LOCALE = re.compile(r"^(root|en|nl)(_[A-Za-z0-9]+)*\.res$")
_LARGE_CODE_PAGE = 20_000  # bytes: every single-byte table is smaller, every East Asian one larger
_MISSING = re.compile(r"^Item (\S+) depends on missing item (\S+)$", re.MULTILINE)


def dropped(items: dict[str, int]) -> set[str]:
    """The items (name -> size in bytes, as icupkg names them: "coll/nl.res") Regie has no use for."""
    return {name for name, size in items.items() if not _kept(name, size)}


def _kept(item: str, size: int) -> bool:
    folder, _, name = item.rpartition("/")
    if folder == "translit" or name.endswith(".dict"):
        return False
    if name.endswith(".cnv"):
        return size < _LARGE_CODE_PAGE
    if name in ("res_index.res", "pool.res"):
        return True
    return bool(_KEPT_LOCALE.match(name)) if _LOCALE.match(name) else True


def table_of_contents(package: bytes) -> tuple[str, dict[str, int]]:
    """An ICU common data package's prefix ("icudt73l") and its items with their sizes.

    The layout (ICU's udata.cpp): a header of `header size` bytes, then the item count and per item the offset
    of its name and of its data, both from the start of the table."""
    header_size, = struct.unpack_from("<H", package, 0)
    if package[2:4] != b"\xda\x27" or package[12:16] != b"CmnD":
        raise ValueError("not an ICU common data package")
    count, = struct.unpack_from("<I", package, header_size)
    entries = [struct.unpack_from("<II", package, header_size + 4 + 8 * index) for index in range(count)]
    ends = [data for _, data in entries[1:]] + [len(package) - header_size]
    names = []
    for name_offset, _ in entries:
        start = header_size + name_offset
        names.append(package[start:package.index(b"\0", start)].decode("ascii"))
    prefix = names[0].split("/", 1)[0]
    return prefix, {name.split("/", 1)[1]: end - data for name, (_, data), end in zip(names, entries, ends)}


def package_in(library: Path) -> tuple[str, bytes]:
    """The data symbol's name and bytes, read from the shared library through its section table."""
    symbols = _readelf("--dyn-syms", library)
    found = re.search(r"^\s*\d+:\s+([0-9a-f]+)\s+(0x[0-9a-f]+|\d+)\s+OBJECT\s+GLOBAL\s+\S+\s+\d+\s+"
                      r"(icudt\d+_dat)$", symbols, re.MULTILINE)
    if not found:
        raise ValueError(f"{library.name} holds no ICU data symbol")
    address, size, symbol = int(found.group(1), 16), int(found.group(2), 0), found.group(3)
    for section in re.finditer(r"^\s*\[\s*\d+\]\s+\S+\s+\S+\s+([0-9a-f]+)\s+([0-9a-f]+)\s+([0-9a-f]+)",
                               _readelf("--section-headers", library), re.MULTILINE):
        start, offset, length = (int(value, 16) for value in section.groups())
        if start <= address < start + length:
            with library.open("rb") as file:
                file.seek(address - start + offset)
                return symbol, file.read(size)
    raise ValueError(f"{symbol} lies in no section of {library.name}")


def shrink(library: Path) -> tuple[int, int]:
    """Replace `library` (libicudata.so.NN) by one with the trimmed data; returns its size before and after."""
    symbol, package = package_in(library)
    prefix, items = table_of_contents(package)
    before = library.stat().st_size
    with tempfile.TemporaryDirectory(prefix="regie-icu-") as folder:
        work = Path(folder)
        (work / "full").mkdir()
        (work / "small").mkdir()
        # icupkg names the items after the file's name, so both packages keep ICU's own name.
        full, small = work / "full" / f"{prefix}.dat", work / "small" / f"{prefix}.dat"
        full.write_bytes(package)
        _remove(full, small, dropped(items), work / "dropped.txt")
        _assemble(small, symbol, library.name, library)
    return before, library.stat().st_size


def _remove(full: Path, small: Path, drop: set[str], listing: Path) -> None:
    """icupkg refuses a package in which an item lacks one it depends on. Code pages that extend a dropped one go
    too; only the line-breaking dictionaries may be missing (ICU then breaks by its rules)."""
    while True:
        listing.write_text("".join(f"{name}\n" for name in sorted(drop)), encoding="ascii")
        done = subprocess.run(["icupkg", "-r", str(listing), str(full), str(small)], capture_output=True, text=True)
        missing = _MISSING.findall(done.stdout + done.stderr)
        extensions = {item for item, needed in missing if item.endswith(".cnv") and needed in drop}
        if extensions:
            drop |= extensions
            continue
        unexpected = [f"{item} needs {needed}" for item, needed in missing if not needed.endswith(".dict")]
        if unexpected:
            raise RuntimeError("trimming ICU's data would break: " + "; ".join(unexpected))
        if missing:  # only the dictionaries: write it anyway
            done = subprocess.run(["icupkg", "--ignore-deps", "-r", str(listing), str(full), str(small)],
                                  capture_output=True, text=True)
        if done.returncode != 0 or not small.is_file():
            raise RuntimeError(f"icupkg failed: {done.stderr.strip()}")
        return


def _assemble(package: Path, symbol: str, soname: str, out: Path) -> None:
    """A shared library that holds `package` as the read-only symbol ICU looks for (16-byte aligned)."""
    source = package.with_suffix(".S")
    source.write_text(
        f"    .section .rodata\n    .globl {symbol}\n    .type {symbol}, @object\n    .balign 16\n{symbol}:\n"
        f'    .incbin "{package}"\n    .size {symbol}, . - {symbol}\n'
        '    .section .note.GNU-stack,"",@progbits\n', encoding="ascii")
    subprocess.run(["gcc", "-shared", "-nostdlib", f"-Wl,-soname,{soname}", "-Wl,-z,noexecstack", "-o", str(out),
                    str(source)], check=True)


def _readelf(option: str, path: Path) -> str:
    return subprocess.run(["readelf", option, "--wide", str(path)], capture_output=True, text=True,
                          check=True).stdout


def items_of(library: Path) -> Iterable[str]:
    """The item names in a libicudata (for tests and for looking)."""
    return table_of_contents(package_in(library)[1])[1]
