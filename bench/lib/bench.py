#!/usr/bin/env python3
"""Load-benchmark driver for integration-sandbox (stdlib only; called by bench/run).

Phases: sandbox start-up time (fresh starts) -> start the sandbox, fetch every case's answer
from it -> start the ceiling (serving those bytes by path), WireMock and MockServer (one static
stub per case with those bytes) -> ROUNDS rounds of every (case, server) run (round-robin over
servers, warm-up then measured wrk) -> sustained load on a fresh sandbox and its RSS ->
markdown report with targets.

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
import urllib.parse

sys.modules.setdefault("bench", sys.modules[__name__])  # one module for replay_bench's import
import inspector_bench  # noqa: E402
import replay_bench  # noqa: E402

BENCH = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ROOT = os.path.dirname(BENCH)

HEALTH = "/__sandbox/health"
PEERS = ("wiremock", "mockserver")
SERVERS = ("ceiling", "sandbox") + PEERS


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
    # WireMock at its fastest: no request journal, no request logging (no --verbose either).
    "wiremock_args": os.environ.get("WIREMOCK_ARGS",
                                    "--no-request-journal --disable-request-logging"),
    "mockserver_jvm_opts": os.environ.get("MOCKSERVER_JVM_OPTS", "-Xms128m -Xmx512m"),
    # MockServer at its fastest: no event log (it records every request by default), warnings
    # only, nothing on stdout.
    "mockserver_opts": os.environ.get(
        "MOCKSERVER_OPTS", "-Dmockserver.logLevel=WARN -Dmockserver.disableLogging=true "
        "-Dmockserver.maxLogEntries=0 -Dmockserver.disableSystemOut=true"),
    "ceiling_instances": os.environ.get("CEILING_INSTANCES", str(os.cpu_count() or 1)),
    "cases": os.environ.get("CASES", ""),
    "max_startup_ms": env_float("MAX_STARTUP_MS", 1000),
    "max_rss_mb": env_float("MAX_RSS_MB", 300),
    "worlds": env_int("WORLDS", 50),
    "max_world_ms": env_float("MAX_WORLD_MS", 1.0),
    "sandbox_args": os.environ.get("SANDBOX_ARGS", ""),
    # set by bench/run
    "jar": os.environ.get("BENCH_JAR", ""),
    "wiremock_jar": os.environ.get("BENCH_WIREMOCK_JAR", ""),
    "mockserver_jar": os.environ.get("BENCH_MOCKSERVER_JAR", ""),
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


def req_full(port, method, path, headers=None, body=None, timeout=10):
    """One request to 127.0.0.1:port -> (status, body bytes, {lower-case header: value})."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        r = conn.getresponse()
        return r.status, r.read(), {k.lower(): v for k, v in r.getheaders()}
    finally:
        conn.close()


def req(port, method, path, headers=None, body=None, timeout=10):
    """One request to 127.0.0.1:port -> (status, body bytes). Header case is kept as given."""
    return req_full(port, method, path, headers, body, timeout)[:2]


def curl_status(url, timeout=0.5, method="GET"):
    r = subprocess.run(["curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", "-X", method,
                        "--max-time", str(timeout), url], capture_output=True, text=True)
    return r.stdout.strip()


def wait_http_ok(url, proc, timeout, interval=0.02, method="GET"):
    """Poll url with curl every ~interval s until 200; returns seconds waited or None."""
    t0 = time.monotonic()
    while time.monotonic() - t0 < timeout:
        if curl_status(url, method=method) == "200":
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
    return {"wiremock": CFG["wiremock_jvm_opts"],
            "mockserver": CFG["mockserver_jvm_opts"]}.get(server, CFG["sandbox_jvm_opts"])


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


def start_sandbox(name="sandbox", extra_args=()):
    s = Server(name)
    if not os.path.isfile(CFG["jar"]):
        s.reason = f"jar {CFG['jar']} not found"
        return s
    s.port = free_port()
    t0 = time.monotonic()
    s.proc = spawn(name, jvm("sandbox", *cds_flags(), "-jar", CFG["jar"], "--port", str(s.port),
                             *shlex.split(CFG["sandbox_args"]), *extra_args), cwd=sandbox_cwd())
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


def fetch_token(port, spec):
    """A token from the sandbox as a case's `tokens` entry describes it, or raise.

    spec: {"path", "basic": "user:password" (optional), "form": "a=b&c=d" or "json": {...},
    "field": dotted path of the token in the JSON answer (default access_token)}."""
    headers, body = {}, None
    if spec.get("basic"):
        headers["Authorization"] = "Basic " + base64.b64encode(spec["basic"].encode()).decode()
    if "json" in spec:
        headers["Content-Type"], body = "application/json", json.dumps(spec["json"]).encode()
    elif "form" in spec:
        headers["Content-Type"] = "application/x-www-form-urlencoded"
        body = spec["form"].encode()
    status, answer = req(port, spec.get("method", "POST"), spec["path"], headers, body)
    try:
        token = json_field(json.loads(answer), spec.get("field", "access_token"))
    except (ValueError, KeyError, IndexError, TypeError):
        token = None
    if status // 100 != 2 or not isinstance(token, str):
        raise RuntimeError(f"no token from {spec['path']} ({status}): {answer[:200]!r}")
    return token


def json_field(doc, dotted):
    """doc["a"]["b"][0] for "a.b.0"."""
    for part in dotted.split("."):
        doc = doc[int(part)] if isinstance(doc, list) else doc[part]
    return doc


def case_variables(port, cases):
    """{NAME: token} for every `tokens` entry of the cases, fetched from the sandbox on port.
    A token that cannot be had is left out (the cases needing it are skipped)."""
    out, specs = {}, {}
    for c in cases:
        specs.update(c.get("tokens", {}))
    for name, spec in specs.items():
        try:
            out[name] = fetch_token(port, spec)
        except (RuntimeError, OSError) as e:
            log(f"token {name}: {e}")
    return out


def case_request(case, variables):
    """(method, path, headers, body bytes or None) of a case, variables expanded."""
    return (case["method"], expand(case["path"], variables),
            {k: expand(v, variables) for k, v in case["headers"].items()},
            None if case["body"] is None else expand(case["body"], variables).encode())


