"""Self-tests of the inspector measurement's paced client and report: python3 -m unittest
discover -s bench/lib"""

import http.server
import threading
import unittest

import bench
import inspector_bench


class Ok(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):  # noqa: N802
        self.send_response(200 if self.path == "/ok" else 404)
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"ok")

    def log_message(self, *args):
        pass


class Paced(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Ok)
        threading.Thread(target=cls.server.serve_forever, daemon=True).start()

    @classmethod
    def tearDownClass(cls):
        cls.server.shutdown()

    def test_holds_the_rate_and_counts_non_2xx(self):
        port = self.server.server_address[1]
        r = inspector_bench.paced(port, "GET", "/ok", {}, None, 200, 1)
        self.assertAlmostEqual(r["rps"], 200, delta=20)
        self.assertEqual(r["non2xx"], 0)
        self.assertLessEqual(r["p50"], r["p99"])
        bad = inspector_bench.paced(port, "GET", "/missing", {}, None, 100, 1)
        self.assertEqual(bad["non2xx"], bad["requests"])


class Section(unittest.TestCase):
    def run_of(self, rps, p50, dropped):
        return {"sat": {"rps": rps, "p99": 2.0, "cpu_us": 40.0},
                "paced": {"rps": 1000, "p50": p50, "p99": 1.0, "p999": 3.0, "late": 0,
                          "cpu_us": 80.0},
                "dropped": dropped, "subscribers": 1}

    def test_medians_and_ratios(self):
        m = {"case": "btg tickets/info", "rate": 1000, "note": None, "rounds": [
            {"closed": self.run_of(10000, 0.4, 0), "open": self.run_of(8000, 0.5, 10)},
            {"closed": self.run_of(12000, 0.4, 0), "open": self.run_of(9000, 0.5, 30)},
        ]}
        text = "\n".join(inspector_bench.section(m, bench.fmt))
        self.assertIn("| closed | 11000 | 2.000 | 40.0 | 1000 |", text)
        self.assertIn("**1.00** saturated, **1.00** paced", text)
        self.assertIn("| open | 8500 |", text)
        self.assertIn("open ÷ closed: **0.77**", text)
        self.assertIn("p50 open ÷ closed: **1.25**", text)
        self.assertIn("| 20 |", text)

    def test_not_measured_says_why(self):
        m = {"case": "btg tickets/info", "rate": 1000, "rounds": [], "note": "skipped: x"}
        self.assertIn("Not measured: skipped: x", "\n".join(inspector_bench.section(m, bench.fmt)))


if __name__ == "__main__":
    unittest.main()
