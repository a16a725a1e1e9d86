#!/usr/bin/env bash
# tests: every `lantai` command that reads a pack or an import file meets a FIFO, a device, a
# socket or a symbolic-link loop where a regular file belongs — and answers with a message that
# names what the path really is, within seconds (a blocking open() would hit the timeout).
#
# usage: special_files.sh LANTAI PACKS_DIR
set -u
lantai=$1
packs=$2
failures=0
work=$(mktemp -d /tmp/lantai-special.XXXXXX)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

# expect RC PATTERN ARGS... — the command ends within 20 s with exit code RC and output matching PATTERN
expect() {
    local rc=$1 pattern=$2
    shift 2
    local out
    out=$(timeout 20 "$lantai" "$@" 2>&1)
    local got=$?
    if [ "$got" -eq 124 ]; then fail "lantai $* hung (killed after 20 s)"; return; fi
    if [ "$got" -ne "$rc" ]; then fail "lantai $* exited $got, expected $rc: $out"; return; fi
    if ! grep -qE -- "$pattern" <<<"$out"; then fail "lantai $* did not say /$pattern/: $out"; return; fi
    echo "ok: lantai $* -> $rc, /$pattern/"
}

fresh() { rm -rf "$work/p" && cp -r "$packs/valid-minimal" "$work/p"; }
socket_at() { python3 -c 'import socket,sys; s=socket.socket(socket.AF_UNIX); s.bind(sys.argv[1])' "$1"; }

# pack.json as a FIFO, a socket and a link loop: every command that opens a pack
for kind in fifo socket loop; do
    fresh
    rm "$work/p/pack.json"
    case $kind in
        fifo) mkfifo "$work/p/pack.json"; words='named pipe \(FIFO\)' ;;
        socket) socket_at "$work/p/pack.json"; words='a socket' ;;
        loop) ln -s pack.json "$work/p/pack.json"; words='link loop' ;;
    esac
    expect 1 "$words" validate "$work/p"
    expect 1 "$words" info "$work/p"
    expect 1 "$words" build "$work/p"
    expect 1 "$words" export web "$work/p" "$work/site"
    echo "::a::{T}" >"$work/q.gift"
    expect 1 "$words" quiz import "$work/q.gift" --format gift --into "$work/p"
done

# a device or a file given as the pack folder
expect 2 'character device, not a pack folder' validate /dev/zero
expect 2 'is a file, not a pack folder' validate "$packs/valid-minimal/pack.json"
expect 2 'does not exist' validate "$work/no-such-pack"

# a FIFO as an image, as a quiz bank: named as what they are, not "missing"
fresh
rm "$work/p/images/letter.png" && mkfifo "$work/p/images/letter.png"
expect 1 'images/letter.png.*named pipe' validate "$work/p"
expect 1 'named pipe' build "$work/p"
fresh
rm "$work/p/quiz/basics.json" && mkfifo "$work/p/quiz/basics.json"
expect 1 'quiz/basics.json.*named pipe' validate "$work/p"

# the import file itself as a FIFO or a device
fresh
mkfifo "$work/in.gift"
expect 2 'named pipe \(FIFO\)' quiz import "$work/in.gift" --format gift --into "$work/p"
expect 2 'character device' quiz import /dev/zero --format csv --into "$work/p"

if [ "$failures" -ne 0 ]; then echo "$failures failure(s)"; exit 1; fi
echo "all special-file cases answered"