def check_expect(case, status, body):
    """Why the sandbox's answer is not what the case's `expect` says ([] when it is)."""
    exp, bad = case.get("expect", {}), []
    if "status" in exp and status != exp["status"]:
        bad.append(f"status {status}, expected {exp['status']}")
    if exp.get("json"):
        try:
            doc = json.loads(body)
        except ValueError:
            return bad + ["answer is not JSON"]
        for field, want in exp["json"].items():
            try:
                got = json_field(doc, field)
            except (KeyError, IndexError, TypeError, ValueError):
                got = "<missing>"
            if got != want:
                bad.append(f"{field} = {got!r}, expected {want!r}")
    if "min_bytes" in exp and len(body) < exp["min_bytes"]:
        bad.append(f"{len(body)} bytes, expected at least {exp['min_bytes']}")
    return bad


def fetch_answers(sb, cases):
    """The bytes each case gets from the sandbox now: {name: {"status", "body", "type"}}.

    These are what the ceiling and the peers serve. A case whose answer cannot be had uses its
    `fallback` file (relative to bench/), if any; else it has no entry (peer runs SKIP)."""
    answers, notes = {}, {}
    variables = case_variables(sb.port, cases) if sb.up else {}
    for c in cases:
        why = None
        if not sb.up:
            why = f"sandbox unavailable: {sb.reason}"
        elif needs(c) - variables.keys():
            why = f"no value for {', '.join(sorted(needs(c) - variables.keys()))}"
        else:
            try:
                status, body, headers = req_full(sb.port, *case_request(c, variables))
                bad = ([f"status {status}"] if status // 100 != 2 else []) + \
                    check_expect(c, status, body)
                if bad:
                    why = f"sandbox answer: {'; '.join(bad)}: {body[:160]!r}"
                else:
                    answers[c["name"]] = {"status": status, "body": body,
                                          "type": headers.get("content-type",
                                                              "application/json")}
                    notes[c["name"]] = f"{len(body)} bytes from the sandbox at run time"
            except OSError as e:
                why = f"sandbox request failed: {e}"
        if why and c.get("fallback"):
            with open(os.path.join(BENCH, c["fallback"]), "rb") as f:
                body = f.read()
            answers[c["name"]] = {"status": 200, "body": body, "type": "application/json"}
            notes[c["name"]] = f"FALLBACK {c['fallback']} ({len(body)} bytes): {why}"
            log(f"{c['name']}: using fallback body: {why}")
        elif why:
            notes[c["name"]] = f"no bytes for the ceiling and peers: {why}"
            log(f"{c['name']}: {notes[c['name']]}")
    for name, a in answers.items():
        path = os.path.join(CFG["workdir"], "answers", re.sub(r"\W+", "-", name) + ".body")
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(a["body"])
        a["file"] = path
    return answers, notes


def stub_key(case, variables=None):
    """What a peer's stub matches: method, path (query included) and, with stub.match_body,
    the request body."""
    method, path, _, body = case_request(case, variables or {})
    match_body = case.get("stub", {}).get("match_body", False)
    return method, path, (body if match_body else None)


def start_ceiling(cases, answers):
    """The ceiling serves every case's bytes by path; other paths get the first body."""
    s = Server("ceiling")
    routes = []
    for c in cases:
        if c["name"] in answers:
            routes.append(f"{expand(c['path'], {}).split('?')[0]}={answers[c['name']]['file']}")
    if not routes:
        s.reason = "no answer bytes to serve"
        return s
    s.port = free_port()
    default = routes[0].split("=", 1)[1]
    s.proc = spawn("ceiling", jvm("ceiling", "-cp", CFG["jar"], os.path.join(BENCH, "Ceiling.java"),
                                  str(s.port), default, CFG["ceiling_instances"], *routes))
    if wait_http_ok(f"http://127.0.0.1:{s.port}/", s.proc, 60) is None:
        s.reason = "ceiling did not answer 200 within 60 s (see ceiling.log)"
        stop(s.proc)
    return s


def peer_cases(cases, answers, peer):
    """The cases a peer serves (it is in their servers and their bytes are known)."""
    return [c for c in cases if peer in c["servers"] and c["name"] in answers]


def wiremock_stub(case, answer):
    method, path, body = stub_key(case)
    request = {"method": method, "url": path}
    if body is not None:
        request["bodyPatterns"] = [{"equalTo": body.decode()}]
    return {"request": request,
            "response": {"status": answer["status"],
                         "base64Body": base64.b64encode(answer["body"]).decode(),
                         "headers": {"Content-Type": answer["type"]}}}


def mockserver_expectation(case, answer):
    method, path, body = stub_key(case)
    path, _, query = path.partition("?")
    request = {"method": method, "path": path}
    if query:
        request["queryStringParameters"] = urllib.parse.parse_qs(query, keep_blank_values=True)
    if body is not None:
        request["body"] = {"type": "STRING", "string": body.decode()}
    return {"httpRequest": request,
            "httpResponse": {"statusCode": answer["status"],
                             "headers": {"Content-Type": [answer["type"]]},
                             "body": {"type": "BINARY",
                                      "base64Bytes": base64.b64encode(answer["body"]).decode()}},
            "times": {"unlimited": True}}


def start_wiremock(cases, answers):
    s = Server("wiremock")
    s.version = os.path.basename(CFG["wiremock_jar"])
    mine = peer_cases(cases, answers, "wiremock")
    if not mine:
        s.reason = "no case to serve"
        return s
    if not launch_wiremock(s):
        return s
    for c in mine:
        status, answer = req(s.port, "POST", "/__admin/mappings",
                             {"Content-Type": "application/json"},
                             json.dumps(wiremock_stub(c, answers[c["name"]])))
        if status != 201:
            s.reason = f"stub of {c['name']} answered {status}: {answer[:200]!r}"
            return s
    try:
        s.version = json.loads(req(s.port, "GET", "/__admin/version")[1])["version"]
    except Exception:  # noqa: BLE001 - informative only
        pass
    return s


def launch_wiremock(s, *extra_args):
    """Starts WireMock standalone for Server s (its own empty root folder, WIREMOCK_ARGS, then
    extra_args); False, with s.reason, when it does not become healthy."""
    s.port = free_port()
    root = os.path.join(CFG["workdir"], s.name)
    os.makedirs(os.path.join(root, "mappings"), exist_ok=True)
    os.makedirs(os.path.join(root, "__files"), exist_ok=True)
    s.proc = spawn(s.name, jvm("wiremock", "-jar", CFG["wiremock_jar"], "--port", str(s.port),
                               "--bind-address", "127.0.0.1", "--disable-banner",
                               "--root-dir", root, *shlex.split(CFG["wiremock_args"]),
                               *extra_args))
    if wait_http_ok(f"http://127.0.0.1:{s.port}/__admin/health", s.proc, 60) is None:
        s.reason = "WireMock did not become healthy within 60 s: " + log_tail(s.name)
        stop(s.proc)
        return False
    return True


def start_mockserver(cases, answers):
    s = Server("mockserver")
    s.version = os.path.basename(CFG["mockserver_jar"])
    mine = peer_cases(cases, answers, "mockserver")
    if not CFG["mockserver_jar"] or not os.path.isfile(CFG["mockserver_jar"]):
        s.reason = f"MockServer jar {CFG['mockserver_jar']!r} not found"
        return s
    if not mine:
        s.reason = "no case to serve"
        return s
    s.port = free_port()
    s.proc = spawn("mockserver", jvm("mockserver", "-Dmockserver.localBoundIP=127.0.0.1",
                                     *shlex.split(CFG["mockserver_opts"]), "-jar",
                                     CFG["mockserver_jar"], "-serverPort", str(s.port)),
                   cwd=CFG["workdir"])
    if wait_http_ok(f"http://127.0.0.1:{s.port}/mockserver/status", s.proc, 60,
                    method="PUT") is None:
        s.reason = "MockServer did not answer its status within 60 s: " + log_tail("mockserver")
        stop(s.proc)
        return s
    for c in mine:
        status, answer = req(s.port, "PUT", "/mockserver/expectation",
                             {"Content-Type": "application/json"},
                             json.dumps(mockserver_expectation(c, answers[c["name"]])))
        if status != 201:
            s.reason = f"expectation of {c['name']} answered {status}: {answer[:200]!r}"
            return s
    try:
        status, answer = req(s.port, "PUT", "/mockserver/status")
        s.version = "MockServer " + json.loads(answer)["version"]
    except Exception:  # noqa: BLE001 - informative only
        pass
    return s


# --------------------------------------------------------------------------- cases & wrk

def load_cases():
    cases = []
    for path in sorted(glob.glob(os.path.join(BENCH, "cases", "*.json"))):
        with open(path, encoding="utf-8") as f:
            c = json.load(f)
        c["file"] = os.path.relpath(path, ROOT)
        normalize_case(c)
        if CFG["cases"] and not re.search(CFG["cases"], c["name"]):
            continue
        cases.append(c)
    names = [c["name"] for c in cases]
    if len(set(names)) != len(names):
        raise SystemExit("duplicate case names in bench/cases/")
    return cases


def normalize_case(c):
    """Defaults of a case file (format: bench/README.md) and its list of servers."""
    for key in ("name", "path"):
        if key not in c:
            raise SystemExit(f"{c.get('file', 'case')}: no {key!r}")
    c.setdefault("method", "GET")
    c.setdefault("headers", {})
    c.setdefault("body", None)
    c.setdefault("targets", {})
    c.setdefault("tokens", {})
    c.setdefault("peers", list(PEERS))
    c.setdefault("ceiling", False)
    unknown = set(c["peers"]) - set(PEERS)
    if unknown:
        raise SystemExit(f"{c.get('file', c['name'])}: unknown peers {sorted(unknown)}")
    c["servers"] = (["ceiling"] if c["ceiling"] is True else []) + ["sandbox"] + c["peers"]
    return c


def ceiling_ref(case, cases):
    """The case whose ceiling run is this case's "× ceiling" reference: itself when the ceiling
    serves it ("ceiling": true), the case it names ("ceiling": "<case name>"), else the first
    case with "ceiling": true."""
    if case["ceiling"] is True:
        return case["name"]
    if isinstance(case["ceiling"], str):
        return case["ceiling"]
    return next((c["name"] for c in cases if c["ceiling"] is True), None)


def make_runs(cases):
    """Every (case, server) to measure, in case order: dicts with name, case, server."""
    return [{"name": run_name(c["name"], srv), "case": c, "server": srv}
            for c in cases for srv in c["servers"]]


def run_name(case_name, server):
    return f"{case_name} @ {server}"


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
    """${NAME} replaced by variables[NAME]; unknown names are left as they are."""
    if text is None:
        return None
    return re.sub(r"\$\{(\w+)\}", lambda m: variables.get(m.group(1), m.group(0)), text)


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


def preflight(server, case, variables, expected=None):
    """One request before the load: 2xx, and for the ceiling and the peers the very bytes the
    sandbox gave (bodies compared, not headers)."""
    status, body = req(server.port, *case_request(case, variables))
    if not 200 <= status <= 299:
        raise RuntimeError(f"pre-flight {case['method']} {case['path']} answered {status}: "
                           f"{body[:200]!r}")
    if expected is not None and body != expected:
        raise RuntimeError(f"pre-flight {case['method']} {case['path']}: {server.name} returned "
                           f"{len(body)} bytes that differ from the sandbox's {len(expected)}")


# --------------------------------------------------------------------------- phases

def machine_facts(versions):
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
        ("WireMock", f"{versions.get('wiremock', '–')} (args: {CFG['wiremock_args']})"),
        ("MockServer", f"{versions.get('mockserver', '–')} (-Dmockserver.localBoundIP=127.0.0.1 "
                       f"{CFG['mockserver_opts']})"),
        ("load average at start (1/5/15 min)", LOADAVG_START),
        ("load average at end (1/5/15 min)", " ".join(open("/proc/loadavg").read().split()[:3])),
        ("JVM flags: sandbox and ceiling", jvm_flags("sandbox")),
        ("JVM flags: WireMock", jvm_flags("wiremock")),
        ("JVM flags: MockServer", jvm_flags("mockserver")),
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


def world_figures(create_s, health_s):
    """Round trips in seconds -> ms figures: median and p99 of a world's creation, the median of
    a health check on the same connection, and the difference (the server's share)."""
    if not create_s:
        return None
    ordered = sorted(create_s)
    med = statistics.median(ordered) * 1000
    base = statistics.median(health_s) * 1000 if health_s else 0.0
    return {"n": len(ordered), "median_ms": med,
            "p99_ms": ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))] * 1000,
            "health_ms": base, "net_ms": max(0.0, med - base)}


