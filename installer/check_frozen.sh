#!/usr/bin/env bash
# Checks the frozen app that installer/build.sh made, as a studio's PC would run it: no Python,
# no checkout, an empty data folder. Usage: bash installer/check_frozen.sh [dist/feedback-desk]
# Linux (CI). Exit 1 at the first failure, saying which check failed.
set -euo pipefail
cd "$(dirname "$0")/.."

app_dir=$(cd "${1:-dist/feedback-desk}" && pwd)
app="$app_dir/feedback-desk"
inside="$app_dir/_internal"
max_mb=200  # the target (installer/README.md, "Size")
day=2026-11-20
work=$(mktemp -d)
window_pid=""
cleanup() {
  [[ -n $window_pid ]] && kill "$window_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

checks_passed=0
fail() {
  echo "FAILED: $*" >&2
  echo "frozen app: $checks_passed passed, 1 failed"
  exit 1
}
passed() {
  echo "ok: $*"
  checks_passed=$((checks_passed + 1))
}

# The frozen app alone: no Python on PATH, no PYTHONPATH, its own data, settings and keyring.
mkdir -p "$work/bin" "$work/home"
run() {
  env -i PATH="$work/bin" HOME="$work/home" LANG=C.UTF-8 \
    XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" XDG_CACHE_HOME="$work/cache" \
    FEEDBACK_DESK_DATA_DIR="$work/feedback-desk" FEEDBACK_DESK_LANG="${LANGUAGE_SHOWN:-en}" \
    PYTHON_KEYRING_BACKEND=keyring.backends.null.Keyring QT_QPA_PLATFORM=offscreen \
    ${LD_DEBUG:+LD_DEBUG=$LD_DEBUG} "$app" "$@"
}

[[ -x $app ]] || fail "$app is not there: run bash installer/build.sh first"

# Everything the app reads at run time is inside, where paths.resource_dir() and Alembic look.
for file in \
  feedback_desk/resources/aspects.json \
  feedback_desk/resources/templates/fr/invitation.txt \
  feedback_desk/resources/templates/en/invitation.txt \
  feedback_desk/resources/translations/generated/feedback_desk_fr.qm \
  feedback_desk/resources/translations/generated/web/fr/LC_MESSAGES/web.mo \
  feedback_desk/resources/translations/generated/export/fr/LC_MESSAGES/export.mo \
  feedback_desk/resources/translations/generated/problems/fr/LC_MESSAGES/problems.mo \
  feedback_desk/web/templates/question.html \
  feedback_desk/web/templates/answer/unavailable.html \
  feedback_desk/web/static/pages.js \
  feedback_desk/resources/icons/generated/feedback-desk-16.png \
  feedback_desk/resources/icons/generated/feedback-desk-256.png \
  feedback_desk/store/migrations/env.py \
  feedback_desk/store/migrations/versions/0001_initial_schema.py \
  PySide6/Qt/translations/qtbase_fr.qm \
  babel/locale-data/root.dat \
  babel/locale-data/fr.dat \
  babel/locale-data/fr_CA.dat \
  babel/locale-data/en.dat \
  PySide6/Qt/plugins/platforms/libqxcb.so \
  PySide6/Qt/plugins/platforms/libqwayland.so \
  PySide6/Qt/plugins/platforms/libqoffscreen.so; do
  [[ -f $inside/$file ]] || fail "$file is missing from the build"
done
# Pillow's WebP codec: clients' photos may be WebP images (services/testimonials/photos.py).
compgen -G "$inside/PIL/_webp.*" >/dev/null || fail "Pillow's WebP codec is missing from the build"
passed "resources, migrations, translations, icons and Qt's platforms are inside"

# What was left out stays out (each would add megabytes).
for unwanted in tkinter PySide6/Qt/plugins/platformthemes/libqgtk3.so \
  PySide6/Qt/translations/qtbase_de.qm matplotlib/mpl-data/sample_data \
  babel/locale-data/de.dat; do
  [[ ! -e $inside/$unwanted ]] || fail "$unwanted should not be in the build"
done
size_mb=$(du -sm "$app_dir" | cut -f1)
((size_mb <= max_mb)) || fail "the app takes $size_mb MB (at most $max_mb)"
passed "nothing unused inside; $size_mb MB in all"

started=$(date +%s%N)
run --help >"$work/help.txt" || fail "--help"
help_ms=$((($(date +%s%N) - started) / 1000000))
for command in demo import stats export screenshot kiosk config google; do
  grep -q "^    $command" "$work/help.txt" || fail "--help does not list $command"
done
run --version | grep -q "feedback-desk [0-9]" || fail "--version"
passed "--help lists every command ($help_ms ms)"

# A new store: created by the Alembic migrations inside the app.
run demo "$work/demo.sqlite" --until "$day" --clients 120 --months 4 >"$work/demo.txt" \
  || fail "demo: $(cat "$work/demo.txt")"
[[ -s $work/demo.sqlite ]] || fail "demo wrote no store"
run config studio.name --store "$work/demo.sqlite" | grep -q "Studio Élan" || fail "config"
passed "demo store written (migrations ran) and read back"

run stats --store "$work/demo.sqlite" --from 2026-09-01 --to "$day" --json >"$work/stats.json" \
  || fail "stats"
grep -Eq '"reviews": [1-9]' "$work/stats.json" || fail "stats counted no review"
run export --store "$work/demo.sqlite" --from 2026-09-01 --to "$day" "$work/report.xlsx" \
  >/dev/null || fail "export"
[[ $(head -c 2 "$work/report.xlsx") == PK ]] || fail "export wrote no workbook"
passed "stats and the Excel export"

# Headless commands load neither Qt nor matplotlib, frozen or not (tests/test_cli_basics.py):
# the dynamic loader lists every library the process loads.
LD_DEBUG=files run stats --store "$work/demo.sqlite" --from 2026-09-01 --to "$day" \
  >/dev/null 2>"$work/loaded.txt" || fail "stats with LD_DEBUG"
grep -q "libpython3" "$work/loaded.txt" || fail "LD_DEBUG listed no library"
if grep -Eq "libQt6|matplotlib/" "$work/loaded.txt"; then
  fail "a headless command loaded $(grep -Eo "(libQt6|matplotlib/)[^ ]*" "$work/loaded.txt" | head -1)"
fi
passed "headless commands load no Qt and no matplotlib"

# The real window, off screen, in each language (French needs the .qm catalogue).
for tab in overview business class google; do
  out="$work/$tab.png"
  run screenshot --store "$work/demo.sqlite" --tab "$tab" --at "${day}T17:00" --size 1000x700 \
    "$out" >"$work/shot.txt" 2>"$work/shot.err" || fail "screenshot $tab: $(cat "$work/shot.err")"
  [[ -s $work/shot.err ]] && fail "screenshot $tab said: $(cat "$work/shot.err")"
  [[ $(head -c 4 "$out" | tail -c 3) == PNG ]] || fail "screenshot $tab is not a PNG"
done
LANGUAGE_SHOWN=fr run screenshot --store "$work/demo.sqlite" --tab class --at "${day}T17:00" \
  "$work/class-fr.png" >/dev/null 2>"$work/shot.err" || fail "French screenshot: $(cat "$work/shot.err")"
passed "screenshots of every tab, in English and French"

# The window itself: it opens on the store, loads every tab, and runs until it is closed. It
# says nothing on the way; it records the store among the recent ones (QSettings) once open.
run --store "$work/demo.sqlite" --at "${day}T17:00" >"$work/window.out" 2>"$work/window.err" &
window_pid=$!
for _ in $(seq 1 120); do
  grep -rqs "demo.sqlite" "$work/config" && break
  kill -0 "$window_pid" 2>/dev/null || fail "the window quit: $(cat "$work/window.err")"
  sleep 0.5
done
grep -rqs "demo.sqlite" "$work/config" || fail "the window did not open within 60 s"
sleep 3  # the tabs load in the background; a failure there would reach the log or stderr
kill -0 "$window_pid" 2>/dev/null || fail "the window quit: $(cat "$work/window.err")"
kill "$window_pid"
wait "$window_pid" 2>/dev/null || true
window_pid=""
[[ -s $work/window.err ]] && fail "the window said: $(cat "$work/window.err")"
if grep -qs "ERROR" "$work/feedback-desk/logs/feedback-desk.log"; then
  fail "the window logged: $(cat "$work/feedback-desk/logs/feedback-desk.log")"
fi
passed "the window opened, loaded and ran quietly"

# The client pages: Flask, its templates, the French catalogue and the style sheet, served by the
# app as a tablet would ask for them (bash's /dev/tcp: no curl needed).
port=$((20000 + RANDOM % 20000))
run serve --store "$work/demo.sqlite" --host 127.0.0.1 --port "$port" >"$work/serve.out" 2>&1 &
window_pid=$!
page=""
for _ in $(seq 1 60); do
  if { exec 3<>"/dev/tcp/127.0.0.1/$port"; } 2>/dev/null; then
    printf 'GET /pair HTTP/1.0\r\nHost: 127.0.0.1\r\nAccept-Language: fr\r\n\r\n' >&3
    page=$(cat <&3)
    exec 3<&-
    break
  fi
  kill -0 "$window_pid" 2>/dev/null || fail "serve quit: $(cat "$work/serve.out")"
  sleep 0.5
done
kill "$window_pid"
wait "$window_pid" 2>/dev/null || true
window_pid=""
[[ $page == "HTTP/1.1 200"* || $page == "HTTP/1.0 200"* ]] || fail "the pairing page: ${page:0:200}"
grep -q "Jumeler cet appareil" <<<"$page" || fail "the pairing page is not in French"
passed "the client pages are served, in French"

echo "The frozen app at $app_dir passed every check in $SECONDS s."
echo "frozen app: $checks_passed passed, 0 failed"
