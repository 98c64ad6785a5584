#!/usr/bin/env bash
# Smoke-test the built bundle (scripts/build_bundle.sh) as IT would after unpacking it on a clean machine:
# `--help`, demo data written and imported headless, the case list read back, a scanned page read by OCR, and the
# GUI started offscreen (it must come up and stay up, with no crash report). Nothing from the source tree or .venv
# is used.
#
#     scripts/smoke_bundle.sh [DIST_DIR]      # default: dist/ (the executable is DIST_DIR/reviewapp/reviewapp)
set -euo pipefail
cd "$(dirname "$0")/.."
dist=${1:-dist}
exe="$(cd "$dist/reviewapp" && pwd)/reviewapp"
[ -x "$exe" ] || { echo "smoke: no executable at $exe (run scripts/build_bundle.sh first)"; exit 1; }
work=$(mktemp -d)
gui_pid=""
cleanup() {
  if [ -n "$gui_pid" ]; then kill "$gui_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
# A clean machine: its own data folder, no database or settings of this one, no Python of ours on the path.
export REVIEWAPP_DATA_DIR="$work/data" QT_QPA_PLATFORM=offscreen HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config"
unset REVIEWAPP_DB PYTHONPATH VIRTUAL_ENV
mkdir -p "$HOME"
cd "$work"
db="$work/smoke.sqlite3"
step() { echo "smoke: $*"; }
run() { timeout 300 "$exe" "$@"; }

step "--help"
run --help >help.txt
grep -q "用法" help.txt || { cat help.txt; echo "smoke: --help printed no usage"; exit 1; }

step "demo data (written by the bundle)"
run demo --cases 20 --out "$work/demo" >demo.txt 2>&1 || { cat demo.txt; exit 1; }
workbook=$(find "$work/demo" -maxdepth 1 -name '*.xlsx' | head -1)
[ -f "$workbook" ] || { echo "smoke: the demo wrote no workbook"; exit 1; }

step "first administrator and a headless import (the export and its dossier folder)"
export REVIEWAPP_NEW_PASSWORD="smoke-test-2026" REVIEWAPP_USER=smoke REVIEWAPP_PASSWORD="smoke-test-2026"
run --db "$db" people add 冒烟测试 --login smoke --role 系统管理员 --role 评查管理员 --scope province \
  --unit 演示市人民检察院 >/dev/null
run --db "$db" import "$workbook" >import.txt 2>&1 || { cat import.txt; exit 1; }
run --db "$db" cases >cases.txt
echo "smoke: the case list ends with: $(tail -1 cases.txt)"
[ "$(wc -l <cases.txt)" -gt 10 ] || { cat cases.txt; echo "smoke: no cases after the import"; exit 1; }

step "OCR of a scanned dossier page (RapidOCR, with the NumPy stand-in for OpenCV that the bundle ships)"
if [ ! -d "$(dirname "$exe")/_internal/rapidocr_onnxruntime" ]; then
  echo "smoke: skipped, a build without OCR (REVIEWAPP_BUNDLE_OCR=0)"
else
  # The demo's scanned pages are JPEG pictures (DCTDecode) inside an otherwise text PDF; its folder is the case.
  scanned=$(grep -rla DCTDecode "$work/demo" | head -1 || true)
  [ -n "$scanned" ] || { echo "smoke: the demo wrote no scanned page"; exit 1; }
  case_no=$(basename "$(dirname "$scanned")")
  run --db "$db" dossier scan "$case_no" --json >scan.json 2>scan.err || { cat scan.err scan.json; exit 1; }
  grep -Eq '"(ocr|reused)": [1-9]' scan.json || { cat scan.json; echo "smoke: no page was read by OCR"; exit 1; }
  run --db "$db" dossier text "$case_no" >text.txt
  ocr_text=$(awk '/\(ocr\)】$/ {p = 1; next} /^【/ {p = 0} p' text.txt)
  [ "$(printf %s "$ocr_text" | wc -m)" -ge 20 ] || { cat text.txt; echo "smoke: OCR gave no text"; exit 1; }
  echo "smoke: OCR read $(printf %s "$ocr_text" | wc -m) characters from a scanned page of $case_no"
fi

step "the GUI starts offscreen (login dialog) and stays up"
"$exe" --db "$db" >gui.txt 2>&1 &
gui_pid=$!
sleep 12
if ! kill -0 "$gui_pid" 2>/dev/null; then
  cat gui.txt; echo "smoke: the GUI exited early"; exit 1
fi
kill "$gui_pid"; wait "$gui_pid" 2>/dev/null || true; gui_pid=""
if ls "$REVIEWAPP_DATA_DIR"/logs/crash-* >/dev/null 2>&1; then
  echo "smoke: a crash report was written"; cat "$REVIEWAPP_DATA_DIR"/logs/crash-*; exit 1
fi
echo "smoke: passed ($(du -sm "$(dirname "$exe")" | cut -f1) MB unpacked)"
