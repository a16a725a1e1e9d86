#!/usr/bin/env bash
# tests: deploy/nginx-lantai-web.conf and nginx-lantai-fleet.conf pass `nginx -t` inside a minimal http block (skipped without nginx)
#
# usage: nginx_config.sh NGINX SOURCE_DIR
set -eu
nginx=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mime=/etc/nginx/mime.types
[ -f "$mime" ] || mime=$(dirname "$("$nginx" -V 2>&1 | sed -n 's/.*--conf-path=\([^ ]*\).*/\1/p')")/mime.types
for conf in "$2"/deploy/nginx-lantai-web.conf "$2"/deploy/nginx-lantai-fleet.conf; do
cat >"$tmp/nginx.conf" <<CONF
pid $tmp/nginx.pid;
error_log $tmp/error.log;
events {}
http {
    include $mime;
    access_log off;
    include $conf;
}
CONF
"$nginx" -t -q -c "$tmp/nginx.conf" -p "$tmp"
echo "nginx -t: $conf is valid"
done
