#!/usr/bin/env bash
# Cheap proxy for the Windows release: build the Linux one-folder bundle from the SAME
# spec (packaging/panelapp.spec) and run it offscreen. Catches a missing data file or a
# hidden import long before a release; it cannot catch Windows DLL problems.
#
#   bash packaging/check-linux.sh
#
# Environment:
#   PYTHON                interpreter for the build venv (default: python3, needs >= 3.11)
#   PANELAPP_BUILD_VENV   build venv to create or reuse (default: build/venv-linux)
#   PANELAPP_KEEP_BUILD=1 keep build/linux/ afterwards (it is always kept on failure)
# Exit status: 0 when the bundle builds and passes its checks, non-zero on any failure.
# System libraries for Qt (libEGL, libxkbcommon, libfontconfig, ...) must already be there;
# .ci/run installs them.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PYTHON=${PYTHON:-python3}
VENV=${PANELAPP_BUILD_VENV:-$ROOT/build/venv-linux}
OUT=$ROOT/build/linux
DIST=$OUT/dist
APP=$DIST/panelapp/panelapp
PYINSTALLER_VERSION=6.22.3 # same as packaging/requirements-windows.txt

T0=$SECONDS
STEP_T=$SECONDS
STEP_NAME=""
TIMES=()
step() { # step "name": close the previous step's timer, start the next
    [[ -n $STEP_NAME ]] && TIMES+=("$(printf '%-28s %4ds' "$STEP_NAME" $((SECONDS - STEP_T)))")
    STEP_NAME=$1
    STEP_T=$SECONDS
    echo "== $1"
}
fail() {
    echo "check-linux: FAIL: $*" >&2
    exit 1
}

VERSION=$(sed -n 's/^__version__ *= *"\(.*\)"/\1/p' "$ROOT/src/panelapp/__init__.py")
[[ -n $VERSION ]] || fail "no __version__ in src/panelapp/__init__.py"

step "build venv"
if [[ ! -x $VENV/bin/python ]]; then
    "$PYTHON" -m venv "$VENV"
fi
mkdir -p "$OUT"
"$VENV/bin/python" -m pip install --disable-pip-version-check \
    --editable "$ROOT" "pyinstaller==$PYINSTALLER_VERSION" >"$ROOT/build/pip-linux.log" 2>&1 ||
    {
        tail -30 "$ROOT/build/pip-linux.log"
        fail "pip install into $VENV failed"
    }

step "pyinstaller"
rm -rf "$OUT"
mkdir -p "$OUT"
(cd "$ROOT" && "$VENV/bin/python" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath "$DIST" --workpath "$OUT/work" packaging/panelapp.spec) >"$OUT/pyinstaller.log" 2>&1 ||
    {
        tail -40 "$OUT/pyinstaller.log"
        fail "PyInstaller failed (log: $OUT/pyinstaller.log)"
    }
grep -E "^[0-9]+ (WARNING|ERROR)" "$OUT/pyinstaller.log" | grep -v "Library not found" | head -20 || true

step "bundle contents"
[[ -x $APP ]] || fail "no executable at $APP"
INTERNAL=$DIST/panelapp/_internal
for f in resources/schemes/pingdingshan-2024.toml resources/fonts/NotoSansSC_400Regular.ttf \
    resources/fonts/NotoSerifSC_400Regular.ttf resources/icons/panelapp.png; do
    [[ -f $INTERNAL/$f ]] || fail "missing from the bundle: $f"
done
if [[ -d $ROOT/src/panelapp/store/migrations ]]; then
    [[ -d $INTERNAL/panelapp/store/migrations ]] || fail "alembic migrations not bundled"
fi
if grep -q '"rl-accel' "$ROOT/pyproject.toml"; then
    [[ -n $(find "$INTERNAL" -maxdepth 1 -name '_rl_accel*') ]] || fail "rl-accel's _rl_accel not bundled"
fi
unwanted=$(find "$INTERNAL" \( -iname '*WebEngine*' -o -iname 'libQt6Quick*' -o -iname 'libQt6Qml*' \
    -o -iname 'libQt6Multimedia*' -o -iname 'libQt63D*' \) -print | head -5)
[[ -z $unwanted ]] || fail "unused Qt parts in the bundle: $unwanted"
echo "bundle: $(du -sh "$DIST/panelapp" | cut -f1) in $(find "$DIST/panelapp" -type f | wc -l) files"

step "run frozen app"
SANDBOX=$(mktemp -d)
trap 'rm -rf "$SANDBOX"' EXIT
# A private HOME/XDG tree: the frozen app must never touch a real user's database.
export HOME=$SANDBOX/home XDG_DATA_HOME=$SANDBOX/data XDG_CONFIG_HOME=$SANDBOX/config \
    XDG_CACHE_HOME=$SANDBOX/cache XDG_STATE_HOME=$SANDBOX/state XDG_RUNTIME_DIR=$SANDBOX/run
mkdir -p "$HOME" "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
export QT_QPA_PLATFORM=offscreen
cd "$SANDBOX" # not the source tree: the bundle must find everything itself

