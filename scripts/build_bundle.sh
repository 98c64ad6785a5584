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
# Qt's ICU data (31 MB) cut to the locales the app speaks, root, English and Chinese (packaging/trim_icu.py says
# what is kept and why); left whole, with a line saying so, when binutils cannot do it.
for icu in "$dist"/reviewapp/_internal/PySide6/Qt/lib/libicudata.so.*; do
  if [ -f "$icu" ]; then "$py" packaging/trim_icu.py "$icu" || echo "bundle: ICU data left whole"; fi
done
# Debugging symbols (libpython, SQLAlchemy's and Pillow's extensions, … about 40 MB) are of no use to IT or the
# user: strip them. Only the debug sections, and not in the wheels' vendored `*.libs` folders: auditwheel patched
# those with patchelf, and rewriting them breaks them ("ELF load command … not page-aligned").
if command -v strip >/dev/null 2>&1 && command -v readelf >/dev/null 2>&1; then
  find "$dist/reviewapp" -type f \( -name '*.so' -o -name '*.so.*' \) -not -path '*.libs/*' -print0 |
    while IFS= read -r -d '' lib; do
      case "$(readelf -S "$lib" 2>/dev/null)" in *.debug_info*) strip --strip-debug "$lib" ;; esac
    done
fi
took=$(( $(date +%s) - start ))
size=$(du -sm "$dist/reviewapp" | cut -f1)
echo "bundle: $dist/reviewapp built in ${took} s, ${size} MB unpacked"
