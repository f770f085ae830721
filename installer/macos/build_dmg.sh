#!/usr/bin/env bash
# macOS: puts dist/Feedback Desk.app (made by installer/build.sh) in a compressed disk image,
# beside a link to /Applications, so that installing is dragging one onto the other:
#   dist/Feedback-Desk-<version>-macos-<arm64|x86_64>.dmg
set -euo pipefail
cd "$(dirname "$0")/../.."

app="dist/Feedback Desk.app"
[[ -d $app ]] || { echo "$app is missing: run bash installer/build.sh first (on macOS)" >&2; exit 1; }
version=$(/usr/libexec/PlistBuddy -c "Print :CFBundleShortVersionString" "$app/Contents/Info.plist")
image="dist/Feedback-Desk-$version-macos-$(uname -m).dmg"

staging=$(mktemp -d)
trap 'rm -rf "$staging"' EXIT
ditto "$app" "$staging/Feedback Desk.app"  # keeps the bundle's symlinks and signatures
ln -s /Applications "$staging/Applications"

# hdiutil now and then fails with "Resource busy" on build machines; a later try succeeds.
for attempt in 1 2 3 4 5; do
  if hdiutil create -volname "Feedback Desk" -srcfolder "$staging" -fs HFS+ -format UDZO \
    -ov "$image"; then
    hdiutil verify "$image"
    echo "Built $image"
    exit 0
  fi
  echo "hdiutil create failed (attempt $attempt); trying again" >&2
  sleep $((attempt * 5))
done
exit 1
