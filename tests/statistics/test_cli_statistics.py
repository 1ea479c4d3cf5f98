"""Statistics through the real console script: JSON report, exit codes, rules and explain."""

from __future__ import annotations

import json

from conftest import run_cli

RESULTS = ("Anxiety was moderate (M = 3.47, SD = 1.21, N = 28). The effect was significant, "
           "t(28) = 1.20, p = .03, and recall improved, t(30) = 2.50, p = .018.\n")


def test_json_report_carries_statistics_claims_and_intervals() -> None:
    proc = run_cli("check", "-", "--format", "json", input=RESULTS.encode())
    assert proc.returncode == 1, proc.stderr
    doc = json.loads(proc.stdout)["documents"][0]
    claims = {c["id"]: c for c in doc["claims"]}
    assert [(c["kind"], sorted(c["roles"])) for c in claims.values()] == [
        ("descriptives", ["mean", "n", "sd"]), ("test_result", ["df1", "p", "statistic"]),
        ("test_result", ["df1", "p", "statistic"])]
    got = [(r["code"], r["verdict"], r["severity"], r["claim_ids"]) for r in doc["results"]]
    assert got == [("NC202", "inconsistent", "major", ["c1"]), ("NC203", "unverifiable", None, ["c1"]),
                   ("NC201", "inconsistent", "gross", ["c2"]), ("NC201", "consistent", None, ["c3"])]
    gross = doc["results"][2]
    assert gross["message"] == ("t(28) = 1.20 gives p = .240 (.238 to .243); reported p = .03; the reported "
                                "p is significant at .05 and the recomputed one is not: the decision flips")
    assert gross["stated"] == {"value": 0.03, "lower": 0.025, "upper": 0.035, "unit": ""}
    assert round(gross["computed"]["lower"], 4) == 0.2383 and round(gross["computed"]["upper"], 4) == 0.2421
    text = RESULTS
    for q in doc["quantities"]:
        assert text[q["start"]:q["end"]] == q["text"]


def test_consistent_results_exit_zero() -> None:
    proc = run_cli("check", "-", input=b"Recall improved, t(30) = 2.50, p = .018 (M = 5.19, SD = 1.10, N = 32).\n")
    assert proc.returncode == 1  # the SD of 1.10 is impossible with that mean and N (NC203)
    proc = run_cli("check", "-", "--ignore", "NC203", input=b"Recall improved, t(30) = 2.50, p = .018 (M = 5.19, N = 32).\n")
    assert proc.returncode == 0, proc.stdout.decode()


def test_rules_and_explain_list_the_statistics_checks() -> None:
    rules = run_cli("rules").stdout.decode().splitlines()
    assert [line.split()[:2] for line in rules if line.startswith("NC2")] == [
        ["NC201", "p-value"], ["NC202", "grim"], ["NC203", "grimmer"], ["NC204", "debit"]]
    for code in ("NC201", "NC202", "NC203", "NC204"):
        explain = run_cli("explain", code).stdout.decode()
        assert explain.startswith(code) and "Why:" in explain and "Fails:" in explain and "Passes:" in explain
