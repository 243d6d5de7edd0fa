#!/usr/bin/env bash
# Regenerate the Qt translation catalogue of the window from the sources:
#   resources/i18n/panelapp_zh_CN.ts  (pyside6-lupdate over src/panelapp/ui)
#   resources/i18n/panelapp_zh_CN.qm  (pyside6-lrelease)
#
# Simplified Chinese is the source language, so panelapp_zh_CN.ts is an identity
# catalogue: every new entry gets its source text as translation. For a future
# language, copy it to panelapp_<lang>.ts, set language="<lang>", translate the
# entries (Qt Linguist: pyside6-linguist), add the file to LANGUAGES below and rerun.
#
# Usage: tools/update_translations.sh   (run after changing any UI text; the test
# tests/ui/test_i18n.py fails while the .ts is out of date)
# The pyside6-* tools are taken from $PYSIDE6_BIN, else next to the venv's python, else PATH.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-}
if [[ -z "$PYTHON" ]]; then
    for candidate in .venv/bin/python ../main/.venv/bin/python "$(command -v python3 || true)"; do
        if [[ -n "$candidate" && -x "$candidate" ]] && "$candidate" -c "import PySide6" 2>/dev/null; then
            PYTHON=$candidate
            break
        fi
    done
fi
BIN=${PYSIDE6_BIN:-$(dirname "$PYTHON")}
LUPDATE=$BIN/pyside6-lupdate
LRELEASE=$BIN/pyside6-lrelease
[[ -x "$LUPDATE" ]] || LUPDATE=$(command -v pyside6-lupdate)
[[ -x "$LRELEASE" ]] || LRELEASE=$(command -v pyside6-lrelease)

OUT=resources/i18n
LANGUAGES=(zh_CN)
mapfile -t SOURCES < <(find src/panelapp/ui -name '*.py' | LC_ALL=C sort)

for lang in "${LANGUAGES[@]}"; do
    ts=$OUT/panelapp_$lang.ts
    "$LUPDATE" "${SOURCES[@]}" -ts "$ts" -source-language zh_CN -target-language "$lang" \
        -no-obsolete -locations relative
    if [[ $lang == zh_CN ]]; then
        # Identity catalogue: an unfinished entry's translation is its source text
        # (lupdate pre-fills a text already translated in another context; that counts too).
        "$PYTHON" - "$ts" <<'PY'
import re, sys
from pathlib import Path

path = Path(sys.argv[1])
text = path.read_text("utf-8")
pattern = re.compile(
    r"(<source>([^<]*)</source>(?:\s*<(?:extra|translator)?comment>[^<]*</(?:extra|translator)?comment>)*\s*)"
    r'<translation type="unfinished">\s*(?:\2\s*)?</translation>',  # empty, or lupdate's same-text guess
)
text, n = pattern.subn(lambda m: f"{m.group(1)}<translation>{m.group(2)}</translation>", text)
path.write_text(text, "utf-8")
print(f"    {n} new identity translation(s) in {path}")
PY
    fi
    "$LRELEASE" "$ts" -qm "$OUT/panelapp_$lang.qm"
done
