#!/usr/bin/env bash
# tests: `lantai pack keygen|sign|verify|install` on a built copy of valid-minimal — round trip,
# files named, real minisign both ways, tampered and downgraded packs refused, kill -9 mid-install
#
# usage: pack_signing.sh LANTAI VALID_MINIMAL_DIR [DEPLOY_README]
set -u

lantai=$1
source_pack=$2
readme=${3:-}
failures=0
fail() {
    echo "FAIL: $*" >&2
    failures=$((failures + 1))
}
ok() { echo "ok   $*"; }
check() { # check WHAT COMMAND... — the command must succeed
    local what=$1
    shift
    if "$@" >"$tmp/out" 2>&1; then ok "$what"; else fail "$what: $(tail -5 "$tmp/out")"; fi
}
refuse() { # refuse WHAT PATTERN COMMAND... — the command must fail, printing PATTERN
    local what=$1 pattern=$2
    shift 2
    if "$@" >"$tmp/out" 2>&1; then
        fail "$what: succeeded"
    elif grep -q -- "$pattern" "$tmp/out"; then
        ok "$what"
    else
        fail "$what: no \"$pattern\" in: $(tail -5 "$tmp/out")"
    fi
}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pack=$tmp/pack
cp -r "$source_pack" "$pack" && rm -rf "$pack/derived"
timeout 120 "$lantai" build "$pack" >"$tmp/build.log" 2>&1 || { echo "FAIL: build: $(tail -3 "$tmp/build.log")"; exit 1; }

# Round trip.
check "keygen" "$lantai" pack keygen --out "$tmp/keys"
[ "$(stat -c %a "$tmp/keys/lantai.key")" = 600 ] && ok "the secret key is mode 600" || fail "secret key mode"
refuse "keygen keeps an existing key" "--force" "$lantai" pack keygen --out "$tmp/keys" --lang en
check "sign" "$lantai" pack sign "$pack" --secret-key "$tmp/keys/lantai.key" --version 10
check "verify" "$lantai" pack verify "$pack" --public-key "$tmp/keys/lantai.pub"
grep -q "version 10" "$tmp/out" && ok "verify names the version" || fail "verify output: $(cat "$tmp/out")"

# Real minisign both ways.
if command -v minisign >/dev/null; then
    check "minisign -Vm verifies our signature" minisign -Vm "$pack/manifest.json" -p "$tmp/keys/lantai.pub"
    grep -q "lantai pack valid-minimal version 10" "$tmp/out" && ok "minisign shows our trusted comment" ||
        fail "trusted comment: $(cat "$tmp/out")"
    check "minisign signs with our secret key" minisign -S -s "$tmp/keys/lantai.key" -m "$tmp/keys/lantai.pub" -x "$tmp/pub.minisig"
    check "minisign -G -W makes a key" minisign -G -W -p "$tmp/m.pub" -s "$tmp/m.key"
    cp -r "$pack" "$tmp/mpack"
    check "we sign with minisign's key" "$lantai" pack sign "$tmp/mpack" --secret-key "$tmp/m.key" --version 11
    check "minisign verifies it" minisign -Vm "$tmp/mpack/manifest.json" -p "$tmp/m.pub"
    # minisign signs the manifest (prehashed, its own trusted comment): we verify.
    rm "$tmp/mpack/manifest.json.minisig"
    check "minisign -S signs our manifest" minisign -S -s "$tmp/m.key" -m "$tmp/mpack/manifest.json" -t "signed by minisign"
    check "we verify minisign's signature" "$lantai" pack verify "$tmp/mpack" --public-key "$tmp/m.pub"
    refuse "the wrong key is named" "trust.wrong_key" "$lantai" pack verify "$tmp/mpack" --public-key "$tmp/keys/lantai.pub" --lang en
else
    fail "minisign is not installed (deploy/install-deps.sh)"
fi

