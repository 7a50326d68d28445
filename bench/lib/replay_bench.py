"""The replay case of bench/run (a case file with "replay"): replay mode answering from
recordings of 100, 10,000 and 100,000 exchanges, against the ceiling serving the same bytes.

The recordings are JSON Lines as contracts/recording.schema.json describes them, a mix of the
four vendors (half PostCenter ticket reads, a quarter Vocom break lists, an eighth each BTG
ticket creations and HubSoft atendimentos), each exchange with an id of its own. The PostCenter
and Vocom answers are the emulator's own bytes, taken from a sandbox in emulate mode at the start;
ids are written at a fixed width, so every ticket's answer has the same length. wrk reads random
tickets over the whole recording, so a larger recording is also a larger working set.

Uses bench.py's helpers (processes, wrk, pre-flights); bench.py calls measure() and report().
"""

import json
import os
import random
import re
import statistics
import subprocess

import bench as B

TICKET = "5cb8eeeb0715437c9126715e"  # a PostCenter fixture ticket: the answers' template
POSTCENTER_KEY = "Key sandbox-postcenter-key"
REPLAYED = "btg=replay,postcenter=replay,hubsoft=replay,vocom=replay"
BREAK_LIST_CASE = "vocom get_break_list"


def sizes(case):
    env = os.environ.get("REPLAY_SIZES")
    return [int(s) for s in env.split()] if env else case["replay"]["sizes"]


def ticket_id(i):
    return "%024x" % i


def ticket_path(i):
    return f"/v2/ticket/{ticket_id(i)}/"


# --------------------------------------------------------------------------- recordings

def templates():
    """The emulator's answers to a PostCenter ticket read and a Vocom break list."""
    sb = B.start_sandbox("sandbox-replay-templates")
    if sb.reason:
        raise RuntimeError(f"no emulating sandbox for the replay templates: {sb.reason}")
    try:
        status, body = B.req(sb.port, "GET", ticket_path_of(TICKET),
                             {"Authorization": POSTCENTER_KEY})
        if status != 200:
            raise RuntimeError(f"GET {ticket_path_of(TICKET)} answered {status}: {body[:200]!r}")
        vocom = next(c for c in B.load_cases_all() if c["name"] == BREAK_LIST_CASE)
        method, path, headers, request = B.case_request(vocom, {})
        vstatus, vbody = B.req(sb.port, method, path, headers, request)
        if vstatus != 200:
            raise RuntimeError(f"{BREAK_LIST_CASE} answered {vstatus}: {vbody[:200]!r}")
        return {"ticket": body.decode(), "vocom": (path, json.loads(request), json.loads(vbody))}
    finally:
        B.stop(sb.proc)


def ticket_path_of(tid):
    return f"/v2/ticket/{tid}/"


def line(i, vendor, operation, method, uri, body, status, answer):
    headers = {"host": f"{vendor}.example.com", "user-agent": "collections-service/4.2",
               "accept": "application/json", "authorization": "***",
               "x-request-id": f"req-{i:08d}"}
    if body is not None:
        headers["content-type"] = "application/json"
    return {"format": 1, "id": f"ex-{i:08d}", "at": "2026-01-15T10:00:00Z", "vendor": vendor,
            "operation": operation, "mode": "proxy", "world": "default", "durationMs": 12.5,
            "request": {"method": method, "uri": uri, "headers": headers, "body": body,
                        "bodySize": 0 if body is None else len(json.dumps(body))},
            "response": {"status": status,
                         "headers": {"content-type": "application/json",
                                     "date": "Thu, 15 Jan 2026 10:00:00 GMT",
                                     "x-amzn-requestid": f"amzn-{i:08d}"},
                         "body": answer, "bodySize": len(json.dumps(answer))},
            "violations": []}


