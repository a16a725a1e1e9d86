#!/usr/bin/env python3
# tests/deploy: the real nginx serving deploy/nginx-lantai-fleet.conf on 127.0.0.1 — a non-root
# process with its own prefix, temp folders and an access log the tests count requests in
"""Used by tests/deploy/fleet_sync.py and tests/bench/sync_bench.py.

    origin = FleetOrigin(NGINX, SOURCE_DIR, work)   # work/site (the channel), work/reports (PUTs)
    origin.start(); ... origin.requests() -> [Request(method, uri, status, sent, length, range)]
    origin.stop()

The site is the deploy example with its folders, port and password file replaced and `listen
[::]` dropped; nothing else changes, so the tests exercise the example an archive installs."""
import base64, collections, hashlib, os, pwd, re, socket, subprocess, time

Request = collections.namedtuple("Request", "method uri status sent length range")
BOOTH_USER, BOOTH_PASSWORD = "booth", "s3cret-booth"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class FleetOrigin:
    def __init__(self, nginx, source_dir, work):
        self.nginx, self.work = nginx, work
        self.site, self.reports = os.path.join(work, "site"), os.path.join(work, "reports")
        self.prefix = os.path.join(work, "nginx")
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self.report_url = f"http://{BOOTH_USER}:{BOOTH_PASSWORD}@127.0.0.1:{self.port}/reports/"
        self.log = os.path.join(self.prefix, "access.log")
        for d in (self.site, self.reports, self.prefix, os.path.join(self.prefix, "body")):
            os.makedirs(d, exist_ok=True)
        example = open(os.path.join(source_dir, "deploy/nginx-lantai-fleet.conf"), encoding="utf-8").read()
        site = (example.replace("listen 80;", f"listen 127.0.0.1:{self.port};")
                .replace("listen [::]:80;", "")
                .replace("/srv/lantai/fleet", work)
                .replace("/etc/nginx/lantai-booths.htpasswd", os.path.join(self.prefix, "booths.htpasswd")))
        assert site.count(work) >= 2 and str(self.port) in site, "the deploy example's folders moved"
        with open(os.path.join(self.prefix, "site.conf"), "w", encoding="utf-8") as f:
            f.write(site)
        sha = base64.b64encode(hashlib.sha1(BOOTH_PASSWORD.encode()).digest()).decode()
        with open(os.path.join(self.prefix, "booths.htpasswd"), "w") as f:
            f.write(f"{BOOTH_USER}:{{SHA}}{sha}\n")
        mime = "/etc/nginx/mime.types"
        with open(os.path.join(self.prefix, "nginx.conf"), "w", encoding="utf-8") as f:
            f.write(f"""daemon off;
pid {self.prefix}/nginx.pid;
error_log {self.prefix}/error.log;
events {{ worker_connections 64; }}
http {{
    include {mime};
    log_format fleet '$request_method $uri $status $bytes_sent $request_length "$http_range"';
    access_log {self.log} fleet;
    client_body_temp_path {self.prefix}/body;
    proxy_temp_path {self.prefix}/body;
    fastcgi_temp_path {self.prefix}/body;
    uwsgi_temp_path {self.prefix}/body;
    scgi_temp_path {self.prefix}/body;
    include {self.prefix}/site.conf;
}}
""")
        self.proc = None

    def start(self):
        cmd = [self.nginx, "-c", os.path.join(self.prefix, "nginx.conf"), "-p", self.prefix]
        if os.geteuid() == 0:  # never as root: the unprivileged user nobody, like a hosting account
            nobody = pwd.getpwnam("nobody")
            for root, dirs, files in os.walk(self.work):
                for name in [root] + [os.path.join(root, n) for n in dirs + files]:
                    os.chown(name, nobody.pw_uid, nobody.pw_gid, follow_symlinks=False)
            os.chmod(self.work, 0o755)
            cmd = ["setpriv", "--reuid", "nobody", "--regid", "nogroup", "--clear-groups", "--"] + cmd
        self.proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        for _ in range(200):
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return
            except OSError:
                if self.proc.poll() is not None:
                    raise RuntimeError("nginx did not start: " + self.proc.stderr.read().decode())
                time.sleep(0.02)
        raise RuntimeError("nginx does not listen on port %d" % self.port)

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(timeout=10)

    def requests(self):
        """Every request so far (nginx writes each line when the request ends)."""
        out = []
        if os.path.exists(self.log):
            for line in open(self.log, encoding="utf-8"):
                m = re.match(r'(\S+) (\S+) (\d+) (\d+) (\d+) "(.*)"', line)
                if m:
                    out.append(Request(m[1], m[2], int(m[3]), int(m[4]), int(m[5]), m[6]))
        return out

    def mark(self):
        """Position for since(): requests logged after this call."""
        return len(self.requests())

    def since(self, mark):
        return self.requests()[mark:]
