#!/usr/bin/env python3
"""Load-benchmark driver for integration-sandbox (stdlib only; called by bench/run).

Phases: machine facts -> sandbox start-up time (fresh starts) -> start ceiling, sandbox and
WireMock -> ROUNDS rounds of every case (round-robin over servers, warm-up then measured wrk)
-> sustained load on a fresh sandbox and its RSS -> markdown report with targets.

Everything it starts runs in its own process group, listed in <workdir>/pids, and is stopped on
exit (normal, error, Ctrl-C or SIGTERM). bench/run also kills whatever is left in that file.
"""

import base64
import datetime as dt
import glob
import hashlib
import http.client
import json
import os
import re
import shlex
import signal
import socket
import statistics
import subprocess
import sys
import time

BENCH = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ROOT = os.path.dirname(BENCH)

TICKETS_INFO = "/v2/btg-tickets/customers/tickets/info"
HEALTH = "/__sandbox/health"
BTG_CLIENT = ("sandbox-btg", "sandbox-btg-secret")
SUSTAIN_CASES = ("sandbox btg create-ticket", "sandbox btg tickets/info")


def env_int(name, default):
    return int(os.environ.get(name, default))


def env_float(name, default):
    return float(os.environ.get(name, default))


CFG = {
    "rounds": env_int("ROUNDS", 3),
    "warmup": env_int("WARMUP_SECONDS", 5),
    "duration": env_int("DURATION_SECONDS", 10),
    "threads": env_int("WRK_THREADS", 1),
    "connections": env_int("WRK_CONNECTIONS", 32),
    "sustain": env_int("SUSTAIN_SECONDS", 60),
    "startup_runs": env_int("STARTUP_RUNS", 3),
    "startup_timeout": env_float("STARTUP_TIMEOUT_SECONDS", 30),
    # The sandbox's recommended flags (README), also given to the ceiling so that both Vert.x
    # servers run alike. WireMock keeps every request in its journal by default, unbounded, and
    # needs a larger heap to last a measured run; JVM_OPTS overrides all three at once.
    "jvm_opts": os.environ.get("JVM_OPTS", ""),
    "sandbox_jvm_opts": os.environ.get(
        "SANDBOX_JVM_OPTS", "-Xms64m -Xmx160m -XX:MaxGCPauseMillis=5"),
    "wiremock_jvm_opts": os.environ.get("WIREMOCK_JVM_OPTS", "-Xms128m -Xmx512m"),
    "ceiling_instances": os.environ.get("CEILING_INSTANCES", str(os.cpu_count() or 1)),
    "cases": os.environ.get("CASES", ""),
    "max_startup_ms": env_float("MAX_STARTUP_MS", 1200),
    "max_rss_mb": env_float("MAX_RSS_MB", 300),
    "sandbox_args": os.environ.get("SANDBOX_ARGS", ""),
    # set by bench/run
    "jar": os.environ.get("BENCH_JAR", ""),
    "wiremock_jar": os.environ.get("BENCH_WIREMOCK_JAR", ""),
    "workdir": os.environ.get("BENCH_WORKDIR", ""),
    "stamp": os.environ.get("BENCH_STAMP", ""),
}


def log(msg):
    print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


# --------------------------------------------------------------------------- processes

PROCS = []  # (name, Popen)


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def sandbox_cwd():
    """Where the sandbox runs: its defaults (./contracts, ./fixtures) are relative paths.

    SANDBOX_CWD if set; else the checkout the jar was built in (X for X/target/*.jar, when X has
    a pom.xml), so SANDBOX_JAR=/elsewhere/target/integration-sandbox.jar finds its own files;
    else the repo root."""
    if os.environ.get("SANDBOX_CWD"):
        return os.environ["SANDBOX_CWD"]
    jar_dir = os.path.dirname(os.path.abspath(CFG["jar"]))
    checkout = os.path.dirname(jar_dir)
    if os.path.basename(jar_dir) == "target" and os.path.isfile(os.path.join(checkout, "pom.xml")):
        return checkout
    return ROOT


def spawn(name, argv, cwd=ROOT):
    """Start a server in its own process group, output to <workdir>/<name>.log."""
    logf = open(os.path.join(CFG["workdir"], f"{name}.log"), "ab")
    log(f"start {name}: {' '.join(shlex.quote(a) for a in argv)}"
        + (f" (in {cwd})" if cwd != ROOT else ""))
    p = subprocess.Popen(argv, stdout=logf, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                         cwd=cwd, start_new_session=True)
    logf.close()
    PROCS.append((name, p))
    with open(os.path.join(CFG["workdir"], "pids"), "a") as f:
        f.write(f"{p.pid}\n")
    return p