def exchange(i, tpl):
    """The i-th exchange: a ticket read for even i, else one of the three other vendors."""
    if i % 2 == 0:
        tid = ticket_id(i)
        return line(i, "postcenter", "getTicket", "GET", ticket_path(i), None, 200,
                    json.loads(tpl["ticket"].replace(TICKET, tid)))
    if i % 4 == 1:
        path, request, answer = tpl["vocom"]
        return line(i, "vocom", "getBreakList", "POST", path,
                    dict(request, agent=f"AG{i:08d}"), 200, answer)
    if i % 8 == 3:
        cpf = f"{i:011d}"
        return line(i, "btg", "createTicket", "POST",
                    f"/v2/btg-tickets/customers/{cpf}/tickets",
                    {"phoneAreaCode": "11", "phoneNumber": "999998888", "channel": "PHONE",
                     "type": "OUTBOUND"}, 201,
                    {"id": f"tk-{i:08d}", "document": cpf, "status": "OPEN",
                     "createdAt": "2026-01-15T10:00:00Z"})
    return line(i, "hubsoft", "abrirAtendimento", "POST", "/api/v1/integracao/atendimento",
                {"id_cliente_servico": f"{10000 + i:08d}",
                 "descricao": "Abertura de atendimento de teste",
                 "nome": "Nome do Usuario Solicitante", "telefone": "11999998888"}, 200,
                {"status": "success", "msg": "Atendimento aberto com sucesso",
                 "atendimento": {"id_atendimento": i, "protocolo": f"2026{i:08d}"}})


def write_recording(n, tpl):
    path = os.path.join(B.CFG["workdir"], f"replay-{n}.jsonl")
    with open(path, "w", encoding="utf-8") as f:
        for i in range(n):
            f.write(json.dumps(exchange(i, tpl), ensure_ascii=False, separators=(",", ":")))
            f.write("\n")
    return path


def tickets(n):
    """How many ticket reads a recording of n exchanges holds (every even exchange)."""
    return (n + 1) // 2


def random_tickets_case(case, n):
    """The case with a Lua request() reading random tickets among the first n exchanges."""
    lua = os.path.join(B.CFG["workdir"], "lua", f"replay-{n}-requests.lua")
    os.makedirs(os.path.dirname(lua), exist_ok=True)
    with open(lua, "w") as f:
        f.write(f"math.randomseed({random.randrange(1 << 30)})\n"
                "request = function()\n"
                f"  local i = math.random(0, {tickets(n) - 1}) * 2\n"
                '  return wrk.format(nil, string.format("/v2/ticket/%024x/", i))\n'
                "end\n")
    return dict(case, name=f"{case['name']} {n}", path=ticket_path(0),
                script=os.path.relpath(lua, B.BENCH))


# --------------------------------------------------------------------------- measuring

def heap_after_gc_mb(pid):
    """Heap in use after a full GC (jcmd GC.run, then GC.heap_info), or None."""
    try:
        subprocess.run(["jcmd", str(pid), "GC.run"], capture_output=True, timeout=60)
        out = subprocess.run(["jcmd", str(pid), "GC.heap_info"], capture_output=True,
                               text=True, timeout=60).stdout
    except (OSError, subprocess.TimeoutExpired):
        return None
    m = re.search(r"used (\d+)K", out)
    return int(m.group(1)) / 1024 if m else None


def measure(rcases):
    return {c["name"]: measure_case(c) for c in rcases}


