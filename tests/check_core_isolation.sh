#!/usr/bin/env bash
# tests: core must stay headless — no SDL/ImGui/mpv includes, symbols or shared libraries
#
# usage: check_core_isolation.sh CORE_DIR CORE_LIBRARY.a [BINARY...]
#   (a) no file under CORE_DIR includes an SDL, ImGui or mpv header;
#   (b) CORE_LIBRARY.a references no SDL_/mpv_/ImGui symbol;
#   (c) no BINARY (unit-test executables linking only core) needs libSDL*, libmpv or an imgui library.
set -u

if [ $# -lt 2 ]; then
    echo "usage: $0 CORE_DIR CORE_LIBRARY.a [BINARY...]" >&2
    exit 2
fi
core_dir=$1
core_lib=$2
shift 2
failed=0

# (a) includes
if ! [ -d "$core_dir" ]; then
    echo "FAIL: $core_dir is not a directory" >&2
    exit 2
fi
includes=$(grep -rnE '^[[:space:]]*#[[:space:]]*include[[:space:]]*[<"](SDL|imgui|mpv/)' \
    --include='*.h' --include='*.hpp' --include='*.cpp' --include='*.cc' "$core_dir" || true)
if [ -n "$includes" ]; then
    echo "FAIL: core includes UI/media headers:" >&2
    echo "$includes" >&2
    failed=1
else
    echo "ok: no SDL/ImGui/mpv includes under $core_dir"
fi

# (b) symbols referenced by the static library
if ! [ -f "$core_lib" ]; then
    echo "FAIL: $core_lib not found" >&2
    failed=1
elif command -v nm >/dev/null 2>&1; then
    symbols=$(nm -u -C "$core_lib" 2>/dev/null | grep -E '\b(SDL_[A-Za-z]|mpv_[a-z]|ImGui::)' | sort -u || true)
    if [ -n "$symbols" ]; then
        echo "FAIL: $core_lib references UI/media symbols:" >&2
        echo "$symbols" | head -20 >&2
        failed=1
    else
        echo "ok: $(basename "$core_lib") references no SDL/mpv/ImGui symbols"
    fi
else
    echo "note: nm not available, symbol check skipped"
fi

# (c) shared libraries of the binaries
for binary in "$@"; do
    if ! [ -x "$binary" ]; then
        echo "FAIL: $binary is not an executable" >&2
        failed=1
        continue
    fi
    if ! libs=$(ldd "$binary" 2>&1); then
        echo "FAIL: ldd $binary failed: $libs" >&2
        failed=1
        continue
    fi
    bad=$(echo "$libs" | grep -iE 'libSDL|libmpv|imgui' || true)
    if [ -n "$bad" ]; then
        echo "FAIL: $(basename "$binary") links UI/media libraries:" >&2
        echo "$bad" >&2
        failed=1
    else
        echo "ok: $(basename "$binary") needs no SDL/mpv/ImGui library"
    fi
done

exit $failed
