#!/usr/bin/env bash
# tests/deploy: the Debian package — `cpack -G DEB` in the build folder, then its file list,
# conffiles, control fields (Depends computed by dpkg-shlibdeps), maintainer scripts, the
# installed kiosk.toml read by the kiosk, and lintian (errors fail; warnings are listed)
# Usage: check_package.sh BUILD_DIR KIOSK LANTAI SOURCE_DIR EVENT_DB_GEN
set -uo pipefail
build=$1
kiosk=$2
lantai=$3
src=$4
gen=$5
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail=0
ok() { echo "ok   $*"; }
bad() { echo "FAIL $*"; fail=1; }

start=$(date +%s.%N)
if ! (cd "$build" && cpack -G DEB -B "$work/out" >"$work/cpack.log" 2>&1); then
  tail -30 "$work/cpack.log"; bad "cpack -G DEB failed"; exit 1
fi
deb=$(ls "$work"/out/lantai_*.deb 2>/dev/null | head -1)
[[ -f $deb ]] || { cat "$work/cpack.log"; bad "no lantai_*.deb in $work/out"; exit 1; }
ok "cpack -G DEB: $(basename "$deb"), $(( $(stat -c %s "$deb") / 1048576 )) MB in $(awk -v a="$(date +%s.%N)" -v b="$start" 'BEGIN { printf "%.1f", a - b }') s"

# ---- files ----------------------------------------------------------------------------------
dpkg-deb -c "$deb" | awk '{print $NF}' | sed 's|^\./|/|' > "$work/files"
for f in /usr/bin/lantai /usr/bin/lantai-kiosk /usr/bin/lantai-editor /usr/bin/lantai-sync \
         /usr/share/lantai/themes/red-archive.json /usr/share/lantai/themes/high-contrast.json \
         /usr/share/lantai/packs/demo/pack.json /usr/share/lantai/packs/demo/derived/index.json \
         /usr/share/lantai/schema/pack.schema.json /usr/share/lantai/schema/FORMAT.md \
         /etc/lantai/kiosk.toml /etc/pam.d/lantai-kiosk \
         /lib/systemd/system/lantai-kiosk.service /lib/systemd/system/lantai-kiosk-last-good.service \
         /lib/systemd/system/lantai-kiosk-out-of-service.service \
         /lib/systemd/system/lantai-sync.service /lib/systemd/system/lantai-sync.timer \
         /usr/lib/sysusers.d/lantai.conf /usr/lib/tmpfiles.d/lantai.conf \
         /usr/share/doc/lantai/copyright /usr/share/doc/lantai/changelog.gz \
         /usr/share/doc/lantai/README.deploy.md /usr/share/doc/lantai/examples/kiosk.example.toml \
         /usr/share/doc/lantai/examples/nginx-lantai-fleet.conf; do
  grep -qx -- "$f" "$work/files" && ok "ships $f" || bad "does not ship $f"
done
if grep -E '^/(usr/local|srv|var|home|opt|tmp)/' "$work/files" | head -3 | grep -q .; then
  bad "ships files where a package must not: $(grep -E '^/(usr/local|srv|var|home|opt|tmp)/' "$work/files" | head -3 | tr '\n' ' ')"
else
  ok "nothing under /usr/local, /srv, /var, /home, /opt, /tmp (state is made by tmpfiles.d)"
fi
dpkg-deb -x "$deb" "$work/root"
for b in lantai lantai-kiosk lantai-editor lantai-sync; do
  if file "$work/root/usr/bin/$b" | grep -q 'not stripped'; then bad "/usr/bin/$b is not stripped"; else ok "/usr/bin/$b is stripped"; fi
done

# ---- control ----------------------------------------------------------------------------------
dpkg-deb -e "$deb" "$work/control"
depends=$(dpkg-deb -f "$deb" Depends)
echo "     Depends: $depends"
[[ -n $depends ]] || bad "Depends is empty"
for d in libc6 libsdl2-2.0-0 libmpv2 libsystemd0 libsqlite3-0 libcurl4 cage systemd fonts-noto-cjk; do
  grep -qE "(^|, )$d( |,|$)" <<<"$depends" && ok "Depends names $d" || bad "Depends lacks $d"
