#!/usr/bin/env bash
# Build the one-folder bundle with PyInstaller (packaging/reviewapp.spec) and report its size and build time.
#
#     scripts/build_bundle.sh [DIST_DIR]     # default: dist/ → dist/reviewapp/reviewapp
#
# PyInstaller comes from the optional extra "build" (pip install -e ".[build]"); it is installed into .venv
# when missing. Exit 3 (with a clear line) when it cannot be installed, e.g. without network.
set -euo pipefail
cd "$(dirname "$0")/.."
dist=${1:-dist}
work=${BUNDLE_WORK_DIR:-build/pyinstaller}
py=.venv/bin/python
if ! "$py" -c 'import PyInstaller' >/dev/null 2>&1; then
  echo "installing PyInstaller (the \"build\" extra)"
  if ! .venv/bin/pip install -q -e ".[build]" >/dev/null 2>&1; then
    echo "bundle: SKIPPED — PyInstaller could not be installed (no network or no wheel for this Python)"
    exit 3
  fi
fi
start=$(date +%s)
"$py" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath "$dist" --workpath "$work" packaging/reviewapp.spec
took=$(( $(date +%s) - start ))
size=$(du -sm "$dist/reviewapp" | cut -f1)
echo "bundle: $dist/reviewapp built in ${took} s, ${size} MB unpacked"
