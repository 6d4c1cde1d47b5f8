#!/bin/bash
# Make a drag-to-Applications disk image of Wijkapp.app (macOS only, no extra tools).
#     bash packaging/macos/make_dmg.sh dist/Wijkapp.app dist/Wijkapp-0.1.0.dmg
# Sign and notarise the .app first for a release (packaging/README.md); the DMG itself is
# signed here when WIJKAPP_SIGN_IDENTITY is set.
set -euo pipefail
app=${1:?pad naar Wijkapp.app}
dmg=${2:?pad van de .dmg}
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
cp -R "$app" "$stage/"
ln -s /Applications "$stage/Programma's"
rm -f "$dmg"
hdiutil create -volname "Wijkapp" -srcfolder "$stage" -fs HFS+ -format UDZO -ov "$dmg"
if [ -n "${WIJKAPP_SIGN_IDENTITY:-}" ]; then
    codesign --force --sign "$WIJKAPP_SIGN_IDENTITY" --timestamp "$dmg"
fi
echo "$dmg"