out=$("$APP" --version 2>&1) || fail "--version exited $?: $out"
[[ $out == "panelapp $VERSION" ]] || fail "--version printed '$out', expected 'panelapp $VERSION'"
echo "--version: $out"

help=$("$APP" --help 2>&1) || fail "--help exited $?: $help"
[[ $help == *"用法：panelapp"* && $help == *"选项："* && $help != *"usage:"* ]] || fail "--help is not Chinese: $help"

# The console twin (panelapp-cli.exe on Windows): the same program from the same spec.
CLI=$DIST/panelapp/panelapp-cli
[[ -x $CLI ]] || fail "no console twin at $CLI"
out=$("$CLI" --version 2>&1) || fail "panelapp-cli --version exited $?: $out"
[[ $out == "panelapp $VERSION" ]] || fail "panelapp-cli --version printed '$out'"
[[ -f $INTERNAL/resources/licenses/index.toml && -f $INTERNAL/resources/licenses/pyside6-essentials.txt ]] ||
    fail "licence texts not bundled"
echo "panelapp-cli --version: $out; licences bundled ($(ls "$INTERNAL/resources/licenses" | wc -l) files)"
sample=$INTERNAL/resources/samples/demo-cycle.json
if [[ -f $sample ]]; then
    "$APP" score "$sample" >"$SANDBOX/score.txt" 2>&1 || {
        cat "$SANDBOX/score.txt"
        fail "'score demo-cycle.json' exited non-zero"
    }
    echo "score demo-cycle.json: $(grep -m1 '^合计' "$SANDBOX/score.txt" || head -1 "$SANDBOX/score.txt")"
else
    echo "(no resources/samples/demo-cycle.json yet: score check skipped)"
fi

# The sign-off round trip through the frozen bundle (store + Alembic migrations, ReportLab,
# pyHanko signing and validation, pypdf, openpyxl), when the CLI has these commands.
if grep -q "export-pdf" <<<"$help" && grep -q "verify-pdf" <<<"$help" && grep -qw "import" <<<"$help" &&
    [[ -f $sample ]]; then
    db=$SANDBOX/check.db
    run_cli() { # run_cli WHAT ARGS...: the frozen app, output kept for a failure message
        local what=$1
        shift
        "$APP" "$@" >"$SANDBOX/cli.txt" 2>&1 || {
            cat "$SANDBOX/cli.txt"
            fail "$what exited non-zero"
        }
    }
    run_cli "import demo-cycle.json" import --db "$db" "$sample"
    run_cli "export-pdf --sign local" export-pdf --db "$db" --cycle 2 --sign local "$SANDBOX/sheet.pdf"
    run_cli "verify-pdf" verify-pdf --db "$db" "$SANDBOX/sheet.pdf"
    grep -q "核验通过" "$SANDBOX/cli.txt" || fail "verify-pdf did not pass: $(cat "$SANDBOX/cli.txt")"
    if grep -q "export-xlsx" <<<"$help"; then
        run_cli "export-xlsx" export-xlsx --db "$db" "$SANDBOX/annual.xlsx"
        [[ -s $SANDBOX/annual.xlsx ]] || fail "export-xlsx wrote nothing"
    fi
    echo "import → signed export-pdf ($(stat -c %s "$SANDBOX/sheet.pdf") bytes) → verify-pdf 核验通过 → export-xlsx: OK"
else
    echo "(no import/export-pdf/verify-pdf commands yet: sign-off round trip skipped)"
fi

if grep -q -- "--self-test" <<<"$help"; then
    shot=$SANDBOX/shot.png
    timeout 300 "$APP" --self-test --screenshot "$shot" >"$SANDBOX/self-test.txt" 2>&1 || {
        rc=$?
        tail -30 "$SANDBOX/self-test.txt"
        fail "--self-test exited $rc"
    }
    [[ -s $shot ]] || fail "--self-test wrote no screenshot"
    [[ $(head -c 8 "$shot" | od -An -tx1 | tr -d ' \n') == 89504e470d0a1a0a ]] ||
        fail "--self-test screenshot is not a PNG"
    # The self-test also writes its verdict next to the screenshot (a windowed exe has no console).
    [[ $(head -1 "$shot.txt" 2>/dev/null | tr -d "\r") == OK ]] || fail "--self-test result file says: $(head -3 "$shot.txt" 2>&1)"
    echo "--self-test: exit 0, result OK, screenshot $(stat -c %s "$shot") bytes"
    if [[ -n ${PANELAPP_SHOT_COPY:-} ]]; then cp "$shot" "$PANELAPP_SHOT_COPY"; fi
else
    echo "(panelapp --help lists no --self-test yet: self-test skipped)"
fi
cd "$ROOT"

step "done"
echo "check-linux: timings"
printf '  %s\n' "${TIMES[@]}"
echo "check-linux: OK (panelapp $VERSION, total $((SECONDS - T0))s)"
if [[ -z ${PANELAPP_KEEP_BUILD:-} ]]; then rm -rf "$OUT/work"; fi