done
[[ $(dpkg-deb -f "$deb" Package) == lantai ]] && ok "Package: lantai" || bad "Package is not lantai"
[[ $(dpkg-deb -f "$deb" Architecture) == "$(dpkg --print-architecture)" ]] && ok "Architecture: $(dpkg --print-architecture)" || bad "wrong Architecture"
[[ -n $(dpkg-deb -f "$deb" Maintainer) && -n $(dpkg-deb -f "$deb" Description) ]] && ok "Maintainer and Description set" || bad "Maintainer or Description missing"
printf '/etc/lantai/kiosk.toml\n/etc/pam.d/lantai-kiosk\n' | diff - "$work/control/conffiles" >/dev/null \
  && ok "conffiles: /etc/lantai/kiosk.toml and /etc/pam.d/lantai-kiosk" || bad "conffiles: $(cat "$work/control/conffiles" 2>/dev/null)"
grep -q "deb-systemd-helper enable 'lantai-kiosk.service'" "$work/control/postinst" && ok "postinst enables lantai-kiosk.service with deb-systemd-helper" || bad "postinst does not enable the service"
grep -q "systemd-sysusers lantai.conf" "$work/control/postinst" && ok "postinst creates the lantai user (sysusers.d)" || bad "postinst: no systemd-sysusers"
if grep -nE 'rm .*(/var/lib/lantai|lantai\.sqlite)|deluser|userdel' "$work/control/postrm" "$work/control/prerm"; then
  bad "a maintainer script deletes the statistics or the user"
else
  ok "no maintainer script deletes /var/lib/lantai or the lantai user (purge keeps the statistics)"
fi
for s in postinst prerm postrm; do
  sh -n "$work/control/$s" && [[ -x $work/control/$s ]] && ok "$s is an executable sh script" || bad "$s: syntax or mode"
done

# ---- the installed configuration, as the kiosk reads it -----------------------------------------
toml=$work/root/etc/lantai/kiosk.toml
if out=$("$kiosk" --config "$toml" --print-config 2>&1); then
  grep -q 'path = "/var/lib/lantai/packs/current"' <<<"$out" && ok "kiosk.toml: pack.path is /var/lib/lantai/packs/current" || bad "kiosk.toml pack.path: $(grep 'path =' <<<"$out" | head -2)"
  grep -q 'state_dir = "/var/lib/lantai"' <<<"$out" && ok "kiosk.toml: state_dir is /var/lib/lantai" || bad "kiosk.toml state_dir"
else
  bad "lantai-kiosk --config <installed kiosk.toml> --print-config: $out"
fi
grep -q '^L /var/lib/lantai/packs/current .* /usr/share/lantai/packs/demo$' "$work/root/usr/lib/tmpfiles.d/lantai.conf" \
  && ok "tmpfiles.d: packs/current starts as the installed demo pack" || bad "tmpfiles.d: no packs/current link"

# ---- lintian ------------------------------------------------------------------------------------
if command -v lintian >/dev/null; then
  lintian --no-tag-display-limit "$deb" > "$work/lintian" 2>&1
  errors=$(grep -c '^E:' "$work/lintian")
  warnings=$(grep -c '^W:' "$work/lintian")
  grep -E '^[EW]:' "$work/lintian" | sed 's/^/     /'
  [[ $errors -eq 0 ]] && ok "lintian: no errors ($warnings warnings, listed above)" || bad "lintian: $errors errors"
else
  echo "     lintian is not installed (deploy/install-deps.sh installs it): not run"
fi

# ---- deploy/README.md's booth commands, in a sandbox ---------------------------------------------
python3 "$src/tests/deploy/readme_commands.py" "$src/deploy/README.md" "$deb" "$lantai" "$src/tests/packs/valid-minimal" "$gen" || fail=1
exit $fail
