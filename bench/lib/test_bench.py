"""Self-tests of the driver's pure parts: python3 -m unittest discover -s bench/lib"""

import base64
import os
import tempfile
import unittest

import bench

WRK_OUT = """Running 10s test @ http://127.0.0.1:41115/v2/btg-tickets/customers/tickets/info
  1 threads and 32 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     5.32ms   20.11ms 1.26s    97.12%
    Req/Sec    12.36k     1.20k   14.01k    80.00%
  Latency Distribution
     50%    1.62ms
     75%    2.01ms
     90%  900.00us
     99%    1.26s
  123600 requests in 10.00s, 60.00MB read
  Socket errors: connect 0, read 0, write 0, timeout 3
  Non-2xx or 3xx responses: 7
Requests/sec:  12360.12
Transfer/sec:      6.00MB
BENCH_NON2XX 9 404
"""


class ParseWrk(unittest.TestCase):
    def test_fields(self):
        r = bench.parse_wrk(WRK_OUT)
        self.assertAlmostEqual(r["rps"], 12360.12)
        self.assertAlmostEqual(r["p50"], 1.62)
        self.assertAlmostEqual(r["p99"], 1260.0)
        self.assertEqual(r["requests"], 123600)
        self.assertEqual(r["wrk_non2xx3xx"], 7)
        self.assertEqual((r["non2xx"], r["first_bad"]), (9, 404))
        self.assertEqual(r["socket_errors"]["timeout"], 3)

    def test_non2xx_is_a_problem(self):
        r = bench.parse_wrk(WRK_OUT)
        r["exit"] = 0
        self.assertIn("9 non-2xx responses (first: 404)", bench.problems(r))
        clean = bench.parse_wrk(WRK_OUT.replace("BENCH_NON2XX 9 404", "BENCH_NON2XX 0 0")
                                .replace("  Non-2xx or 3xx responses: 7\n", ""))
        clean["exit"] = 0
        self.assertEqual(bench.problems(clean), [])

    def test_units(self):
        self.assertAlmostEqual(bench.to_ms("250.00us"), 0.25)
        self.assertAlmostEqual(bench.to_ms("3.5ms"), 3.5)
        self.assertAlmostEqual(bench.to_ms("2.00s"), 2000)
        self.assertAlmostEqual(bench.to_ms("1.00m"), 60000)


