#!/bin/sh
# Install Wijkapp for this user only (no administrator needed): the program in
# ~/.local/opt/wijkapp, a menu entry, icons and the .wijkapp file type.
#     sh install.sh            install or update
#     sh install.sh --remove   remove the program (your data stays in ~/.local/share/Wijkapp)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
id=nl.wijkapp.Wijkapp
prefix=${XDG_DATA_HOME:-$HOME/.local/share}
target=$HOME/.local/opt/wijkapp
if [ "${1:-}" = "--remove" ]; then
    rm -rf "$target" "$prefix/applications/$id.desktop" "$prefix/metainfo/$id.metainfo.xml" \
        "$prefix/mime/packages/$id.mime.xml" "$HOME/.local/bin/wijkapp"
    find "$prefix/icons/hicolor" -name "$id.*" -delete 2>/dev/null || true
    echo "Wijkapp is verwijderd. Uw gegevens zijn bewaard."
    exit 0
fi
mkdir -p "$target" "$HOME/.local/bin"
rm -rf "$target/_internal"
cp -R "$here/Wijkapp" "$here/_internal" "$target/"
ln -sf "$target/Wijkapp" "$HOME/.local/bin/wijkapp"
for sub in applications metainfo mime/packages; do mkdir -p "$prefix/$sub"; done
sed "s|^Exec=Wijkapp|Exec=\"$target/Wijkapp\"|" "$here/share/applications/$id.desktop" \
    > "$prefix/applications/$id.desktop"
cp "$here/share/metainfo/$id.metainfo.xml" "$prefix/metainfo/"
cp "$here/share/mime/packages/$id.mime.xml" "$prefix/mime/packages/"
cp -R "$here/share/icons" "$prefix/"
update-mime-database "$prefix/mime" 2>/dev/null || true
update-desktop-database "$prefix/applications" 2>/dev/null || true
gtk-update-icon-cache -q "$prefix/icons/hicolor" 2>/dev/null || true
echo "Wijkapp is geïnstalleerd. U vindt het in het menu, of start: $target/Wijkapp"
