"""The inspector's cost to the server it watches (stdlib only; called from bench.py).

A headless Chromium holds the inspector page (/__sandbox/ui/#/traffic) open on the sandbox, with
its live event stream connected, while the sandbox serves one case:

- at saturation: wrk as in the rounds, page open and page closed alternately, the order swapped
  every round, so drift on the shared machine hits both alike;
- at a fixed rate of INSPECTOR_RATE requests/s (1,000 by default): wrk has no rate limit, so a
  small paced client below sends them, each request scheduled ahead of time and its latency
  counted from its scheduled start (a late send counts as latency, so stalls are not hidden).

The page is counted as connected by the sandbox's own /__sandbox/about (feed subscribers), and the
events the sandbox dropped for it are reported: a slow page gets fewer events, never a slower
server.
"""

import http.client
import json
import os
import shutil
import statistics
import subprocess
import threading
import time

CHROMIUM = os.environ.get("INSPECTOR_CHROMIUM", "/usr/bin/chromium")
RATE = int(os.environ.get("INSPECTOR_RATE", "1000"))
PACED_SECONDS = int(os.environ.get("INSPECTOR_PACED_SECONDS", "10"))
PACED_THREADS = 8
CASE = "btg tickets/info"


def about(port):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    try:
        c.request("GET", "/__sandbox/about")
        return json.loads(c.getresponse().read())
    finally:
        c.close()


class Page:
    """Headless Chromium holding the inspector open; stopped with its process group."""

    def __init__(self, spawn, stop, port, workdir):
        self.spawn, self.stop_proc, self.port = spawn, stop, port
        self.profile = os.path.join(workdir, "chromium-profile")
        self.proc = None

    def open(self, timeout=20):
        shutil.rmtree(self.profile, ignore_errors=True)
        self.proc = self.spawn("inspector-page", [
            CHROMIUM, "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--no-first-run", "--remote-debugging-port=0", f"--user-data-dir={self.profile}",
            "--window-size=1280,900", f"http://127.0.0.1:{self.port}/__sandbox/ui/#/traffic"])
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"chromium exited with code {self.proc.returncode}")
            if about(self.port)["feed"]["subscribers"] >= 1:
                return
            time.sleep(0.2)
        raise RuntimeError(f"the page did not connect to /__sandbox/events within {timeout} s")

    def close(self):
        if self.proc:
            self.stop_proc(self.proc)
            self.proc = None
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and about(self.port)["feed"]["subscribers"] > 0:
            time.sleep(0.1)