def measure_worlds(port):
    """After the rounds (a warm JVM, as in a test session): creates $WORLDS worlds from the
    default fixtures with POST /__sandbox/worlds on one keep-alive connection and deletes them,
    twice; the second pass times each round trip against GET /__sandbox/health on the same
    connection."""
    n = CFG["worlds"]
    if n <= 0 or not port:
        return None, "skipped" if n <= 0 else "no sandbox"
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    create_s, health_s = [], []
    try:
        def call(method, path, body=None):
            headers = {"Content-Type": "application/json"} if body else {}
            t = time.perf_counter()
            conn.request(method, path, body=body, headers=headers)
            r = conn.getresponse()
            r.read()
            return r.status, time.perf_counter() - t

        for measured in (False, True):
            names = []
            for i in range(n):
                status, took = call("GET", HEALTH)
                if measured:
                    health_s.append(took)
                name = f"bench-{CFG['stamp']}-{i}"
                status, took = call("POST", "/__sandbox/worlds", json.dumps({"name": name}))
                if status not in (200, 201):
                    return None, f"POST /__sandbox/worlds answered {status}"
                names.append(name)
                if measured:
                    create_s.append(took)
            for name in names:
                call("DELETE", f"/__sandbox/worlds/{name}")
    except (OSError, http.client.HTTPException) as e:
        return None, f"failed: {e}"
    finally:
        conn.close()
    return world_figures(create_s, health_s), ""


