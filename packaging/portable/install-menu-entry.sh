#!/bin/sh
# Put Regie (this folder) in your desktop's menu, and let a double-click on a .regiebackup file open it:
# the menu entry, the file type and the icon go to ~/.local/share. `--remove` takes them away again.
# Only those files are written or removed: records, backups and settings are never touched.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
entry="$data/applications/regie.desktop"
mime="$data/mime/packages/regie.xml"

refresh() {
    command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$data/applications" || true
    command -v update-mime-database >/dev/null 2>&1 && update-mime-database "$data/mime" || true
    command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$data/icons/hicolor" || true
}

if [ "${1:-}" = "--remove" ]; then
    rm -f "$entry" "$mime"
    find "$data/icons/hicolor" -name 'regie.*' -o -name 'application-x-regie-backup.*' 2>/dev/null | while read -r icon; do
        rm -f "$icon"
    done
    refresh
    echo "Regie is no longer in the menu. This folder and your records are still there."
    exit 0
fi

mkdir -p "$data/applications" "$data/mime/packages"
sed -e "s|^Exec=regie |Exec=\"$here/regie\" |" -e "s|^TryExec=regie$|TryExec=$here/regie|" \
    "$here/share/applications/regie.desktop" > "$entry"
cp "$here/share/mime/packages/regie.xml" "$mime"
(cd "$here/share" && find icons -type f) | while read -r icon; do
    mkdir -p "$data/$(dirname "$icon")"
    cp "$here/share/$icon" "$data/$icon"
done
refresh
echo "Regie is in the menu now (it starts $here/regie)."