def paced(port, method, path, headers, body, rate, seconds):
    """Open-loop load at `rate` requests/s over PACED_THREADS keep-alive connections; latency of
    each request from its scheduled start. Returns req/s achieved, p50/p99/p999 ms, non-2xx and
    how many requests started more than 1 ms late (the client's own lag)."""
    interval = PACED_THREADS / rate
    start = time.perf_counter() + 0.2
    end = start + seconds
    lock = threading.Lock()
    latencies, bad, late = [], [0], [0]

    def worker(offset):
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        mine, bad_here, late_here = [], 0, 0
        due = start + offset * interval / PACED_THREADS
        while due < end:
            now = time.perf_counter()
            if due > now:
                time.sleep(due - now)
            elif now - due > 0.001:
                late_here += 1
            try:
                conn.request(method, path, body=body, headers=headers)
                r = conn.getresponse()
                r.read()
                if not 200 <= r.status <= 299:
                    bad_here += 1
            except (OSError, http.client.HTTPException):
                bad_here += 1
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            mine.append((time.perf_counter() - due) * 1000)
            due += interval
        conn.close()
        with lock:
            latencies.extend(mine)
            bad[0] += bad_here
            late[0] += late_here

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(PACED_THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    latencies.sort()

    def pct(p):
        return latencies[min(len(latencies) - 1, int(len(latencies) * p))] if latencies else None

    return {"rps": len(latencies) / seconds, "p50": pct(0.50), "p99": pct(0.99),
            "p999": pct(0.999), "non2xx": bad[0], "late": late[0], "requests": len(latencies)}


def with_cpu(b, sandbox, run):
    """A run's result with the sandbox JVM's CPU time per request (µs, all threads): what the
    page makes the server itself do, apart from what Chromium takes from the shared cores."""
    cpu0 = b.cpu_seconds(sandbox.proc.pid)
    res = run()
    cpu1 = b.cpu_seconds(sandbox.proc.pid)
    res["cpu_us"] = ((cpu1 - cpu0) / res["requests"] * 1e6
                     if cpu0 is not None and cpu1 is not None and res["requests"] else None)
    return res


def measure(b, sandbox, case, variables):
    """Interleaved rounds of the case with and without the page, at saturation and paced.

    b: the bench module (its wrk, Lua and process helpers); returns a dict for section()."""
    out = {"case": CASE, "rounds": [], "note": None, "rate": RATE}
    if case is None:
        out["note"] = f"skipped: the case {CASE!r} is not selected (CASES)"
        return out
    if not os.access(CHROMIUM, os.X_OK):
        out["note"] = f"skipped: {CHROMIUM} not installed (apt-get install chromium)"
        return out
    if not sandbox.up:
        out["note"] = "skipped: the sandbox is not up"
        return out
    page = Page(b.spawn, b.stop, sandbox.port, b.CFG["workdir"])
    script = b.wrk_script(case, variables)
    url = f"http://127.0.0.1:{sandbox.port}{b.expand(case['path'], variables)}"
    method, path, headers, body = b.case_request(case, variables)
    try:
        for rnd in range(b.CFG["rounds"]):
            order = ("closed", "open") if rnd % 2 == 0 else ("open", "closed")
            row = {}
            for state in order:
                if state == "open":
                    page.open()
                dropped0 = about(sandbox.port)["feed"]["dropped"]
                b.run_wrk(url, script, b.CFG["warmup"]) if b.CFG["warmup"] > 0 else None
                sat = with_cpu(b, sandbox, lambda: b.run_wrk(url, script, b.CFG["duration"]))
                pac = with_cpu(b, sandbox, lambda: paced(
                    sandbox.port, method, path, headers, body, RATE, PACED_SECONDS))
                feed = about(sandbox.port)["feed"]
                row[state] = {"sat": sat, "paced": pac,
                              "dropped": feed["dropped"] - dropped0,
                              "subscribers": feed["subscribers"]}
                if state == "open":
                    page.close()
                b.log(f"  inspector {state}: {sat['rps'] or 0:.0f} req/s saturated, paced "
                      f"{pac['rps']:.0f} req/s p50 {pac['p50']:.3f} ms p99 {pac['p99']:.3f} ms, "
                      f"events dropped {row[state]['dropped']}")
            out["rounds"].append(row)
    except (RuntimeError, OSError, subprocess.SubprocessError) as e:
        out["note"] = f"stopped: {e}"
    finally:
        page.close()
    return out


def median(rounds, state, pick):
    values = [pick(r[state]) for r in rounds if r.get(state) and pick(r[state]) is not None]
    return statistics.median(values) if values else None


def section(m, fmt):
    """The report's lines for a measure() result."""
    L = [f"## Inspector page open ({m['case']})\n"]
    if m["note"] and not m["rounds"]:
        return L + [f"Not measured: {m['note']}\n"]
    L.append(f"A headless Chromium holds `/__sandbox/ui/#/traffic` open (its event stream "
             f"connected) on the same sandbox; closed and open alternate, the order swapped each "
             f"round. Paced: {m['rate']} req/s open-loop over {PACED_THREADS} keep-alive "
             f"connections, latency from each request's scheduled start. Medians over "
             f"{len(m['rounds'])} rounds.\n")
    L.append("| page | saturated req/s | saturated p99 ms | saturated server CPU µs/req | "
             "paced req/s | paced p50 ms | paced p99 ms | paced p99.9 ms | "
             "paced server CPU µs/req | events dropped for the page |")
    L.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for state in ("closed", "open"):
        med = lambda pick: median(m["rounds"], state, pick)  # noqa: E731
        L.append(f"| {state} | {fmt(med(lambda x: x['sat']['rps']))} | "
                 f"{fmt(med(lambda x: x['sat']['p99']), '.3f')} | "
                 f"{fmt(med(lambda x: x['sat'].get('cpu_us')), '.1f')} | "
                 f"{fmt(med(lambda x: x['paced']['rps']))} | "
                 f"{fmt(med(lambda x: x['paced']['p50']), '.3f')} | "
                 f"{fmt(med(lambda x: x['paced']['p99']), '.3f')} | "
                 f"{fmt(med(lambda x: x['paced']['p999']), '.3f')} | "
                 f"{fmt(med(lambda x: x['paced'].get('cpu_us')), '.1f')} | "
                 f"{'–' if state == 'closed' else fmt(med(lambda x: x['dropped']))} |")
    closed = median(m["rounds"], "closed", lambda x: x["sat"]["rps"])
    opened = median(m["rounds"], "open", lambda x: x["sat"]["rps"])
    if closed and opened:
        L.append("")
        L.append(f"Saturated req/s with the page open ÷ closed: **{opened / closed:.2f}**; paced "
                 f"p50 open ÷ closed: **"
                 f"{fmt(ratio(m, lambda x: x['paced']['p50']), '.2f')}**; the server's own CPU per "
                 f"request, open ÷ closed: **"
                 f"{fmt(ratio(m, lambda x: x['sat'].get('cpu_us')), '.2f')}** saturated, **"
                 f"{fmt(ratio(m, lambda x: x['paced'].get('cpu_us')), '.2f')}** paced. Chromium runs on the "
                 f"same cores as the server and wrk, so at saturation it takes CPU from the "
                 f"server; the paced figures say what a developer's page costs at a realistic "
                 f"load.")
    L.append("")
    L.append("Per round (saturated req/s · paced p50 ms · paced p99 ms · paced late starts):\n")
    L.append("| round | closed | open |")
    L.append("|---|---|---|")
    for i, r in enumerate(m["rounds"]):
        cells = [f"{x['sat']['rps'] or 0:.0f} · {x['paced']['p50']:.3f} · "
                 f"{x['paced']['p99']:.3f} · {x['paced']['late']}"
                 if (x := r.get(s)) else "–" for s in ("closed", "open")]
        L.append(f"| {i + 1} | {cells[0]} | {cells[1]} |")
    if m["note"]:
        L.append(f"\n{m['note']}")
    L.append("")
    return L


def ratio(m, pick):
    closed, opened = median(m["rounds"], "closed", pick), median(m["rounds"], "open", pick)
    return opened / closed if closed and opened else None