# Verify names every changed, missing and added file.
cp -r "$pack" "$tmp/tampered"
printf 'x' >>"$tmp/tampered/pack.json"
victim=$(cd "$tmp/tampered" && find images -type f | sort | head -1)
rm "$tmp/tampered/$victim"
echo extra >"$tmp/tampered/images/extra.txt"
"$lantai" pack verify "$tmp/tampered" --public-key "$tmp/keys/lantai.pub" --lang en >"$tmp/out" 2>&1
code=$?
[ $code = 1 ] && ok "verify of a tampered pack: exit 1" || fail "verify exit $code"
grep -q "^changed: pack.json" "$tmp/out" && grep -q "^missing: $victim" "$tmp/out" &&
    grep -q "^added: images/extra.txt" "$tmp/out" && grep -q "trust.files_changed" "$tmp/out" &&
    ok "verify names the changed, missing and added files" || fail "verify output: $(cat "$tmp/out")"
LANG=zh_CN.UTF-8 "$lantai" pack verify "$tmp/tampered" --public-key "$tmp/keys/lantai.pub" >"$tmp/out" 2>&1
grep -q "已改动：pack.json" "$tmp/out" && ok "verify speaks Chinese" || fail "zh output: $(cat "$tmp/out")"

# Install: refused packs, then a good one, a newer one, a downgrade.
state=$tmp/state
refuse "install of a tampered pack" "trust.files_changed" "$lantai" pack install "$tmp/tampered" --state-dir "$state" --public-key "$tmp/keys/lantai.pub"
[ ! -e "$state/packs/current" ] && ok "nothing installed" || fail "a tampered pack went live"
[ -z "$(ls -A "$state/packs" | grep -v '^\.install\.lock$')" ] && ok "no staging left" || fail "left: $(ls -A "$state/packs")"
cp -r "$source_pack" "$tmp/unsigned"
refuse "install of an unsigned pack" "trust.unsigned" "$lantai" pack install "$tmp/unsigned" --state-dir "$state" --public-key "$tmp/keys/lantai.pub"
check "install v10" "$lantai" pack install "$pack" --state-dir "$state" --public-key "$tmp/keys/lantai.pub"
[ "$(readlink "$state/packs/current")" = valid-minimal-10 ] && ok "current -> valid-minimal-10" || fail "current: $(readlink "$state/packs/current")"
check "install v10 again is a no-op" "$lantai" pack install "$pack" --state-dir "$state" --public-key "$tmp/keys/lantai.pub" --lang en
grep -q "already current" "$tmp/out" && ok "already current" || fail "$(cat "$tmp/out")"
cp -r "$pack" "$tmp/v12"
check "sign v12" "$lantai" pack sign "$tmp/v12" --secret-key "$tmp/keys/lantai.key" --version 12
check "install v12" "$lantai" pack install "$tmp/v12" --state-dir "$state" --public-key "$tmp/keys/lantai.pub"
cp -r "$pack" "$tmp/v11"
check "sign v11" "$lantai" pack sign "$tmp/v11" --secret-key "$tmp/keys/lantai.key" --version 11
refuse "a downgrade is refused" "trust.downgrade" "$lantai" pack install "$tmp/v11" --state-dir "$state" --public-key "$tmp/keys/lantai.pub" --lang en
[ "$(readlink "$state/packs/current")" = valid-minimal-12 ] && ok "current stays valid-minimal-12" || fail "current: $(readlink "$state/packs/current")"
grep -q '"highest_version": 12' "$state/packs/install-state.json" && ok "highest version 12 on disk" || fail "state: $(cat "$state/packs/install-state.json")"

# A pack whose content does not check out (a damaged image, re-signed) is refused after staging.
cp -r "$pack" "$tmp/badimage"
img=$(cd "$tmp/badimage" && grep -o '"images/[^"]*\.\(jpg\|png\)"' pack.json | head -1 | tr -d '"')
head -c $(($(stat -c %s "$pack/$img") / 2)) "$pack/$img" >"$tmp/badimage/$img"
check "sign a pack with a damaged image" "$lantai" pack sign "$tmp/badimage" --secret-key "$tmp/keys/lantai.key" --version 20
refuse "a damaged image is refused" "content\.\|image" "$lantai" pack install "$tmp/badimage" --state-dir "$state" --public-key "$tmp/keys/lantai.pub" --lang en
[ "$(readlink "$state/packs/current")" = valid-minimal-12 ] && ok "current stays after a refused content check" || fail "current moved"