def measure_case(case):
    """Start a replaying sandbox per size and the ceiling; ROUNDS rounds over all of them,
    rotated by one per round; then heap and RSS of each sandbox."""
    out = {"sizes": sizes(case), "runs": {}, "status": {}, "info": {}, "note": None}
    servers = {}
    try:
        tpl = templates()
        expected = None
        for n in out["sizes"]:
            path = write_recording(n, tpl)
            sb = B.start_sandbox(f"sandbox-replay-{n}", ["--mode", REPLAYED, "--replay-from", path])
            name = f"replay {n:,}"
            servers[name] = (sb, random_tickets_case(case, n))
            out["info"][name] = {"exchanges": n, "mb": os.path.getsize(path) / 1e6,
                                 "startup_ms": getattr(sb, "startup_ms", None)}
            if sb.reason:
                out["status"][name] = f"unavailable: {sb.reason}"
                continue
            status, body = B.req(sb.port, "GET", ticket_path(0), {"Authorization": POSTCENTER_KEY})
            if status == 200 and expected is None:
                expected = body
            B.log(f"{name}: up in {sb.startup_ms:.0f} ms from {out['info'][name]['mb']:.1f} MB")
        if expected is None:
            out["note"] = "SKIP: no replaying sandbox answered the first ticket"
            return out
        body_file = os.path.join(B.CFG["workdir"], "replay-ticket.json")
        with open(body_file, "wb") as f:
            f.write(expected)
        ceiling = B.Server("ceiling-replay")
        ceiling.port = B.free_port()
        ceiling.proc = B.spawn(ceiling.name, B.jvm("ceiling", "-cp", B.CFG["jar"],
                                                   os.path.join(B.BENCH, "Ceiling.java"),
                                                   str(ceiling.port), body_file,
                                                   B.CFG["ceiling_instances"]))
        if B.wait_http_ok(f"http://127.0.0.1:{ceiling.port}/", ceiling.proc, 60) is None:
            ceiling.reason = "ceiling did not answer 200 within 60 s"
        servers = {"ceiling": (ceiling, random_tickets_case(case, max(out["sizes"]))), **servers}
        rounds(case, servers, expected, out)
        for name, (srv, _) in servers.items():
            if name != "ceiling" and srv.up:
                out["info"][name]["heap_mb"] = heap_after_gc_mb(srv.proc.pid)
                out["info"][name]["rss_mb"] = B.rss_mb(srv.proc.pid)
    except (RuntimeError, OSError) as e:
        out["note"] = f"SKIP: {e}"
        B.log(f"{case['name']}: {out['note']}")
    finally:
        for srv, _ in servers.values():
            if srv.proc:
                B.stop(srv.proc)
    return out


def rounds(case, servers, expected, out):
    names = list(servers)
    out["runs"] = {n: [] for n in names}
    for rnd in range(B.CFG["rounds"]):
        order = names[rnd % len(names):] + names[:rnd % len(names)]
        B.log(f"replay round {rnd + 1}/{B.CFG['rounds']}: " + " -> ".join(order))
        for name in order:
            srv, run_case = servers[name]
            if out["status"].get(name):
                continue
            if not srv.up:
                out["status"][name] = f"unavailable: {srv.reason}"
                continue
            try:
                B.preflight(srv, run_case, {}, expected)
            except (RuntimeError, OSError) as e:
                out["status"][name] = f"FAIL: {e}"
                B.log(f"FAIL {case['name']} @ {name}: {e}")
                continue
            res = B.measure(srv, run_case, {})
            bad = B.problems(res)
            if bad:
                out["status"][name] = f"FAIL: round {rnd + 1}: " + "; ".join(bad)
                B.log(f"FAIL {case['name']} @ {name}: {out['status'][name]}")
                continue
            out["runs"][name].append(res)
            B.log(f"  {name}: {res['rps']:.0f} req/s, p50 {res['p50']:.3f} ms, p99 "
                  f"{res['p99']:.3f} ms, server CPU {B.fmt(res.get('cpu_us'), '.1f')} µs/req")


# --------------------------------------------------------------------------- report

def figures(m):
    """Medians over rounds per server; × ceiling per size; p99 growth from the smallest
    recording to the largest, and the spread of the smallest one's p99 over its rounds."""
    med = lambda rs, k: statistics.median(r[k] for r in rs) if rs else None  # noqa: E731
    runs = {}
    for name, rs in m["runs"].items():
        cpus = [r["cpu_us"] for r in rs if r.get("cpu_us") is not None]
        runs[name] = {"rps": med(rs, "rps"), "p50": med(rs, "p50"), "p99": med(rs, "p99"),
                      "p99s": [r["p99"] for r in rs], "rounds": len(rs),
                      "cpu_us": statistics.median(cpus) if cpus else None}
    ceiling = runs.get("ceiling", {}).get("rps")
    for name, r in runs.items():
        r["x_ceiling"] = r["rps"] / ceiling if r["rps"] and ceiling and name != "ceiling" else None
    fig = {"runs": runs}
    small, large = f"replay {min(m['sizes']):,}", f"replay {max(m['sizes']):,}"
    if runs.get(small, {}).get("p99") and runs.get(large, {}).get("p99"):
        fig["p99_growth"] = runs[large]["p99"] / runs[small]["p99"]
        fig["small_p99_spread"] = max(runs[small]["p99s"]) / min(runs[small]["p99s"])
    return fig


