#!/usr/bin/env bash
# Builds the desktop app with PyInstaller from installer/feedback-desk.spec:
#   dist/feedback-desk/            the one-folder app (every system)
#   dist/Feedback Desk.app         the macOS bundle (on macOS)
# Uses PYTHON (default: .venv's, made if missing) and installs the build tools into it
# (pip install -e '.[build,postgres]': PyInstaller, Pillow, and the PostgreSQL driver the app ships).
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ -z ${PYTHON:-} ]]; then
  [[ -d .venv ]] || python3 -m venv .venv
  PYTHON=.venv/bin/python
  [[ -x $PYTHON ]] || PYTHON=.venv/Scripts/python.exe  # a Windows venv
fi
"$PYTHON" -m pip install -q -e '.[build,postgres]'
# The icons are generated files: refuse to ship a set made from an older SVG.
"$PYTHON" scripts/make_icons.py --check

started=$SECONDS
"$PYTHON" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller installer/feedback-desk.spec
echo "Built dist/feedback-desk in $((SECONDS - started)) s: $(du -sh dist/feedback-desk | cut -f1)"