def run_rounds(cases, servers, answers):
    """ROUNDS rounds; in each, every (case, server) once, round-robin over servers, rotated by
    one run per round."""
    order = round_robin(make_runs(cases))
    results = {r["name"]: [] for r in order}  # per round: dict or None
    status = {r["name"]: None for r in order}  # None = ok so far, ("SKIP"|"FAIL", why)
    for rnd in range(CFG["rounds"]):
        shift = rnd % len(order) if order else 0  # no runs: CASES picked proxy cases only
        rot = order[shift:] + order[:shift]
        variables = case_variables(servers["sandbox"].port, cases) if servers["sandbox"].up else {}
        log(f"round {rnd + 1}/{CFG['rounds']}: " + " -> ".join(r["name"] for r in rot))
        for run in rot:
            name, c, srv = run["name"], run["case"], servers.get(run["server"])
            kind = "SKIP" if rnd == 0 else "FAIL"
            res = None
            if status[name] is not None and status[name][0] == "SKIP":
                pass
            elif srv is None or not srv.up:
                if srv and srv.reason is None and srv.proc and srv.proc.poll() is not None:
                    srv.reason = (f"exited with code {srv.proc.returncode} during round "
                                  f"{rnd + 1}: {log_tail(srv.name)}")
                    log(f"ERROR {srv.name} {srv.reason}")
                why = srv.reason if srv else f"unknown server {run['server']!r}"
                status[name] = (kind, f"{run['server']} unavailable: {why}")
            elif run["server"] != "sandbox" and c["name"] not in answers:
                status[name] = ("SKIP", "no bytes from the sandbox to serve")
            elif needs(c) - variables.keys():
                status[name] = ("SKIP", f"no value for {', '.join(sorted(needs(c) - variables.keys()))}"
                                        " (token request failed)")
            else:
                expected = None if run["server"] == "sandbox" else answers[c["name"]]["body"]
                try:
                    preflight(srv, c, variables, expected)
                except (RuntimeError, OSError) as e:
                    status[name] = (kind if expected is None else "FAIL", str(e))
                else:
                    res = measure(srv, c, variables)
                    bad = problems(res)
                    if bad:
                        status[name] = ("FAIL", f"round {rnd + 1}: " + "; ".join(bad))
                        log(f"FAIL {name}: {status[name][1]}\n{res['raw']}")
                    else:
                        log(f"  {name}: {res['rps']:.0f} req/s, p50 {res['p50']:.3f} ms, "
                            f"p99 {res['p99']:.3f} ms, server CPU {fmt(res.get('cpu_us'), '.1f')}"
                            " µs/req" + (f", socket errors: {res['socket_note']}"
                                         if res["socket_note"] else ""))
            if status[name] is not None and res is None:
                if status[name][0] == "SKIP" and rnd == 0 or status[name][0] == "FAIL":
                    log(f"{status[name][0]} {name}: {status[name][1]}")
            results[name].append(res)
    return results, status


def measure(srv, case, variables):
    """Warm-up, then the measured wrk run of a case on a server, with its CPU time."""
    script = wrk_script(case, variables)
    url = f"http://127.0.0.1:{srv.port}{expand(case['path'], variables)}"
    warmup = run_wrk(url, script, CFG["warmup"]) if CFG["warmup"] > 0 else {"requests": 0}
    cpu0 = cpu_seconds(srv.proc.pid)
    res = run_wrk(url, script, CFG["duration"])
    cpu1 = cpu_seconds(srv.proc.pid)
    if cpu0 is not None and cpu1 is not None and res["requests"]:
        res["cpu_us"] = (cpu1 - cpu0) / res["requests"] * 1e6
    res["warmup_requests"] = warmup["requests"]
    errs = {k: v for k, v in res["socket_errors"].items() if v}
    res["socket_note"] = ", ".join(f"{k} {v}" for k, v in errs.items())
    return res