def targets(case, m, fig):
    """(label, measured, limit, higher_is_better, unit) of the replay case's targets."""
    t, n, out = case["targets"], case["name"], []
    if "min_ceiling_ratio" in t:
        for size in m["sizes"]:
            name = f"replay {size:,}"
            out.append((f"{n}: {size:,} exchanges, req/s ≥ {t['min_ceiling_ratio']} × ceiling",
                        fig["runs"].get(name, {}).get("x_ceiling"), t["min_ceiling_ratio"], True,
                        "×"))
    if "max_p99_growth" in t:
        out.append((f"{n}: p99 at {max(m['sizes']):,} exchanges ≤ {t['max_p99_growth']} × p99 at "
                    f"{min(m['sizes']):,} (medians over rounds)", fig.get("p99_growth"),
                    t["max_p99_growth"], False, "×"))
    return out


def report(rcases, measured):
    """The report's replay section (lines) and its targets."""
    if not rcases:
        return [], []
    L, tg = ["## Replay mode: recordings of growing size against the ceiling\n"], []
    for c in rcases:
        m = measured[c["name"]]
        L.append(f"### {c['name']} (`--mode {REPLAYED} --replay-from <recording>`)\n")
        if m["note"]:
            L.append(f"{m['note']}\n")
            continue
        fig = figures(m)
        L.append("| server | recording | start-up ms | req/s | p50 ms | p99 ms | p99 per round "
                 "ms | × ceiling | server CPU µs/req | heap after full GC MB | RSS MB | rounds "
                 "| status |")
        L.append("|---|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---|")
        for name, r in fig["runs"].items():
            info = m["info"].get(name, {})
            rec = (f"{info['exchanges']:,} exchanges, {info['mb']:.1f} MB" if info
                   else "serves one recorded answer's bytes")
            L.append(f"| {name} | {rec} | {B.fmt(info.get('startup_ms'))} | {B.fmt(r['rps'])} | "
                     f"{B.fmt(r['p50'], '.3f')} | {B.fmt(r['p99'], '.3f')} | "
                     f"{', '.join(f'{x:.2f}' for x in r['p99s'])} | "
                     f"{B.fmt(r['x_ceiling'], '.2f')} | {B.fmt(r['cpu_us'], '.1f')} | "
                     f"{B.fmt(info.get('heap_mb'))} | {B.fmt(info.get('rss_mb'))} | "
                     f"{r['rounds']}/{B.CFG['rounds']} | {m['status'].get(name) or 'ok'} |")
        L.append("")
        L.append(f"- p99 at {max(m['sizes']):,} exchanges ÷ p99 at {min(m['sizes']):,}: "
                 f"**{B.fmt(fig.get('p99_growth'), '.2f')} ×** (target ≤ "
                 f"{c['targets'].get('max_p99_growth', '–')}); for scale, the spread of the "
                 f"smallest recording's own p99 over its rounds (max ÷ min) is "
                 f"{B.fmt(fig.get('small_p99_spread'), '.2f')} ×")
        L.append("- Every sandbox replays all four vendors with the recommended JVM flags; wrk "
                 "reads random PostCenter tickets over the whole recording (half its "
                 "exchanges), and the ceiling answers every path with the bytes of the first "
                 "ticket (all tickets' answers have the same length).")
        L.append("")
        tg += targets(c, m, fig)
    return L, tg