# kill -9 at every step of an install: the old pack stays live and intact, the next install works.
version=30
for step in staging-cleaned copied checked synced moved; do
    version=$((version + 1))
    cp -r "$pack" "$tmp/v$version"
    "$lantai" pack sign "$tmp/v$version" --secret-key "$tmp/keys/lantai.key" --version $version >/dev/null
    before=$(readlink "$state/packs/current")
    rm -f "$tmp/stall.log"
    LANTAI_TEST_INSTALL_STALL_AT=$step "$lantai" pack install "$tmp/v$version" --state-dir "$state" \
        --public-key "$tmp/keys/lantai.pub" >"$tmp/stall.log" 2>&1 &
    pid=$!
    for _ in $(seq 100); do grep -qs "stalled at" "$tmp/stall.log" && break; sleep 0.1; done
    kill -9 $pid
    wait $pid 2>/dev/null
    grep -q "stalled at $step" "$tmp/stall.log" || fail "install never reached $step: $(cat "$tmp/stall.log")"
    [ "$(readlink "$state/packs/current")" = "$before" ] && ok "kill -9 after '$step': current still $before" ||
        fail "kill -9 after '$step': current is $(readlink "$state/packs/current")"
    check "kill -9 after '$step': the live pack verifies" "$lantai" pack verify "$state/packs/current" --public-key "$tmp/keys/lantai.pub"
    check "kill -9 after '$step': the next install succeeds" "$lantai" pack install "$tmp/v$version" --state-dir "$state" --public-key "$tmp/keys/lantai.pub" --keep 2
    [ "$(readlink "$state/packs/current")" = "valid-minimal-$version" ] || fail "after '$step': current $(readlink "$state/packs/current")"
    ls -A "$state/packs" | grep -q '^\.staging-' && fail "staging left after '$step'"
done
count=$(ls "$state/packs" | grep -c '^valid-minimal-')
[ "$count" -le 3 ] && ok "--keep 2 prunes old versions ($count folders: kept + last-good/current)" || fail "$(ls "$state/packs")"

# Every command of deploy/README.md "6. Signed packs", in a sandbox: ~ and /etc/lantai,
# /var/lib/lantai and /media/usb become folders here, `lantai` the built CLI.
if [ -n "$readme" ]; then
    docs=$tmp/docs
    mkdir -p "$docs/home" "$docs/etc" "$docs/var" "$docs/usb" "$docs/bin"
    cp -r "$pack" "$docs/usb/autumn-2026" && rm -f "$docs/usb/autumn-2026"/manifest.json*
    printf '#!/bin/sh\nexec "%s" "$@"\n' "$lantai" >"$docs/bin/lantai" && chmod +x "$docs/bin/lantai"
    block=$(awk '/^## 6\. Signed packs/ {s=1} s && /^```sh/ {b=1; next} b && /^```/ {exit} b {print}' "$readme")
    [ "$(printf '%s\n' "$block" | grep -c .)" -ge 4 ] && ok "README shows the signed-pack commands" || fail "no commands in $readme"
    while IFS= read -r line; do
        [ -z "$line" ] && continue
        command=$(printf '%s' "${line%%  #*}" | sed -e "s|~|$docs/home|g" -e "s|/etc/lantai|$docs/etc|g" \
            -e "s|/var/lib/lantai|$docs/var|g" -e "s|/media/usb|$docs/usb|g")
        if HOME=$docs/home PATH=$docs/bin:$PATH bash -euo pipefail -c "$command" >"$tmp/out" 2>&1; then
            ok "README: ${line%%  #*}"
        else
            fail "README: $line: $(tail -3 "$tmp/out")"
        fi
    done <<<"$block"
    [ "$(readlink "$docs/var/packs/current")" = "valid-minimal-$(sed 's/.*"version":\([0-9]*\).*/\1/' "$docs/usb/autumn-2026/manifest.json")" ] &&
        ok "README: current is the signed pack" || fail "README: current is $(readlink "$docs/var/packs/current")"
fi

[ $failures = 0 ] && echo "all passed" || echo "$failures failed"
exit $((failures > 0))