def sustain():
    """Fresh sandbox, SUSTAIN_SECONDS of load on the cases marked "sustain" at once, then RSS."""
    out = {"rss_mb": None, "peak_mb": None, "idle_mb": None, "note": None, "runs": {},
           "cases": []}
    cases = [c for c in load_cases_all() if c.get("sustain")]
    out["cases"] = [c["name"] for c in cases]
    if CFG["sustain"] <= 0:
        out["note"] = "skipped: SUSTAIN_SECONDS=0"
        return out
    if not cases:
        out["note"] = "skipped: no case has \"sustain\": true"
        return out
    s = start_sandbox("sandbox-sustain")
    if s.reason:
        out["note"] = f"skipped: sandbox unavailable: {s.reason}"
        return out
    procs = []
    try:
        time.sleep(1)
        out["idle_mb"] = rss_mb(s.proc.pid)
        variables = case_variables(s.port, cases)
        conns = max(1, CFG["connections"] // max(1, len(cases)))
        for c in cases:
            preflight(s, c, variables)
            argv = ["wrk", f"-t{CFG['threads']}", f"-c{conns}", f"-d{CFG['sustain']}s",
                    "--latency", "-s", wrk_script(c, variables),
                    f"http://127.0.0.1:{s.port}{expand(c['path'], variables)}"]
            procs.append((c["name"], subprocess.Popen(argv, stdout=subprocess.PIPE,
                                                      stderr=subprocess.STDOUT, text=True)))
        log(f"sustained load {CFG['sustain']} s on a fresh sandbox: "
            f"{', '.join(out['cases'])} ({conns} connections each)")
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


# --------------------------------------------------------------------------- proxy mode

PROXY_RUNS = ("ceiling", "sandbox proxy + recording", "sandbox proxy", "WireMock proxy")


def start_proxies(case, ceiling):
    """The servers of a proxy case, each in front of the ceiling (None when not started): the
    ceiling itself (direct), the sandbox proxying the case's vendor with and without
    --record-dir, and WireMock's --proxy-all with connection reuse on."""
    vendor, upstream = case["proxy"]["vendor"], f"http://127.0.0.1:{ceiling.port}"
    slug = re.sub(r"\W+", "-", case["name"])
    record_dir = os.path.join(CFG["workdir"], f"recording-{slug}")
    os.makedirs(record_dir, exist_ok=True)
    proxy_args = ["--mode", f"{vendor}=proxy", "--upstream", f"{vendor}={upstream}"]
    wiremock = Server(f"wiremock-proxy-{slug}")
    # WireMock 3 reuses its proxy client's connections unless told not to; said explicitly so
    # that a changed default cannot make it open a connection per request.
    launch_wiremock(wiremock, "--proxy-all", upstream, "--disable-connection-reuse", "false")
    return record_dir, {
        "ceiling": ceiling,
        "sandbox proxy + recording": start_sandbox(
            f"sandbox-proxy-record-{slug}", proxy_args + ["--record-dir", record_dir]),
        "sandbox proxy": start_sandbox(f"sandbox-proxy-{slug}", proxy_args),
        "WireMock proxy": wiremock,
    }


def recorded_lines(folder):
    count = 0
    for path in glob.glob(os.path.join(folder, "*.jsonl")):
        with open(path, "rb") as f:
            count += sum(1 for line in f if line.strip())
    return count


def measure_proxy(case, ceiling, answers):
    """ROUNDS rounds over the proxy case's servers (rotated by one per round): at
    WRK_CONNECTIONS (warm-up, then measured with CPU) and at one connection (p50: the latency
    the proxy adds to the ceiling's). Then the recording sandbox is stopped and its lines are
    counted against every request wrk and the pre-flights completed on it."""
    out = {"runs": {n: {"many": [], "one": []} for n in PROXY_RUNS}, "status": {}, "sent": 0,
           "lines": None, "note": None}
    if not ceiling.up or case["name"] not in answers:
        out["note"] = "SKIP: " + (f"ceiling unavailable: {ceiling.reason}" if not ceiling.up
                                  else "no bytes from the sandbox for the ceiling to serve")
        log(f"{case['name']}: {out['note']}")
        return out
    record_dir, servers = start_proxies(case, ceiling)
    expected = answers[case["name"]]["body"]
    try:
        for rnd in range(CFG["rounds"]):
            order = PROXY_RUNS[rnd % len(PROXY_RUNS):] + PROXY_RUNS[:rnd % len(PROXY_RUNS)]
            log(f"proxy round {rnd + 1}/{CFG['rounds']}: {case['name']}: " + " -> ".join(order))
            for name in order:
                srv, recording = servers[name], name == "sandbox proxy + recording"
                if out["status"].get(name):
                    continue
                if not srv.up:
                    out["status"][name] = f"unavailable: {srv.reason}"
                    log(f"SKIP {case['name']} @ {name}: {out['status'][name]}")
                    continue
                try:
                    preflight(srv, case, {}, expected)
                except (RuntimeError, OSError) as e:
                    out["status"][name] = f"FAIL: {e}"
                    log(f"FAIL {case['name']} @ {name}: {e}")
                    continue
                many, warm = measure(srv, case, {}), None
                one = run_wrk(f"http://127.0.0.1:{srv.port}{case['path']}",
                              wrk_script(case, {}), CFG["duration"], connections=1)
                if recording:
                    out["sent"] += 1 + many["requests"] + many.get("warmup_requests", 0) \
                        + one["requests"]
                bad = problems(many) + problems(one)
                if bad:
                    out["status"][name] = f"FAIL: round {rnd + 1}: " + "; ".join(bad)
                    log(f"FAIL {case['name']} @ {name}: {out['status'][name]}")
                    continue
                out["runs"][name]["many"].append(many)
                out["runs"][name]["one"].append(one)
                log(f"  {case['name']} @ {name}: {many['rps']:.0f} req/s, p99 "
                    f"{many['p99']:.3f} ms, server CPU {fmt(many.get('cpu_us'), '.1f')} µs/req; "
                    f"one connection: p50 {one['p50']:.3f} ms")
    finally:
        for name, srv in servers.items():
            if name != "ceiling" and srv.proc:
                stop(srv.proc)
    if servers["sandbox proxy + recording"].proc:
        out["lines"] = recorded_lines(record_dir)
        log(f"{case['name']}: {out['lines']} lines recorded, {out['sent']} requests completed "
            f"by wrk and the pre-flights")
    return out


def proxy_figures(m):
    """Medians over rounds per server, and the figures the targets are about."""
    med = lambda rs, k: statistics.median(r[k] for r in rs) if rs else None  # noqa: E731
    runs = {}
    for name, r in m["runs"].items():
        cpus = [x["cpu_us"] for x in r["many"] if x.get("cpu_us") is not None]
        runs[name] = {"rps": med(r["many"], "rps"), "p50": med(r["many"], "p50"),
                      "p99": med(r["many"], "p99"), "p50_one": med(r["one"], "p50"),
                      "cpu_us": statistics.median(cpus) if cpus else None,
                      "rounds": len(r["many"])}
    rec, plain = runs["sandbox proxy + recording"], runs["sandbox proxy"]
    wm, ceil = runs["WireMock proxy"], runs["ceiling"]
    fig = {"runs": runs}
    if rec["rps"] and wm["rps"]:
        fig["x_wiremock"] = rec["rps"] / wm["rps"]
    if rec["p50_one"] is not None and ceil["p50_one"] is not None:
        fig["added_p50_ms"] = rec["p50_one"] - ceil["p50_one"]
    if rec["rps"] and plain["rps"]:
        fig["recording_cost"] = 1 - rec["rps"] / plain["rps"]
    if m["lines"] is not None and rec["rounds"]:
        fig["lost"] = max(0, m["sent"] - m["lines"])
    return fig


def proxy_targets(case, fig):
    """(label, measured, limit, higher_is_better, unit) of a proxy case's targets."""
    t, n, out = case["targets"], case["name"], []
    if "min_wiremock_proxy_ratio" in t:
        out.append((f"{n}: sandbox proxy with recording req/s ≥ {t['min_wiremock_proxy_ratio']}"
                    " × WireMock proxy", fig.get("x_wiremock"), t["min_wiremock_proxy_ratio"],
                    True, "×"))
    if "max_added_p50_ms" in t:
        out.append((f"{n}: p50 added to the ceiling's at one connection ≤ "
                    f"{t['max_added_p50_ms']} ms", fig.get("added_p50_ms"),
                    t["max_added_p50_ms"], False, " ms"))
    if "max_recording_cost" in t:
        out.append((f"{n}: recording costs ≤ {t['max_recording_cost'] * 100:.0f} % of the "
                    "proxy's req/s", fig.get("recording_cost"), t["max_recording_cost"], False,
                    "%"))
    if "max_lost" in t:
        out.append((f"{n}: exchanges not recorded ≤ {t['max_lost']}", fig.get("lost"),
                    t["max_lost"], False, ""))
    return out


def proxy_report(pcases, measured):
    """The report's proxy-mode section (lines) and its targets."""
    if not pcases:
        return [], []
    L, targets = ["## Proxy mode: the sandbox in front of the ceiling\n"], []
    for c in pcases:
        m = measured[c["name"]]
        L.append(f"### {c['name']} (`--mode {c['proxy']['vendor']}=proxy --upstream "
                 f"{c['proxy']['vendor']}=http://127.0.0.1:<ceiling>`)\n")
        if m["note"]:
            L.append(f"{m['note']}\n")
            continue
        fig = proxy_figures(m)
        L.append("| server | req/s | p50 ms | p99 ms | p50 ms at one connection | "
                 "server CPU µs/req | rounds | status |")
        L.append("|---|---:|---:|---:|---:|---:|---:|---|")
        for name, r in fig["runs"].items():
            L.append(f"| {name} | {fmt(r['rps'])} | {fmt(r['p50'], '.3f')} | "
                     f"{fmt(r['p99'], '.3f')} | {fmt(r['p50_one'], '.3f')} | "
                     f"{fmt(r['cpu_us'], '.1f')} | {r['rounds']}/{CFG['rounds']} | "
                     f"{m['status'].get(name) or 'ok'} |")
        L.append("")
        L.append(f"- sandbox proxy with recording ÷ WireMock proxy: "
                 f"**{fmt(fig.get('x_wiremock'), '.2f')} ×**; p50 added at one connection: "
                 f"**{fmt(fig.get('added_p50_ms'), '.3f')} ms**; recording's cost: "
                 f"**{fmt(fig.get('recording_cost') and fig['recording_cost'] * 100, '.1f')} %** "
                 "of the proxy's req/s")
        L.append(f"- recorded lines: {fmt(m['lines'])}; requests completed on that sandbox "
                 f"(wrk warm-ups, measured runs, one-connection runs, pre-flights): {m['sent']}; "
                 f"not recorded: **{fmt(fig.get('lost'))}** (wrk stops with requests in flight, "
                 "which the sandbox may record without wrk counting them)")
        L.append("")
        targets += proxy_targets(c, fig)
    return L, targets


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


def summarize(cases, results):
    """Medians over rounds per run ("<case> @ <server>"), then per case: × ceiling (against the
    ceiling run of its reference case), max p99 ÷ ceiling p99 in the same round, best peer."""
    ok = lambda name: [r for r in results.get(name, []) if r and not problems(r)]  # noqa: E731
    runs = {}
    for name in results:
        rs = ok(name)
        cpus = [r["cpu_us"] for r in rs if r.get("cpu_us") is not None]
        runs[name] = {
            "rps": statistics.median(r["rps"] for r in rs) if rs else None,
            "p50": statistics.median(r["p50"] for r in rs) if rs else None,
            "p99": statistics.median(r["p99"] for r in rs) if rs else None,
            "cpu_us": statistics.median(cpus) if cpus else None,
            "rounds": len(rs),
        }
    per_case = {}
    for c in cases:
        ref = ceiling_ref(c, cases)
        ceil_name = run_name(ref, "ceiling") if ref else None
        ceil = runs.get(ceil_name, {})
        for srv in c["servers"]:
            r = runs[run_name(c["name"], srv)]
            if srv != "ceiling" and r["rps"] and ceil.get("rps"):
                r["x_ceiling"] = r["rps"] / ceil["rps"]
        sb_name = run_name(c["name"], "sandbox")
        sb = runs[sb_name]
        pc = {"ceiling_run": ceil_name if ceil_name in runs else None, "sandbox": sb}
        ratios = [mine["p99"] / base["p99"]
                  for mine, base in zip(results.get(sb_name, []), results.get(ceil_name, []))
                  if mine and base and not problems(mine) and not problems(base) and base["p99"]]
        pc["p99_ratio_max"] = max(ratios) if ratios else None
        peers = [(runs[run_name(c["name"], p)]["rps"], p) for p in c["peers"]
                 if runs[run_name(c["name"], p)]["rps"]]
        if peers:
            pc["best_peer_rps"], pc["best_peer"] = max(peers)
            if sb["rps"]:
                pc["x_best_peer"] = sb["rps"] / pc["best_peer_rps"]
        per_case[c["name"]] = pc
    return runs, per_case


def case_targets(c, pc):
    """(label, measured, limit, higher_is_better, unit) of a case's targets."""
    t, sb, out = c["targets"], pc["sandbox"], []
    ref = pc["ceiling_run"] or "ceiling"
    if "min_ceiling_ratio" in t:
        out.append((f"{c['name']}: sandbox req/s ≥ {t['min_ceiling_ratio']} × {ref}",
                    sb.get("x_ceiling"), t["min_ceiling_ratio"], True, "×"))
    if "min_best_peer_ratio" in t:
        out.append((f"{c['name']}: sandbox req/s ≥ {t['min_best_peer_ratio']} × best peer "
                    f"({pc.get('best_peer', '–')})",
                    pc.get("x_best_peer"), t["min_best_peer_ratio"], True, "×"))
    if "max_p99_ratio" in t:
        out.append((f"{c['name']}: sandbox p99 ≤ {t['max_p99_ratio']} × {ref} p99 (every round)",
                    pc.get("p99_ratio_max"), t["max_p99_ratio"], False, "×"))
    return out


def verdict(value, limit, higher_is_better):
    if value is None:
        return "n/a"
    return "PASS" if (value >= limit if higher_is_better else value <= limit) else "MISS"


def report(facts, cases, results, status, summary, startup, sustained, notes,
           worlds=(None, "skipped"), proxy=([], []), sections=()):
    """The markdown report; `sections` are more lists of lines, put before the targets."""
    runs, per_case = summary
    L = []
    L.append(f"# integration-sandbox load benchmark — {facts[0][1]}\n")
    if os.environ.get("BENCH_NOTE"):
        L.append(f"> {os.environ['BENCH_NOTE']}\n")
    L.append("## Sandbox against the ceiling and the best peer (median over rounds)\n")
    L.append("| case | sandbox req/s | ceiling req/s | × ceiling | WireMock req/s | "
             "MockServer req/s | best peer | sandbox ÷ best peer | sandbox p99 ms | "
             "max p99 ÷ ceiling p99 (same round) |")
    L.append("|---|---:|---:|---:|---:|---:|---|---:|---:|---:|")
    for c in cases:
        pc, sb = per_case[c["name"]], per_case[c["name"]]["sandbox"]
        ceil = runs.get(pc["ceiling_run"], {}) if pc["ceiling_run"] else {}
        ceil_note = "" if pc["ceiling_run"] in (None, run_name(c["name"], "ceiling")) \
            else f" ({pc['ceiling_run'].split(' @ ')[0]})"
        peer = lambda p: fmt(runs[run_name(c["name"], p)]["rps"]) \
            if p in c["peers"] else "not run"  # noqa: E731
        L.append(f"| {c['name']} | {fmt(sb['rps'])} | {fmt(ceil.get('rps'))}{ceil_note} | "
                 f"{fmt(sb.get('x_ceiling'), '.2f')} | {peer('wiremock')} | "
                 f"{peer('mockserver')} | {pc.get('best_peer', '–')} | "
                 f"{fmt(pc.get('x_best_peer'), '.2f')} | {fmt(sb['p99'], '.3f')} | "
                 f"{fmt(pc.get('p99_ratio_max'), '.2f')} |")
    L.append("")
    L.append("The ceiling and the peers serve, per case, the exact bytes the sandbox answered at "
             "the start of the run (static stubs; bodies checked identical before every "
             "measured run). A ceiling figure in parentheses is that of the named case: the "
             "ceiling serves the same path-routed bytes, but only the cases with "
             "`\"ceiling\": true` get a ceiling run of their own.\n")
    L.append("## Every run (median over rounds)\n")
    L.append("| case | server | req/s | p50 ms | p99 ms | × ceiling req/s | server CPU µs/req "
             "| rounds | status |")
    L.append("|---|---|---:|---:|---:|---:|---:|---:|---|")
    for name, r in runs.items():
        st = status[name]
        socket = {x.get("socket_note") for x in results[name] if x and x.get("socket_note")}
        state = "ok" if st is None else f"{st[0]}: {st[1]}"
        if socket and st is None:
            state += f" (socket errors: {'; '.join(sorted(socket))})"
        case, server = name.rsplit(" @ ", 1)
        L.append(f"| {case} | {server} | {fmt(r['rps'])} | {fmt(r['p50'], '.3f')} | "
                 f"{fmt(r['p99'], '.3f')} | {fmt(r.get('x_ceiling'), '.2f')} | "
                 f"{fmt(r['cpu_us'], '.1f')} | {r['rounds']}/{CFG['rounds']} | {state} |")
    L.append("")
    L.append("Server CPU µs/req: user + system CPU time of the server's JVM (all threads: event "
             "loops, GC, JIT) during the measured run, divided by the requests served; it "
             "depends less than req/s on wrk and other processes sharing the cores.")
    L.append("")
    L.append("Per round (req/s · p50 ms · p99 ms):\n")
    L.append("| run | " + " | ".join(f"round {i + 1}" for i in range(CFG["rounds"])) + " |")
    L.append("|---|" + "---|" * CFG["rounds"])
    for name in runs:
        cells = []
        for r in results[name]:
            cells.append("–" if not r else f"{r['rps']:.0f} · {fmt(r['p50'], '.3f')} · "
                                           f"{fmt(r['p99'], '.3f')}"
                         + (" (FAIL)" if problems(r) else ""))
        cells += ["–"] * (CFG["rounds"] - len(cells))
        L.append(f"| {name} | " + " | ".join(cells) + " |")
    L.append("")
    L.append("Response bodies served by the ceiling and the peers:\n")
    for c in cases:
        L.append(f"- {c['name']}: {notes.get(c['name'], '–')}")
    L.append("")

    runs_ms, start_notes = startup
    med_start = statistics.median(runs_ms) if runs_ms else None
    L.append("## Start-up and memory\n")
    L.append(f"- Start-up (launch of `java -jar … --port p` to first 200 from `{HEALTH}`, "
             f"median of {len(runs_ms)}): **{fmt(med_start)} ms**"
             + (f" (runs: {', '.join(f'{x:.0f}' for x in runs_ms)} ms)" if runs_ms else "")
             + (f" — {'; '.join(start_notes)}" if start_notes else ""))
    sus_runs = "; ".join(f"{n}: {fmt(r['rps'])} req/s, p99 {fmt(r['p99'], '.3f')} ms"
                         for n, r in sustained["runs"].items())
    L.append(f"- RSS of a fresh sandbox after {CFG['sustain']} s of concurrent load on "
             f"{' + '.join(sustained['cases']) or '–'}: **{fmt(sustained['rss_mb'])} MB** "
             f"(peak sampled {fmt(sustained['peak_mb'])} MB, idle after start "
             f"{fmt(sustained['idle_mb'])} MB)"
             + (f"; load: {sus_runs}" if sus_runs else "")
             + (f" — {sustained['note']}" if sustained["note"] else ""))
    wf, world_note = worlds
    if wf:
        L.append(f"- World creation (`POST /__sandbox/worlds`, default fixtures, {wf['n']} worlds "
                 f"on one keep-alive connection, after the rounds): **{wf['median_ms']:.3f} ms** median round trip, "
                 f"p99 {wf['p99_ms']:.3f} ms; a health check on the same connection takes "
                 f"{wf['health_ms']:.3f} ms, so the world itself costs about "
                 f"{wf['net_ms']:.3f} ms")
    else:
        L.append(f"- World creation: {world_note}")
    if sustained.get("rounds_rss_mb"):
        L.append("- RSS after all rounds (each with its own JVM flags, see below): "
                 + ", ".join(f"{n} {fmt(v)} MB" for n, v in sustained["rounds_rss_mb"].items()))
    L.append("")

    L += proxy[0]
    for lines in sections:
        L += lines
    L.append("## Targets\n")
    L.append("| target | measured | verdict |")
    L.append("|---|---:|---|")
    targets = []
    for c in cases:
        targets += case_targets(c, per_case[c["name"]])
    targets.append((f"start-up ≤ {CFG['max_startup_ms']:.0f} ms", med_start,
                    CFG["max_startup_ms"], False, " ms"))
    targets.append((f"world creation ≤ {CFG['max_world_ms']:g} ms (median round trip less a "
                    f"health check's)", wf["net_ms"] if wf else None, CFG["max_world_ms"], False,
                    " ms"))
    targets.append((f"RSS after sustained load ≤ {CFG['max_rss_mb']:.0f} MB", sustained["rss_mb"],
                    CFG["max_rss_mb"], False, " MB"))
    targets += proxy[1]
    verdicts = []
    for label, value, limit, hib, unit in targets:
        v = verdict(value, limit, hib)
        verdicts.append(v)
        shown = "–" if value is None else (f"{value:.2f}{unit}" if unit == "×"
                                           else f"{value * 100:.1f} %" if unit == "%"
                                           else f"{value:.0f}" if unit == ""
                                           else f"{value:.3f}{unit}" if value < 10
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
    pcases = [c for c in cases if c.get("proxy")]
    rcases = [c for c in cases if c.get("replay")]
    cases = [c for c in cases if not c.get("proxy") and not c.get("replay")]
    if not cases and not pcases and not rcases:
        raise SystemExit(f"no case matches CASES={CFG['cases']!r}")
    servers = {}
    try:
        startup = measure_startup()

        sb = start_sandbox()
        servers["sandbox"] = sb
        if sb.reason:
            log(f"SKIP sandbox cases: {sb.reason}")
        else:
            log(f"sandbox up on 127.0.0.1:{sb.port} in {sb.startup_ms:.0f} ms")
        answers, notes = fetch_answers(sb, cases + pcases)

        servers["ceiling"] = start_ceiling(cases + pcases, answers)
        servers["wiremock"] = start_wiremock(cases, answers)
        servers["mockserver"] = start_mockserver(cases, answers)
        versions = {n: servers[n].version for n in PEERS}
        for n in ("ceiling",) + PEERS:
            if servers[n].reason:
                log(f"{n} unavailable: {servers[n].reason}")
        for name, a in answers.items():
            log(f"{name}: {len(a['body'])} B (sha256 {hashlib.sha256(a['body']).hexdigest()[:12]})"
                f" served by the ceiling and peers that are up")

        results, status = run_rounds(cases, servers, answers)
        facts = machine_facts(versions)

        rounds_rss = {n: rss_mb(s.proc.pid) for n, s in servers.items() if s.up}
        worlds = measure_worlds(sb.port if sb.up else None)
        if worlds[0]:
            log(f"world creation: median {worlds[0]['median_ms']:.3f} ms round trip "
                f"({worlds[0]['net_ms']:.3f} ms above a health check)")
        info = next((c for c in cases if c["name"] == inspector_bench.CASE), None)
        inspector = inspector_bench.measure(
            sys.modules[__name__], sb, info, case_variables(sb.port, cases) if sb.up else {})
        for s in servers.values():
            if s.proc and s is not servers["ceiling"]:
                stop(s.proc)
        proxied = {c["name"]: measure_proxy(c, servers["ceiling"], answers) for c in pcases}
        if servers["ceiling"].proc:
            stop(servers["ceiling"].proc)
        replayed = replay_bench.measure(rcases)
        sustained = sustain()
        sustained["rounds_rss_mb"] = rounds_rss

        summary = summarize(cases, results)
        modes = [proxy_report(pcases, proxied), replay_bench.report(rcases, replayed)]
        text, verdicts = report(facts, cases, results, status, summary, startup, sustained,
                                notes, worlds, (modes[0][0] + modes[1][0], modes[0][1] + modes[1][1]),
                                [inspector_bench.section(inspector, fmt)])
        results_dir = os.environ.get("BENCH_RESULTS") or os.path.join(BENCH, "results")
        os.makedirs(results_dir, exist_ok=True)
        out = os.path.join(results_dir, f"{CFG['stamp']}.md")
        for path in (out, os.path.join(results_dir, "latest.md")):
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
        print(text)
        log(f"written {out} and {os.path.join(results_dir, 'latest.md')}")
        skipped = [n for n, st in status.items() if st and st[0] == "SKIP"]
        if skipped:
            log(f"SKIPPED cases (see the table for why): {', '.join(skipped)}")
        failed = [n for n, st in status.items() if st and st[0] == "FAIL"] + [
            f"{n} @ {s}" for n, m in replayed.items() for s, st in m["status"].items()
            if st.startswith("FAIL")]
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