def stop(p, grace=10):
    if p.poll() is None:
        try:
            os.killpg(p.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
        try:
            p.wait(grace)
        except subprocess.TimeoutExpired:
            try:
                os.killpg(p.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            p.wait(5)
    PROCS[:] = [(n, q) for n, q in PROCS if q is not p]


def stop_all():
    for _, p in list(PROCS):
        stop(p)


def on_signal(signum, _frame):
    raise SystemExit(128 + signum)


def req(port, method, path, headers=None, body=None, timeout=5):
    """One request to 127.0.0.1:port -> (status, body bytes). Header case is kept as given."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        r = conn.getresponse()
        return r.status, r.read()
    finally:
        conn.close()


def curl_status(url, timeout=0.5):
    r = subprocess.run(["curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", "--max-time",
                        str(timeout), url], capture_output=True, text=True)
    return r.stdout.strip()


def wait_http_ok(url, proc, timeout, interval=0.02):
    """Poll url with curl every ~interval s until 200; returns seconds waited or None."""
    t0 = time.monotonic()
    while time.monotonic() - t0 < timeout:
        if curl_status(url) == "200":
            return time.monotonic() - t0
        if proc.poll() is not None:
            return None
        time.sleep(interval)
    return None


def log_tail(name):
    """Last non-empty line of a server's log, for error messages."""
    try:
        with open(os.path.join(CFG["workdir"], f"{name}.log"), errors="replace") as f:
            lines = [ln.strip() for ln in f if ln.strip()]
        return (lines[-1][:160] if lines else "empty log") + f" (see {name}.log)"
    except OSError:
        return f"see {name}.log"


def cpu_seconds(pid):
    """User + system CPU time of a process (all its threads), in seconds."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return None


def rss_mb(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024.0
    except OSError:
        pass
    return None


def jvm_flags(server):
    if CFG["jvm_opts"]:
        return CFG["jvm_opts"]
    return CFG["wiremock_jvm_opts"] if server == "wiremock" else CFG["sandbox_jvm_opts"]


def jvm(server, *args):
    return ["java", *shlex.split(jvm_flags(server)), *args]


# --------------------------------------------------------------------------- servers

class Server:
    def __init__(self, name):
        self.name = name
        self.port = None
        self.proc = None
        self.reason = None  # why it is unavailable, None when up

    @property
    def up(self):
        return self.proc is not None and self.proc.poll() is None and self.reason is None


def cds_flags():
    """The class-data-sharing archive that `mvn package` writes next to the jar, as the README's
    start command uses it; none when it is missing (a jar from elsewhere)."""
    archive = os.path.splitext(CFG["jar"])[0] + ".jsa"
    return [f"-XX:SharedArchiveFile={archive}"] if os.path.isfile(archive) else []


def start_sandbox(name="sandbox"):
    s = Server(name)
    if not os.path.isfile(CFG["jar"]):
        s.reason = f"jar {CFG['jar']} not found"
        return s
    s.port = free_port()
    t0 = time.monotonic()
    s.proc = spawn(name, jvm("sandbox", *cds_flags(), "-jar", CFG["jar"], "--port", str(s.port),
                             *shlex.split(CFG["sandbox_args"])), cwd=sandbox_cwd())
    waited = wait_http_ok(f"http://127.0.0.1:{s.port}{HEALTH}", s.proc, CFG["startup_timeout"])
    if waited is None:
        code = s.proc.poll()
        if code is None:
            s.reason = f"no 200 from {HEALTH} within {CFG['startup_timeout']:.0f} s"
        else:
            s.reason = f"exited with code {code} before {HEALTH} answered 200: {log_tail(name)}"
        stop(s.proc)
        return s
    s.startup_ms = (time.monotonic() - t0) * 1000
    return s


def sandbox_token(port):
    """A fresh BTG client_credentials token from the sandbox, or raise."""
    url = f"http://127.0.0.1:{port}/oauth2/token"
    r = subprocess.run(["curl", "-s", "--max-time", "5", "-u", ":".join(BTG_CLIENT),
                        "-d", "grant_type=client_credentials", url], capture_output=True)
    try:
        return json.loads(r.stdout)["access_token"]
    except (ValueError, KeyError, TypeError):
        raise RuntimeError(f"no access_token from {url}: {r.stdout[:200]!r}")


def sandbox_tickets_info(port, token):
    url = f"http://127.0.0.1:{port}{TICKETS_INFO}"
    r = subprocess.run(["curl", "-s", "--max-time", "5", "-w", "\n%{http_code}", "-H",
                        f"Authorization: Bearer {token}", url], capture_output=True)
    body, _, code = r.stdout.rpartition(b"\n")
    if code.strip() != b"200" or not body:
        raise RuntimeError(f"tickets/info answered {code.decode(errors='replace')}: {body[:200]!r}")
    return body


def start_ceiling(body_file):
    s = Server("ceiling")
    s.port = free_port()
    s.proc = spawn("ceiling", jvm("ceiling", "-cp", CFG["jar"], os.path.join(BENCH, "Ceiling.java"),
                                  str(s.port), body_file, CFG["ceiling_instances"]))
    if wait_http_ok(f"http://127.0.0.1:{s.port}/", s.proc, 60) is None:
        s.reason = "ceiling did not answer 200 within 60 s (see ceiling.log)"
        stop(s.proc)
    return s


def start_wiremock(body):
    s = Server("wiremock")
    s.port = free_port()
    root = os.path.join(CFG["workdir"], "wiremock")
    os.makedirs(os.path.join(root, "mappings"), exist_ok=True)
    os.makedirs(os.path.join(root, "__files"), exist_ok=True)
    s.proc = spawn("wiremock", jvm("wiremock", "-jar", CFG["wiremock_jar"], "--port", str(s.port),
                                   "--bind-address", "127.0.0.1", "--disable-banner",
                                   "--root-dir", root))
    if wait_http_ok(f"http://127.0.0.1:{s.port}/__admin/health", s.proc, 60) is None:
        s.reason = "WireMock did not become healthy within 60 s (see wiremock.log)"
        stop(s.proc)
        return s
    stub = {"request": {"method": "GET", "url": TICKETS_INFO},
            "response": {"status": 200, "base64Body": base64.b64encode(body).decode(),
                         "headers": {"Content-Type": "application/json"}}}
    status, answer = req(s.port, "POST", "/__admin/mappings", {"Content-Type": "application/json"},
                          json.dumps(stub))
    if status != 201:
        s.reason = f"stub registration answered {status}: {answer[:200]!r}"
    try:
        s.version = json.loads(req(s.port, "GET", "/__admin/version")[1])["version"]
    except Exception:  # noqa: BLE001 - informative only
        s.version = os.path.basename(CFG["wiremock_jar"])
    return s


# --------------------------------------------------------------------------- cases & wrk

def load_cases():
    cases = []
    for path in sorted(glob.glob(os.path.join(BENCH, "cases", "*.json"))):
        with open(path, encoding="utf-8") as f:
            c = json.load(f)
        c.setdefault("method", "GET")
        c.setdefault("headers", {})
        c.setdefault("body", None)
        c.setdefault("targets", {})
        c["file"] = os.path.relpath(path, ROOT)
        if CFG["cases"] and not re.search(CFG["cases"], c["name"]):
            continue
        cases.append(c)
    names = [c["name"] for c in cases]
    if len(set(names)) != len(names):
        raise SystemExit("duplicate case names in bench/cases/")
    return cases


def round_robin(cases):
    """Interleave cases by server (s1 s2 s3 s1 s2 ...), keeping file order within a server."""
    queues = {}
    for c in cases:
        queues.setdefault(c["server"], []).append(c)
    out = []
    while any(queues.values()):
        for q in queues.values():
            if q:
                out.append(q.pop(0))
    return out


def expand(text, variables):
    if text is None:
        return None
    return re.sub(r"\$\{(\w+)\}", lambda m: variables[m.group(1)], text)


def needs(case):
    blob = json.dumps([case["headers"], case["body"], case["path"]])
    return set(re.findall(r"\$\{(\w+)\}", blob))


def lua_str(s):
    """A Lua string literal holding the UTF-8 bytes of s (non-printable bytes as \\ddd)."""
    return '"' + "".join(chr(b) if 32 <= b < 127 and chr(b) not in '"\\' else f"\\{b:03d}"
                         for b in s.encode()) + '"'


def wrk_script(case, variables):
    """Write the wrk Lua script of a case: its request plus the non-2xx counter."""
    path = os.path.join(CFG["workdir"], "lua", re.sub(r"\W+", "-", case["name"]) + ".lua")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    lines = [f"-- generated from {case['file']}", f"wrk.method = {lua_str(case['method'])}"]
    if case["body"] is not None:
        lines.append(f"wrk.body = {lua_str(expand(case['body'], variables))}")
    for k, v in case["headers"].items():
        lines.append(f"wrk.headers[{lua_str(k)}] = {lua_str(expand(v, variables))}")
    if case.get("script"):  # a case may bring its own Lua (request(), ...), relative to bench/
        with open(os.path.join(BENCH, case["script"])) as f:
            lines.append(f.read())
    with open(os.path.join(BENCH, "lib", "check2xx.lua")) as f:
        lines.append(f.read())
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    return path


UNITS = {"us": 1e-3, "ms": 1.0, "s": 1e3, "m": 60e3, "h": 3600e3}


def to_ms(text):
    m = re.fullmatch(r"([\d.]+)(us|ms|s|m|h)", text)
    if not m:
        raise ValueError(f"bad wrk duration {text!r}")
    return float(m.group(1)) * UNITS[m.group(2)]


def parse_wrk(out):
    res = {"rps": None, "p50": None, "p99": None, "requests": 0, "non2xx": None,
           "wrk_non2xx3xx": 0, "socket_errors": {}, "first_bad": 0}
    for line in out.splitlines():
        line = line.strip()
        if m := re.match(r"Requests/sec:\s+([\d.]+)", line):
            res["rps"] = float(m.group(1))
        elif m := re.match(r"50%\s+(\S+)", line):
            res["p50"] = to_ms(m.group(1))
        elif m := re.match(r"99%\s+(\S+)", line):
            res["p99"] = to_ms(m.group(1))
        elif m := re.match(r"(\d+) requests in", line):
            res["requests"] = int(m.group(1))
        elif m := re.match(r"Non-2xx or 3xx responses:\s+(\d+)", line):
            res["wrk_non2xx3xx"] = int(m.group(1))
        elif m := re.match(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)",
                           line):
            res["socket_errors"] = dict(zip(("connect", "read", "write", "timeout"),
                                            map(int, m.groups())))
        elif m := re.match(r"BENCH_NON2XX (\d+) (\d+)", line):
            res["non2xx"], res["first_bad"] = int(m.group(1)), int(m.group(2))
    return res


def run_wrk(url, script, seconds, connections=None):
    argv = ["wrk", f"-t{CFG['threads']}", f"-c{connections or CFG['connections']}",
            f"-d{seconds}s", "--latency", "-s", script, url]
    r = subprocess.run(argv, capture_output=True, text=True, timeout=seconds + 60)
    res = parse_wrk(r.stdout)
    res["exit"], res["raw"] = r.returncode, r.stdout + r.stderr
    return res


def problems(res):
    """Why a wrk result is not acceptable (empty list when it is)."""
    bad = []
    if res["exit"] != 0:
        bad.append(f"wrk exited {res['exit']}")
    if not res["requests"] or res["rps"] is None or res["p99"] is None:
        bad.append("no requests measured")
    non2xx = res["non2xx"] if res["non2xx"] is not None else res["wrk_non2xx3xx"]
    if non2xx or res["wrk_non2xx3xx"]:
        bad.append(f"{max(non2xx, res['wrk_non2xx3xx'])} non-2xx responses"
                   + (f" (first: {res['first_bad']})" if res["first_bad"] else ""))
    return bad


def preflight(server, case, variables):
    status, body = req(server.port, case["method"], expand(case["path"], variables),
                        {k: expand(v, variables) for k, v in case["headers"].items()},
                        None if case["body"] is None else expand(case["body"], variables).encode())
    if not 200 <= status <= 299:
        raise RuntimeError(f"pre-flight {case['method']} {case['path']} answered {status}: "
                           f"{body[:200]!r}")


# --------------------------------------------------------------------------- phases

def machine_facts(wiremock_version):
    def sh(cmd):
        r = subprocess.run(cmd, shell=True, capture_output=True, text=True, cwd=ROOT)
        return (r.stdout + r.stderr).strip()

    cpu = sh("grep -m1 'model name' /proc/cpuinfo | cut -d: -f2-").strip() or sh("uname -p")
    commit = sh("git rev-parse --short HEAD") + (" (dirty)" if sh("git status --porcelain") else "")
    with open(CFG["jar"], "rb") if os.path.isfile(CFG["jar"]) else open(os.devnull, "rb") as f:
        jar_sha = hashlib.sha256(f.read()).hexdigest()[:12]
    return [
        ("date (start)", START_DATE),
        ("git commit (bench)", commit),
        ("sandbox jar", f"{CFG['jar']} (sha256 {jar_sha})"),
        ("nproc", sh("nproc")),
        ("memory (free -m total)", sh("free -m | awk '/^Mem:/{print $2}'") + " MB"),
        ("CPU", cpu),
        ("kernel (uname -srm)", sh("uname -srm")),
        ("java -version", sh("java -version 2>&1 | head -1")),
        ("wrk", sh("wrk -v 2>&1 | head -1").split(" Copyright")[0]),
        ("WireMock", wiremock_version),
        ("load average at start (1/5/15 min)", LOADAVG_START),
        ("load average at end (1/5/15 min)", " ".join(open("/proc/loadavg").read().split()[:3])),
        ("JVM flags: sandbox and ceiling", jvm_flags("sandbox")),
        ("JVM flags: WireMock", jvm_flags("wiremock")),
        ("sandbox command", f"java {jvm_flags('sandbox')} {' '.join(cds_flags())} -jar <jar> --port <p> {CFG['sandbox_args']}"
                            f" (working directory {sandbox_cwd()})"),
        ("ceiling instances", CFG["ceiling_instances"]),
        ("wrk", f"-t{CFG['threads']} -c{CFG['connections']}, warm-up {CFG['warmup']} s, "
                f"measured {CFG['duration']} s, {CFG['rounds']} rounds"),
    ]


def measure_startup():
    runs, notes = [], []
    if not os.path.isfile(CFG["jar"]):
        return runs, [f"skipped: jar {CFG['jar']} not found"]
    if CFG["startup_runs"] <= 0:
        return runs, ["skipped: STARTUP_RUNS=0"]
    for i in range(CFG["startup_runs"]):
        s = start_sandbox(f"sandbox-startup-{i + 1}")
        if s.reason:
            notes.append(f"start {i + 1}: {s.reason}")
            log(f"SKIP start-up: {s.reason}")
            break
        runs.append(s.startup_ms)
        log(f"start-up {i + 1}: {s.startup_ms:.0f} ms")
        stop(s.proc)
    return runs, notes


def run_rounds(cases, servers):
    """ROUNDS rounds; in each, every case once, round-robin over servers, rotated per round."""
    order = round_robin(cases)
    results = {c["name"]: [] for c in cases}  # per round: dict or None
    status = {c["name"]: None for c in cases}  # None = ok so far, ("SKIP"|"FAIL", why)
    for r in range(CFG["rounds"]):
        rot = order[r % len(order):] + order[:r % len(order)]
        variables = {}
        if servers["sandbox"].up:
            try:
                variables["BTG_TOKEN"] = sandbox_token(servers["sandbox"].port)
            except RuntimeError as e:
                log(f"round {r + 1}: {e}")
        log(f"round {r + 1}/{CFG['rounds']}: " + " -> ".join(c["name"] for c in rot))
        for c in rot:
            name, srv = c["name"], servers.get(c["server"])
            res = None
            if status[name] is not None and status[name][0] == "SKIP":
                pass
            elif srv is None or not srv.up:
                if srv and srv.reason is None and srv.proc and srv.proc.poll() is not None:
                    srv.reason = (f"exited with code {srv.proc.returncode} during round {r + 1}: "
                                  f"{log_tail(srv.name)}")
                    log(f"ERROR {srv.name} {srv.reason}")
                why = srv.reason if srv else f"unknown server {c['server']!r}"
                kind = "SKIP" if r == 0 else "FAIL"
                status[name] = (kind, f"{c['server']} unavailable: {why}")
            elif needs(c) - variables.keys():
                status[name] = ("SKIP", f"no value for {', '.join(sorted(needs(c) - variables.keys()))}"
                                        " (token request failed)")
            else:
                try:
                    preflight(srv, c, variables)
                except (RuntimeError, OSError) as e:
                    kind = "SKIP" if r == 0 else "FAIL"
                    status[name] = (kind, str(e))
                else:
                    script = wrk_script(c, variables)
                    url = f"http://127.0.0.1:{srv.port}{expand(c['path'], variables)}"
                    if srv.name == "wiremock":  # fresh request journal each round (see README)
                        req(srv.port, "DELETE", "/__admin/requests")
                    if CFG["warmup"] > 0:
                        run_wrk(url, script, CFG["warmup"])
                    cpu0 = cpu_seconds(srv.proc.pid)
                    res = run_wrk(url, script, CFG["duration"])
                    cpu1 = cpu_seconds(srv.proc.pid)
                    if cpu0 is not None and cpu1 is not None and res["requests"]:
                        res["cpu_us"] = (cpu1 - cpu0) / res["requests"] * 1e6
                    bad = problems(res)
                    errs = {k: v for k, v in res["socket_errors"].items() if v}
                    res["socket_note"] = ", ".join(f"{k} {v}" for k, v in errs.items())
                    if bad:
                        status[name] = ("FAIL", f"round {r + 1}: " + "; ".join(bad))
                        log(f"FAIL {name}: {status[name][1]}\n{res['raw']}")
                    else:
                        log(f"  {name}: {res['rps']:.0f} req/s, p50 {res['p50']:.3f} ms, "
                            f"p99 {res['p99']:.3f} ms, server CPU {fmt(res.get('cpu_us'), '.1f')}"
                            " µs/req"
                            + (f", socket errors: {res['socket_note']}" if errs else ""))
            if status[name] is not None and res is None:
                if status[name][0] == "SKIP" and r == 0 or status[name][0] == "FAIL":
                    log(f"{status[name][0]} {name}: {status[name][1]}")
            results[name].append(res)
    return results, status


def sustain():
    """Fresh sandbox, SUSTAIN_SECONDS of create-ticket + tickets/info at once, then its RSS."""
    out = {"rss_mb": None, "peak_mb": None, "idle_mb": None, "note": None, "runs": {}}
    cases = {c["name"]: c for c in load_cases_all() if c["name"] in SUSTAIN_CASES}
    if CFG["sustain"] <= 0:
        out["note"] = "skipped: SUSTAIN_SECONDS=0"
        return out
    s = start_sandbox("sandbox-sustain")
    if s.reason:
        out["note"] = f"skipped: sandbox unavailable: {s.reason}"
        return out
    procs = []
    try:
        time.sleep(1)
        out["idle_mb"] = rss_mb(s.proc.pid)
        variables = {"BTG_TOKEN": sandbox_token(s.port)}
        conns = max(1, CFG["connections"] // max(1, len(cases)))
        for c in cases.values():
            preflight(s, c, variables)
            argv = ["wrk", f"-t{CFG['threads']}", f"-c{conns}", f"-d{CFG['sustain']}s",
                    "--latency", "-s", wrk_script(c, variables),
                    f"http://127.0.0.1:{s.port}{expand(c['path'], variables)}"]
            procs.append((c["name"], subprocess.Popen(argv, stdout=subprocess.PIPE,
                                                      stderr=subprocess.STDOUT, text=True)))
        log(f"sustained load {CFG['sustain']} s on a fresh sandbox: {', '.join(cases)} "
            f"({conns} connections each)")
        peak = 0.0
        deadline = time.monotonic() + CFG["sustain"] + 60
        while any(p.poll() is None for _, p in procs) and time.monotonic() < deadline:
            peak = max(peak, rss_mb(s.proc.pid) or 0)
            time.sleep(1)
        for name, p in procs:
            if p.poll() is None:
                p.kill()
            res = parse_wrk(p.communicate()[0])
            res["exit"] = p.returncode
            res["raw"] = ""
            out["runs"][name] = res
            if problems(res):
                out["note"] = f"{name}: " + "; ".join(problems(res))
        out["rss_mb"] = rss_mb(s.proc.pid)
        out["peak_mb"] = max(peak, out["rss_mb"] or 0)
        log(f"RSS after sustained load: {out['rss_mb']:.0f} MB (peak {out['peak_mb']:.0f} MB)")
    except (RuntimeError, OSError) as e:
        out["note"] = f"failed: {e}"
        log(f"sustain: {e}")
    finally:
        for _, p in procs:
            if p.poll() is None:
                p.kill()
                p.wait()
        stop(s.proc)
    return out


_ALL = None


def load_cases_all():
    global _ALL
    if _ALL is None:
        saved, CFG["cases"] = CFG["cases"], ""
        _ALL = load_cases()
        CFG["cases"] = saved
    return _ALL


# --------------------------------------------------------------------------- report

def fmt(x, spec=".0f", none="–"):
    return none if x is None else format(x, spec)


def summarize(cases, results, status):
    """Per case medians over rounds and ratios."""
    ok = lambda name: [r for r in results.get(name, []) if r and not problems(r)]  # noqa: E731
    summary = {}
    for c in cases:
        rs = ok(c["name"])
        summary[c["name"]] = {
            "rps": statistics.median(r["rps"] for r in rs) if rs else None,
            "p50": statistics.median(r["p50"] for r in rs) if rs else None,
            "p99": statistics.median(r["p99"] for r in rs) if rs else None,
            "cpu_us": (statistics.median(r["cpu_us"] for r in rs if r.get("cpu_us") is not None)
                       if any(r.get("cpu_us") is not None for r in rs) else None),
            "rounds": len(rs),
        }
    ceiling = next((c["name"] for c in cases if c["server"] == "ceiling"), None)
    for c in cases:
        s = summary[c["name"]]
        if ceiling and s["rps"] and summary[ceiling]["rps"] and c["name"] != ceiling:
            s["x_ceiling"] = s["rps"] / summary[ceiling]["rps"]
        wm = c.get("compare_to_wiremock")
        if wm and s["rps"] and summary.get(wm, {}).get("rps"):
            s["x_wiremock"] = s["rps"] / summary[wm]["rps"]
        if ceiling and c["name"] != ceiling:
            ratios = [mine["p99"] / base["p99"]
                      for mine, base in zip(results[c["name"]], results[ceiling])
                      if mine and base and not problems(mine) and not problems(base) and base["p99"]]
            s["p99_ratio_max"] = max(ratios) if ratios else None
    return summary


def verdict(value, limit, higher_is_better):
    if value is None:
        return "n/a"
    return "PASS" if (value >= limit if higher_is_better else value <= limit) else "MISS"


def report(facts, cases, results, status, summary, startup, sustained, body_note):
    L = []
    L.append(f"# integration-sandbox load benchmark — {facts[0][1]}\n")
    if os.environ.get("BENCH_NOTE"):
        L.append(f"> {os.environ['BENCH_NOTE']}\n")
    L.append("## Throughput and latency (median over rounds)\n")
    L.append("| case | server | req/s | p50 ms | p99 ms | × ceiling req/s | × WireMock req/s "
             "| max p99 ÷ ceiling p99 (same round) | server CPU µs/req | rounds | status |")
    L.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    for c in cases:
        s, st = summary[c["name"]], status[c["name"]]
        notes = {r.get("socket_note") for r in results[c["name"]] if r and r.get("socket_note")}
        state = "ok" if st is None else f"{st[0]}: {st[1]}"
        if notes and st is None:
            state += f" (socket errors: {'; '.join(sorted(notes))})"
        L.append(f"| {c['name']} | {c['server']} | {fmt(s['rps'])} | {fmt(s['p50'], '.3f')} | "
                 f"{fmt(s['p99'], '.3f')} | {fmt(s.get('x_ceiling'), '.2f')} | "
                 f"{fmt(s.get('x_wiremock'), '.2f')} | {fmt(s.get('p99_ratio_max'), '.2f')} | "
                 f"{fmt(s['cpu_us'], '.1f')} | {s['rounds']}/{CFG['rounds']} | {state} |")
    L.append("")
    L.append("Server CPU µs/req: user + system CPU time of the server's JVM (all threads: event "
             "loops, GC, JIT) during the measured run, divided by the requests served; it "
             "depends less than req/s on wrk and other processes sharing the cores.")
    L.append("")
    L.append("Per round (req/s · p50 ms · p99 ms):\n")
    L.append("| case | " + " | ".join(f"round {i + 1}" for i in range(CFG["rounds"])) + " |")
    L.append("|---|" + "---|" * CFG["rounds"])
    for c in cases:
        cells = []
        for r in results[c["name"]]:
            cells.append("–" if not r else f"{r['rps']:.0f} · {fmt(r['p50'], '.3f')} · "
                                           f"{fmt(r['p99'], '.3f')}"
                         + (" (FAIL)" if problems(r) else ""))
        cells += ["–"] * (CFG["rounds"] - len(cells))
        L.append(f"| {c['name']} | " + " | ".join(cells) + " |")
    L.append("")
    L.append(f"Response body of tickets/info: {body_note}\n")

    runs, notes = startup
    med_start = statistics.median(runs) if runs else None
    L.append("## Start-up and memory\n")
    L.append(f"- Start-up (launch of `java -jar … --port p` to first 200 from `{HEALTH}`, "
             f"median of {len(runs)}): **{fmt(med_start)} ms**"
             + (f" (runs: {', '.join(f'{x:.0f}' for x in runs)} ms)" if runs else "")
             + (f" — {'; '.join(notes)}" if notes else ""))
    sus_runs = "; ".join(f"{n}: {fmt(r['rps'])} req/s, p99 {fmt(r['p99'], '.3f')} ms"
                         for n, r in sustained["runs"].items())
    L.append(f"- RSS of a fresh sandbox after {CFG['sustain']} s of concurrent load on "
             f"{' + '.join(SUSTAIN_CASES)}: **{fmt(sustained['rss_mb'])} MB** "
             f"(peak sampled {fmt(sustained['peak_mb'])} MB, idle after start "
             f"{fmt(sustained['idle_mb'])} MB)"
             + (f"; load: {sus_runs}" if sus_runs else "")
             + (f" — {sustained['note']}" if sustained["note"] else ""))
    if sustained.get("rounds_rss_mb"):
        L.append("- RSS after all rounds (same JVM flags, for comparison): "
                 + ", ".join(f"{n} {fmt(v)} MB" for n, v in sustained["rounds_rss_mb"].items()))
    L.append("")

    L.append("## Targets\n")
    L.append("| target | measured | verdict |")
    L.append("|---|---:|---|")
    targets = []
    for c in cases:
        t, s = c["targets"], summary[c["name"]]
        if "min_ceiling_ratio" in t:
            targets.append((f"{c['name']} req/s ≥ {t['min_ceiling_ratio']} × ceiling",
                            s.get("x_ceiling"), t["min_ceiling_ratio"], True, "×"))
        if "min_wiremock_ratio" in t:
            targets.append((f"{c['name']} req/s ≥ {t['min_wiremock_ratio']} × WireMock",
                            s.get("x_wiremock"), t["min_wiremock_ratio"], True, "×"))
        if "max_p99_ratio" in t:
            targets.append((f"{c['name']} p99 ≤ {t['max_p99_ratio']} × ceiling p99 (every round)",
                            s.get("p99_ratio_max"), t["max_p99_ratio"], False, "×"))
    targets.append((f"start-up ≤ {CFG['max_startup_ms']:.0f} ms", med_start,
                    CFG["max_startup_ms"], False, " ms"))
    targets.append((f"RSS after sustained load ≤ {CFG['max_rss_mb']:.0f} MB", sustained["rss_mb"],
                    CFG["max_rss_mb"], False, " MB"))
    verdicts = []
    for label, value, limit, hib, unit in targets:
        v = verdict(value, limit, hib)
        verdicts.append(v)
        shown = "–" if value is None else (f"{value:.2f}{unit}" if unit == "×"
                                           else f"{value:.0f}{unit}")
        L.append(f"| {label} | {shown} | {v} |")
    L.append("")
    L.append(f"Targets: {verdicts.count('PASS')} PASS, {verdicts.count('MISS')} MISS, "
             f"{verdicts.count('n/a')} n/a.\n")

    L.append("## Machine and run\n")
    L.append("| what | value |")
    L.append("|---|---|")
    for k, v in facts:
        L.append(f"| {k} | {v} |")
    L.append("")
    return "\n".join(L), verdicts


# --------------------------------------------------------------------------- main

START_DATE = dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")
LOADAVG_START = " ".join(open("/proc/loadavg").read().split()[:3])


def main():
    if not (CFG["jar"] and CFG["wiremock_jar"] and CFG["workdir"] and CFG["stamp"]):
        raise SystemExit("bench.py is started by bench/run (BENCH_* variables missing)")
    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGHUP, on_signal)
    os.makedirs(CFG["workdir"], exist_ok=True)
    cases = load_cases()
    if not cases:
        raise SystemExit(f"no case matches CASES={CFG['cases']!r}")
    servers = {}
    try:
        startup = measure_startup()

        sb = start_sandbox()
        servers["sandbox"] = sb
        body, body_note = None, None
        if sb.reason:
            log(f"SKIP sandbox cases: {sb.reason}")
        else:
            log(f"sandbox up on 127.0.0.1:{sb.port} in {sb.startup_ms:.0f} ms")
            try:
                body = sandbox_tickets_info(sb.port, sandbox_token(sb.port))
                body_note = f"{len(body)} bytes fetched from the sandbox at run time"
            except RuntimeError as e:
                log(f"could not fetch tickets/info from the sandbox: {e}")
                body_note = f"sandbox answer unusable ({e}); "
        if body is None:
            with open(os.path.join(BENCH, "fixtures", "tickets-info.fallback.json"), "rb") as f:
                body = f.read()
            body_note = (body_note or "sandbox unavailable; ") + \
                f"FALLBACK bench/fixtures/tickets-info.fallback.json ({len(body)} bytes)"
            log(f"using fallback body: {body_note}")
        body_file = os.path.join(CFG["workdir"], "tickets-info.json")
        with open(body_file, "wb") as f:
            f.write(body)

        servers["ceiling"] = start_ceiling(body_file)
        servers["wiremock"] = start_wiremock(body)
        wm_version = getattr(servers["wiremock"], "version", os.path.basename(CFG["wiremock_jar"]))
        for name in ("ceiling", "wiremock"):
            s = servers[name]
            if s.up:
                got = req(s.port, "GET", TICKETS_INFO)[1]
                if got != body:
                    s.reason = f"{name} does not return the tickets/info bytes"
                    log(f"ERROR {s.reason}: {got[:120]!r}")
        same = [n for n in ("ceiling", "wiremock") if servers[n].up]
        log(f"identical tickets/info bytes ({len(body)} B, sha256 "
            f"{hashlib.sha256(body).hexdigest()[:12]}) from: {', '.join(same)}"
            + (" and the sandbox" if not sb.reason else ""))
        body_note += f"; same bytes served by {', '.join(same)}"

        results, status = run_rounds(cases, servers)
        facts = machine_facts(wm_version)

        rounds_rss = {n: rss_mb(s.proc.pid) for n, s in servers.items() if s.up}
        for s in servers.values():
            if s.proc:
                stop(s.proc)
        sustained = sustain()
        sustained["rounds_rss_mb"] = rounds_rss

        summary = summarize(cases, results, status)
        text, verdicts = report(facts, cases, results, status, summary, startup, sustained,
                                body_note)
        os.makedirs(os.path.join(BENCH, "results"), exist_ok=True)
        out = os.path.join(BENCH, "results", f"{CFG['stamp']}.md")
        for path in (out, os.path.join(BENCH, "results", "latest.md")):
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
        print(text)
        log(f"written {os.path.relpath(out, ROOT)} and bench/results/latest.md")
        skipped = [n for n, st in status.items() if st and st[0] == "SKIP"]
        if skipped:
            log(f"SKIPPED cases (see the table for why): {', '.join(skipped)}")
        failed = [n for n, st in status.items() if st and st[0] == "FAIL"]
        if failed:
            log(f"FAILED cases: {', '.join(failed)}")
            return 1
        if os.environ.get("BENCH_STRICT") == "1" and "MISS" in verdicts:
            log("BENCH_STRICT=1 and some targets MISS")
            return 2
        return 0
    finally:
        stop_all()


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        log("interrupted; servers stopped")
        sys.exit(130)
