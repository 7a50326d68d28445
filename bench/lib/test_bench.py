"""Self-tests of the driver's pure parts: python3 -m unittest discover -s bench/lib"""

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
                  ("w", "wiremock")]]
        self.assertEqual([c["name"] for c in bench.round_robin(cases)],
                         ["c", "s1", "w", "s2", "s3"])

    def test_expand_and_needs(self):
        case = {"headers": {"Authorization": "Bearer ${BTG_TOKEN}"}, "body": None, "path": "/x"}
        self.assertEqual(bench.needs(case), {"BTG_TOKEN"})
        self.assertEqual(bench.expand("Bearer ${BTG_TOKEN}", {"BTG_TOKEN": "t"}), "Bearer t")

    def test_lua_str(self):
        self.assertEqual(bench.lua_str('{"a":"b\\"}'), '"{\\034a\\034:\\034b\\092\\034}"')
        self.assertEqual(bench.lua_str("ção"), '"\\195\\167\\195\\163o"')

    def test_shipped_cases_load(self):
        names = [c["name"] for c in bench.load_cases()]
        for n in ("ceiling tickets/info", "sandbox btg tickets/info", "sandbox btg create-ticket",
                  "sandbox vocom get_break_list", "wiremock tickets/info"):
            self.assertIn(n, names)


if __name__ == "__main__":
    unittest.main()
