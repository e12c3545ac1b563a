"""Build Regie's Linux packages (`make package`): the PyInstaller bundle, then from it

  dist/regie_VERSION_amd64.deb               for Debian and Ubuntu: /opt/regie, `regie` and `phr` on the PATH,
                                             menu entry, AppStream metadata, icons, the .regiebackup file type
  dist/regie-VERSION-linux-x86_64.tar.gz     the same bundle for other distributions, with a README and the
                                             menu entry for those who want one

Usage: python packaging/build.py [--skip-bundle]   (--skip-bundle: package the bundle built last time)
Needs PyInstaller (the `package` extra), binutils, gcc, icupkg (icu-devtools) and dpkg-dev (dpkg-deb and
dpkg-shlibdeps): packaging/check_tools.py names and installs them.
"""

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from phr import __version__  # noqa: E402 (the repository's own phr, not an installed one)

WORK = ROOT / "build" / "package"
DIST = ROOT / "dist"
BUNDLE = WORK / "bundle" / "regie"  # what PyInstaller makes
APP_ID = "org.example.Regie"  # AppStream id: see packaging/linux/org.example.Regie.metainfo.xml
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
# Depends beside the libraries dpkg-shlibdeps finds: the time zones Python's zoneinfo reads (/usr/share/zoneinfo).
EXTRA_DEPENDS = ("tzdata",)


def deb_path(version: str = __version__) -> Path:
    return DIST / f"regie_{version}_amd64.deb"


def tarball_path(version: str = __version__) -> Path:
    return DIST / f"regie-{version}-linux-x86_64.tar.gz"


def build_bundle() -> Path:
    """PyInstaller's onedir bundle (trimmed, stripped: see regie.spec), with `phr` beside `regie`."""
    shutil.rmtree(BUNDLE, ignore_errors=True)
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
                    "--distpath", str(BUNDLE.parent), "--workpath", str(WORK / "pyinstaller"),
                    str(HERE / "regie.spec")], check=True, cwd=ROOT)
    (BUNDLE / "phr").symlink_to("regie")  # the same program: the command line's usual name
    return BUNDLE


def desktop_files(share: Path) -> None:
    """The menu entry, AppStream metadata, file type and icons under `share` (a usr/share or ~/.local/share)."""
    linux = HERE / "linux"
    _copy(linux / "regie.desktop", share / "applications" / "regie.desktop")
    _copy(linux / f"{APP_ID}.metainfo.xml", share / "metainfo" / f"{APP_ID}.metainfo.xml")
    _copy(linux / "regie-mime.xml", share / "mime" / "packages" / "regie.xml")
    hicolor = share / "icons" / "hicolor"
    for kind, name in (("apps", "regie"), ("mimetypes", "application-x-regie-backup")):
        _copy(ROOT / "resources" / "icons" / "regie.svg", hicolor / "scalable" / kind / f"{name}.svg")
        for size in ICON_SIZES:
            _copy(ROOT / "phr" / "ui" / "app" / "icons" / f"regie-{size}.png",
                  hicolor / f"{size}x{size}" / kind / f"{name}.png")


