#!/usr/bin/env bash
# Adds Feedback Desk to a Linux desktop's application menu: the desktop entry, the AppStream
# metainfo (software centres) and the icon at every size, under PREFIX (default ~/.local).
#
#   bash installer/linux/install_desktop_entry.sh [--prefix PREFIX] [EXECUTABLE]
#
# EXECUTABLE is what the menu starts: feedback-desk-gui (a pip install, the default) or the
# frozen app's dist/feedback-desk/feedback-desk. Remove the entry by deleting the files it lists.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
app_id=ca.feedbackdesk.FeedbackDesk
prefix="${XDG_DATA_HOME:-$HOME/.local/share}"
if [[ ${1:-} == --prefix ]]; then
  prefix="$2/share"
  shift 2
fi
executable=${1:-feedback-desk-gui}
if [[ $executable == */* ]]; then
  # An absolute path, whether or not the program is built yet (realpath -m: GNU coreutils).
  executable=$(realpath -m "$executable")
fi

install -d "$prefix/applications" "$prefix/metainfo"
sed -e "s|^Exec=.*|Exec=\"$executable\"|" -e "s|^TryExec=.*|TryExec=$executable|" \
  "$here/$app_id.desktop" >"$prefix/applications/$app_id.desktop"
install -m 644 "$here/$app_id.metainfo.xml" "$prefix/metainfo/$app_id.metainfo.xml"
echo "$prefix/applications/$app_id.desktop"
echo "$prefix/metainfo/$app_id.metainfo.xml"
for png in "$root"/resources/icons/generated/feedback-desk-*.png; do
  size=${png##*-}
  size=${size%.png}
  install -d "$prefix/icons/hicolor/${size}x${size}/apps"
  install -m 644 "$png" "$prefix/icons/hicolor/${size}x${size}/apps/$app_id.png"
  echo "$prefix/icons/hicolor/${size}x${size}/apps/$app_id.png"
done
install -d "$prefix/icons/hicolor/scalable/apps"
install -m 644 "$root/resources/icons/feedback-desk.svg" "$prefix/icons/hicolor/scalable/apps/$app_id.svg"
echo "$prefix/icons/hicolor/scalable/apps/$app_id.svg"
