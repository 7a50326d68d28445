"""Self-tests of the replay case's recordings and figures (python3 -m unittest discover -s bench/lib)."""

import json
import os
import unittest

import bench  # noqa: F401  (replay_bench imports it as "bench")
import replay_bench as R

TEMPLATES = {
    "ticket": json.dumps({"id": R.TICKET, "subject": "x", "is_closed": False}),
    "vocom": ("/interact_cti/agent/get_break_list/", {"agent": "DEV", "company_id": "c"},
              {"response": {"status": "success"}}),
}
SCHEMA = os.path.join(R.B.ROOT, "contracts", "recording.schema.json")


class Recordings(unittest.TestCase):
    def test_lines_have_what_the_recording_schema_requires_and_ids_of_their_own(self):
        with open(SCHEMA) as f:
            schema = json.load(f)
        lines = [R.exchange(i, TEMPLATES) for i in range(16)]
        for line in lines:
            for key in schema["required"]:
                self.assertIn(key, line)
            for part in ("request", "response"):
                for key in schema["properties"][part]["required"]:
                    self.assertIn(key, line[part])
        self.assertEqual({ln["vendor"] for ln in lines}, {"postcenter", "vocom", "btg", "hubsoft"})
        shapes = {(ln["request"]["uri"], json.dumps(ln["request"]["body"])) for ln in lines}
        self.assertEqual(len(shapes), 16, "every exchange is a request of its own")

    def test_every_ticket_answer_has_the_same_length(self):
        sizes = {len(json.dumps(R.exchange(i, TEMPLATES)["response"]["body"]))
                 for i in range(0, 200_000, 9_998)}
        self.assertEqual(len(sizes), 1)
        self.assertEqual(R.exchange(10, TEMPLATES)["response"]["body"]["id"], R.ticket_id(10))


class Figures(unittest.TestCase):
    def run_(self, rps, p99s):
        return [{"rps": rps, "p50": 1.0, "p99": p, "cpu_us": 40.0} for p in p99s]

    def test_ratio_to_the_ceiling_and_p99_growth(self):
        m = {"sizes": [100, 100000], "status": {}, "info": {}, "note": None,
             "runs": {"ceiling": self.run_(10000, [1.0, 1.0, 1.0]),
                      "replay 100": self.run_(5000, [2.0, 3.0, 4.0]),
                      "replay 100,000": self.run_(3000, [6.0, 6.0, 6.0])}}
        fig = R.figures(m)
        self.assertAlmostEqual(fig["runs"]["replay 100"]["x_ceiling"], 0.5)
        self.assertAlmostEqual(fig["p99_growth"], 2.0)
        self.assertAlmostEqual(fig["small_p99_spread"], 2.0)
        case = {"name": "replay", "targets": {"min_ceiling_ratio": 0.4, "max_p99_growth": 1.5}}
        verdicts = [bench.verdict(v, lim, hib) for _, v, lim, hib, _ in R.targets(case, m, fig)]
        self.assertEqual(verdicts, ["PASS", "MISS", "MISS"])


if __name__ == "__main__":
    unittest.main()
