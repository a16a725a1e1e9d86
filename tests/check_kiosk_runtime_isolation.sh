#!/usr/bin/env bash
# tests: the kiosk runtime stays SDL-free — no SDL/mpv includes, symbols or shared libraries
#
# usage: check_kiosk_runtime_isolation.sh [--sources DIR]... [--library LIB.a]... [--binary BIN]...
#   (a) no file under a DIR includes an SDL or mpv header;
#   (b) no LIB.a references an SDL_ or mpv_ symbol (nm -u: what its objects need from elsewhere);
#   (c) no BIN (linking the runtime without the platform) needs libSDL* or libmpv.
# Each violation prints a line starting with "FAIL:"; the exit status is 1 when there was one.
set -u

sources=()
libraries=()
binaries=()
while [ $# -gt 0 ]; do
    case "$1" in
    --sources) sources+=("$2"); shift 2 ;;
    --library) libraries+=("$2"); shift 2 ;;
    --binary) binaries+=("$2"); shift 2 ;;
    *) echo "usage: $0 [--sources DIR]... [--library LIB.a]... [--binary BIN]..." >&2; exit 2 ;;
    esac
done
if [ ${#sources[@]} -eq 0 ] && [ ${#libraries[@]} -eq 0 ] && [ ${#binaries[@]} -eq 0 ]; then
    echo "usage: $0 [--sources DIR]... [--library LIB.a]... [--binary BIN]..." >&2
    exit 2
fi
failed=0

# (a) includes
for dir in "${sources[@]}"; do
    if ! [ -d "$dir" ]; then
        echo "FAIL: $dir is not a directory"
        failed=1
        continue
    fi
    includes=$(grep -rnE '^[[:space:]]*#[[:space:]]*include[[:space:]]*[<"](SDL|mpv/)' \
        --include='*.h' --include='*.hpp' --include='*.cpp' --include='*.cc' "$dir" || true)
    if [ -n "$includes" ]; then
        echo "FAIL: $dir includes SDL/mpv headers:"
        echo "$includes"
        failed=1
    else
        echo "ok: no SDL/mpv includes under $dir"
    fi
done

# (b) symbols the static libraries need
if [ ${#libraries[@]} -gt 0 ] && ! command -v nm >/dev/null 2>&1; then
    echo "FAIL: nm (binutils) is needed for the symbol check"
    failed=1
    libraries=()
fi
for lib in "${libraries[@]}"; do
    if ! [ -f "$lib" ]; then
        echo "FAIL: $lib not found"
        failed=1
        continue
    fi
    if ! undefined=$(nm -u "$lib" 2>&1); then
        echo "FAIL: nm -u $lib failed: $undefined"
        failed=1
        continue
    fi
    symbols=$(echo "$undefined" | grep -oE '\b(SDL_[A-Za-z0-9_]+|mpv_[a-z0-9_]+)' | sort -u || true)
    count=$(echo "$undefined" | grep -c ' U ' || true)
    if [ "$count" -eq 0 ]; then
        echo "FAIL: nm -u lists no undefined symbol in $lib: nothing was checked"
        failed=1
    elif [ -n "$symbols" ]; then
        echo "FAIL: $(basename "$lib") references SDL/mpv symbols:"
        echo "$symbols" | head -20
        failed=1
    else
        echo "ok: $(basename "$lib") references no SDL_/mpv_ symbol ($count undefined symbols checked)"
    fi
done

# (c) shared libraries of the binaries
for binary in "${binaries[@]}"; do
    if ! [ -x "$binary" ]; then
        echo "FAIL: $binary is not an executable"
        failed=1
        continue
    fi
    if ! libs=$(ldd "$binary" 2>&1); then
        echo "FAIL: ldd $binary failed: $libs"
        failed=1
        continue
    fi
    bad=$(echo "$libs" | grep -iE 'libSDL|libmpv' || true)
    if [ -n "$bad" ]; then
        echo "FAIL: $(basename "$binary") links SDL/mpv libraries:"
        echo "$bad"
        failed=1
    else
        echo "ok: $(basename "$binary") needs no SDL/mpv library"
    fi
done

exit $failed