def _copy(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    target.chmod(0o644)


def deb_tree(bundle: Path, root: Path) -> Path:
    """The installed file system of the package: /opt/regie, /usr/bin links, /usr/share, DEBIAN/."""
    shutil.rmtree(root, ignore_errors=True)
    shutil.copytree(bundle, root / "opt" / "regie", symlinks=True)
    (root / "usr" / "bin").mkdir(parents=True)
    for name in ("regie", "phr"):
        (root / "usr" / "bin" / name).symlink_to(f"/opt/regie/{name}")
    desktop_files(root / "usr" / "share")
    _copy(HERE / "debian" / "copyright", root / "usr" / "share" / "doc" / "regie" / "copyright")
    _normalise_modes(root)
    debian = root / "DEBIAN"
    debian.mkdir()
    for script in ("postinst", "postrm"):
        shutil.copyfile(HERE / "debian" / script, debian / script)
        (debian / script).chmod(0o755)
    (debian / "md5sums").write_text(_md5sums(root), encoding="utf-8")
    control = (HERE / "debian" / "control.in").read_text(encoding="utf-8")
    (debian / "control").write_text(control.replace("@VERSION@", __version__)
                                    .replace("@INSTALLED_SIZE@", str(installed_kib(root)))
                                    .replace("@DEPENDS@", ", ".join(shlib_depends(root) + list(EXTRA_DEPENDS))),
                                    encoding="utf-8")
    return root


def _normalise_modes(root: Path) -> None:
    """Folders 0755, programs and libraries 0755, other files 0644 (a umask of the build must not leak in)."""
    for path in [root, *root.rglob("*")]:
        if path.is_symlink():
            continue
        executable = path.is_dir() or os.access(path, os.X_OK) or ".so" in path.name
        path.chmod(0o755 if executable else 0o644)


def _md5sums(root: Path) -> str:
    lines = []
    for path in sorted(root.rglob("*")):
        if path.is_file() and not path.is_symlink() and "DEBIAN" not in path.relative_to(root).parts:
            lines.append(f"{hashlib.md5(path.read_bytes()).hexdigest()}  {path.relative_to(root)}\n")
    return "".join(lines)


def installed_kib(root: Path) -> int:
    """dpkg's Installed-Size: KiB, each file rounded up, a folder or link counted as 1 (as dpkg-gencontrol)."""
    total = 0
    for path in root.rglob("*"):
        if "DEBIAN" in path.relative_to(root).parts:
            continue
        total += -(-path.lstat().st_size // 1024) if path.is_file() and not path.is_symlink() else 1
    return total


def shlib_depends(root: Path) -> list[str]:
    """The Debian packages of the system libraries the bundle links against, with their minimum versions, from
    dpkg-shlibdeps (libraries the bundle carries itself are found in it and need nothing)."""
    opt = root / "opt" / "regie"
    elves = [path for path in opt.rglob("*") if path.is_file() and not path.is_symlink() and _is_elf(path)]
    private = sorted({str(path.parent) for path in elves if path.name.startswith("lib")})
    scratch = WORK / "shlibdeps"
    (scratch / "debian").mkdir(parents=True, exist_ok=True)
    (scratch / "debian" / "control").write_text("Source: regie\n\nPackage: regie\nArchitecture: amd64\n",
                                                encoding="utf-8")
    output = subprocess.run(["dpkg-shlibdeps", "-O", "--ignore-missing-info", *[f"-l{folder}" for folder in private],
                             *[str(path) for path in elves]], cwd=scratch, check=True, capture_output=True,
                            text=True).stdout
    line = next(line for line in output.splitlines() if line.startswith("shlibs:Depends="))
    return [item.strip() for item in line.partition("=")[2].split(",") if item.strip()]


def _is_elf(path: Path) -> bool:
    with path.open("rb") as file:
        return file.read(4) == b"\x7fELF"


def build_deb(root: Path) -> Path:
    DIST.mkdir(exist_ok=True)
    deb_path().unlink(missing_ok=True)
    subprocess.run(["dpkg-deb", "--root-owner-group", "-Zxz", "--build", str(root), str(deb_path())], check=True,
                   stdout=subprocess.DEVNULL)
    return deb_path()


def build_tarball(bundle: Path) -> Path:
    """regie-VERSION/ with the bundle, README.txt, install-menu-entry.sh and share/ (menu entry and icons)."""
    top = WORK / "portable" / f"regie-{__version__}"
    shutil.rmtree(top.parent, ignore_errors=True)
    shutil.copytree(bundle, top, symlinks=True)
    desktop_files(top / "share")
    for name in ("README.txt", "install-menu-entry.sh"):
        shutil.copyfile(HERE / "portable" / name, top / name)
    _normalise_modes(top)
    (top / "install-menu-entry.sh").chmod(0o755)
    DIST.mkdir(exist_ok=True)
    with tarfile.open(tarball_path(), "w:gz", compresslevel=9) as archive:
        archive.add(top, arcname=top.name, filter=_owned_by_root)
    return tarball_path()


def _owned_by_root(member: tarfile.TarInfo) -> tarfile.TarInfo:
    member.uid = member.gid = 0
    member.uname = member.gname = "root"
    return member


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description="Build Regie's .deb and portable .tar.gz into dist/.")
    parser.add_argument("--skip-bundle", action="store_true", help="package the bundle built last time")
    args = parser.parse_args(argv)
    bundle = BUNDLE if args.skip_bundle else build_bundle()
    root = deb_tree(bundle, WORK / "deb" / f"regie_{__version__}_amd64")
    deb, tarball = build_deb(root), build_tarball(bundle)
    files = sum(1 for path in (root / "opt" / "regie").rglob("*") if path.is_file() and not path.is_symlink())
    print(f"{deb.relative_to(ROOT)}: {deb.stat().st_size / 1e6:.1f} MB, installs {installed_kib(root) / 1024:.1f} "
          f"MiB ({files} files in /opt/regie)")
    print(f"{tarball.relative_to(ROOT)}: {tarball.stat().st_size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