class Cases(unittest.TestCase):
    def test_round_robin_alternates_servers(self):
        cases = [{"name": n, "server": s} for n, s in
                 [("c", "ceiling"), ("s1", "sandbox"), ("s2", "sandbox"), ("s3", "sandbox"),
                  ("w", "wiremock"), ("m", "mockserver")]]
        self.assertEqual([c["name"] for c in bench.round_robin(cases)],
                         ["c", "s1", "w", "m", "s2", "s3"])

    def test_expand_and_needs(self):
        case = {"headers": {"Authorization": "Bearer ${BTG_TOKEN}"}, "body": None, "path": "/x"}
        self.assertEqual(bench.needs(case), {"BTG_TOKEN"})
        self.assertEqual(bench.expand("Bearer ${BTG_TOKEN}", {"BTG_TOKEN": "t"}), "Bearer t")

    def test_lua_str(self):
        self.assertEqual(bench.lua_str('{"a":"b\\"}'), '"{\\034a\\034:\\034b\\092\\034}"')
        self.assertEqual(bench.lua_str("ção"), '"\\195\\167\\195\\163o"')

    def test_shipped_cases_load(self):
        cases = bench.load_cases()
        names = [c["name"] for c in cases]
        for n in ("btg tickets/info", "btg create-ticket", "vocom get_break_list",
                  "vocom tabs/list_all 2000 records"):
            self.assertIn(n, names)
        proxied = [c for c in cases if c.get("proxy")]
        self.assertEqual([c["proxy"]["vendor"] for c in proxied], ["vocom"])
        self.assertEqual(proxied[0]["targets"], {"min_wiremock_proxy_ratio": 5.0,
                                                 "max_added_p50_ms": 1.0,
                                                 "max_recording_cost": 0.15, "max_lost": 0})
        replayed = [c for c in cases if c.get("replay")]
        self.assertEqual([c["replay"]["sizes"] for c in replayed], [[100, 10000, 100000]])
        self.assertEqual(replayed[0]["targets"], {"min_ceiling_ratio": 0.4, "max_p99_growth": 1.5})
        for c in cases:
            if c.get("proxy") or c.get("replay"):
                continue
            self.assertIn("sandbox", c["servers"])
            self.assertEqual(c["targets"].get("min_best_peer_ratio"), 1.0, c["name"])
            self.assertLessEqual(c["targets"].get("max_p99_ratio"), 2.5, c["name"])
        big = next(c for c in cases if c["name"].startswith("vocom tabs"))
        self.assertEqual(bench.ceiling_ref(big, cases), big["name"])  # its own bytes

    def test_proxy_figures(self):
        run = lambda rps, p50_one: {"many": [{"rps": rps, "p50": 1.0, "p99": 2.0, "cpu_us": 50.0}],  # noqa: E731
                                    "one": [{"p50": p50_one}]}
        m = {"runs": {"ceiling": run(20000, 0.10), "sandbox proxy + recording": run(8600, 0.45),
                      "sandbox proxy": run(10000, 0.40), "WireMock proxy": run(1000, 2.0)},
             "sent": 1003, "lines": 1000}
        fig = bench.proxy_figures(m)
        self.assertAlmostEqual(fig["x_wiremock"], 8.6)
        self.assertAlmostEqual(fig["added_p50_ms"], 0.35)
        self.assertAlmostEqual(fig["recording_cost"], 0.14)
        self.assertEqual(fig["lost"], 3)
        case = {"name": "p", "targets": {"max_lost": 0, "max_recording_cost": 0.15}}
        verdicts = [bench.verdict(v, lim, hib) for _, v, lim, hib, _ in
                    bench.proxy_targets(case, fig)]
        self.assertEqual(verdicts, ["PASS", "MISS"])

    def test_recorded_lines_ignore_blank_lines(self):
        with tempfile.TemporaryDirectory() as d:
            for name, text in (("exchanges-1.jsonl", "{}\n{}\n"), ("exchanges-2.jsonl", "{}\n\n"),
                               ("other.txt", "{}\n")):
                with open(os.path.join(d, name), "w") as f:
                    f.write(text)
            self.assertEqual(bench.recorded_lines(d), 3)

    def test_servers_and_ceiling_reference(self):
        a = bench.normalize_case({"name": "a", "path": "/a", "ceiling": True})
        b = bench.normalize_case({"name": "b", "path": "/b", "peers": ["mockserver"]})
        c = bench.normalize_case({"name": "c", "path": "/c", "ceiling": "b"})
        self.assertEqual(a["servers"], ["ceiling", "sandbox", "wiremock", "mockserver"])
        self.assertEqual(b["servers"], ["sandbox", "mockserver"])
        self.assertEqual(bench.ceiling_ref(b, [a, b, c]), "a")
        self.assertEqual(bench.ceiling_ref(c, [a, b, c]), "b")
        self.assertEqual([r["name"] for r in bench.make_runs([b])],
                         ["b @ sandbox", "b @ mockserver"])
        with self.assertRaises(SystemExit):
            bench.normalize_case({"name": "x", "path": "/x", "peers": ["nginx"]})

    def test_expect_and_json_field(self):
        case = {"expect": {"status": 200, "json": {"response.count": 2000, "list.0.id": 1}}}
        good = b'{"response": {"count": 2000}, "list": [{"id": 1}]}'
        self.assertEqual(bench.check_expect(case, 200, good), [])
        bad = bench.check_expect(case, 201, b'{"response": {"count": 7}, "list": []}')
        self.assertEqual(bad, ["status 201, expected 200", "response.count = 7, expected 2000",
                               "list.0.id = '<missing>', expected 1"])
        self.assertEqual(bench.check_expect(case, 200, b"<html>")[-1], "answer is not JSON")

    def test_stubs_carry_the_exact_bytes(self):
        case = bench.normalize_case({"name": "t", "method": "POST", "path": "/p?a=1&b=",
                                     "body": '{"k": "${V}"}', "stub": {"match_body": True}})
        answer = {"status": 201, "body": "ção".encode(), "type": "application/json"}
        wm = bench.wiremock_stub(case, answer)
        self.assertEqual(wm["request"], {"method": "POST", "url": "/p?a=1&b=",
                                         "bodyPatterns": [{"equalTo": '{"k": "${V}"}'}]})
        self.assertEqual(base64.b64decode(wm["response"]["base64Body"]), answer["body"])
        self.assertEqual(wm["response"]["status"], 201)
        ms = bench.mockserver_expectation(case, answer)
        self.assertEqual(ms["httpRequest"]["path"], "/p")
        self.assertEqual(ms["httpRequest"]["queryStringParameters"], {"a": ["1"], "b": [""]})
        self.assertEqual(base64.b64decode(ms["httpResponse"]["body"]["base64Bytes"]),
                         answer["body"])
        plain = bench.normalize_case({"name": "u", "path": "/u"})
        self.assertNotIn("bodyPatterns", bench.wiremock_stub(plain, answer)["request"])
        self.assertNotIn("body", bench.mockserver_expectation(plain, answer)["httpRequest"])

    def test_summary_best_peer_and_p99_ratio(self):
        a = bench.normalize_case({"name": "a", "path": "/a", "ceiling": True,
                                  "targets": {"min_best_peer_ratio": 1.0}})

        def res(rps, p99):
            return {"rps": rps, "p50": 1.0, "p99": p99, "requests": 10, "exit": 0,
                    "non2xx": 0, "wrk_non2xx3xx": 0, "first_bad": 0, "cpu_us": 5.0}
        results = {"a @ ceiling": [res(1000, 2.0), res(900, 1.0)],
                   "a @ sandbox": [res(700, 3.0), res(800, 2.5)],
                   "a @ wiremock": [res(50, 100.0), None],
                   "a @ mockserver": [res(60, 90.0), res(80, 80.0)]}
        runs, per_case = bench.summarize([a], results)
        pc = per_case["a"]
        self.assertAlmostEqual(runs["a @ sandbox"]["x_ceiling"], 750 / 950)
        self.assertEqual(pc["best_peer"], "mockserver")
        self.assertAlmostEqual(pc["x_best_peer"], 750 / 70)
        self.assertAlmostEqual(pc["p99_ratio_max"], 2.5)
        (label, value, limit, hib, _), = bench.case_targets(a, pc)
        self.assertIn("best peer (mockserver)", label)
        self.assertEqual(bench.verdict(value, limit, hib), "PASS")

    def test_expand_leaves_unknown_names(self):
        self.assertEqual(bench.expand("${A}-${B}", {"A": "1"}), "1-${B}")


if __name__ == "__main__":
    unittest.main()


class WorldFigures(unittest.TestCase):
    def test_median_p99_and_share_above_a_health_check(self):
        f = bench.world_figures([0.0004, 0.0002, 0.0003, 0.0010], [0.0001, 0.0001, 0.0002])
        self.assertEqual(f["n"], 4)
        self.assertAlmostEqual(f["median_ms"], 0.35)
        self.assertAlmostEqual(f["p99_ms"], 1.0)
        self.assertAlmostEqual(f["health_ms"], 0.1)
        self.assertAlmostEqual(f["net_ms"], 0.25)

    def test_nothing_measured(self):
        self.assertIsNone(bench.world_figures([], []))
