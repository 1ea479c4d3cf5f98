"""Golden files: the machine formats on the two sample articles, byte for byte.

The reports are produced by the CLI (``numcheck check`` on the shipped samples, run from the
repository root so paths are relative and stable): the JSON one by the installed console script,
the others in-process through click's runner, which is the same command without a second of
interpreter start-up each. When extraction or checks change on purpose, regenerate and review
the diff:

    NUMCHECK_UPDATE_GOLDEN=1 python -m pytest tests/reports/test_golden_formats.py

Without that variable the test only compares, and a mismatch shows a diff.
"""

from __future__ import annotations

import difflib
import json
import os
from pathlib import Path

import pytest

from conftest import run_cli
from inprocess import invoke

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = Path(__file__).parent / "golden"
SAMPLES = ["claims/samples/000_3cd21a3405032239.txt", "claims/samples/003_a70c754bd2bccae4.txt"]
CASES = {  # golden file → extra CLI arguments
    "samples.json": ["--format", "json"],
    "samples.jsonl": ["--format", "jsonl"],
    "samples.csv": ["--format", "csv"],
    "samples-quantities.csv": ["--format", "csv", "--what", "quantities"],
    "samples-claims.csv": ["--format", "csv", "--what", "claims"],
    "samples.sarif": ["--format", "sarif"],
    "samples.github": ["--format", "github"],
    "samples.concise": ["--format", "concise"],
    "samples.md": ["--format", "md"],
    "samples.junit.xml": ["--format", "junit"],
}


def produce(args: list[str]) -> str:
    run = run_cli if args == CASES["samples.json"] else invoke
    proc = run("check", *SAMPLES, "--isolated", *args, cwd=ROOT)
    assert proc.returncode == 1, proc.stderr  # the Germany figure is inconsistent
    assert proc.stderr == b""
    return proc.stdout.decode("utf-8")


@pytest.mark.parametrize("name", sorted(CASES))
def test_format_matches_golden_file(name):
    actual = produce(CASES[name])
    path = GOLDEN / name
    if os.environ.get("NUMCHECK_UPDATE_GOLDEN"):
        path.write_text(actual, encoding="utf-8")
    expected = path.read_text(encoding="utf-8")
    if actual != expected:
        diff = "".join(difflib.unified_diff(expected.splitlines(True), actual.splitlines(True),
                                            f"golden/{name}", "actual"))
        pytest.fail(f"{name} differs from its golden file (if intended: NUMCHECK_UPDATE_GOLDEN=1 "
                    f"python -m pytest {Path(__file__).relative_to(ROOT)}):\n{diff}")


# The SARIF 2.1.0 schema's required properties and enumerations for the objects we write
# (from sarif-schema-2.1.0.json: sarifLog, run, tool, toolComponent, reportingDescriptor, result,
# message, location, physicalLocation, region, invocation, notification).
REQUIRED = {"log": {"version", "runs"}, "run": {"tool"}, "tool": {"driver"},
            "driver": {"name"}, "rule": {"id"}, "result": {"message"},
            "invocation": {"executionSuccessful"}, "notification": {"message"}}
LEVELS = {"none", "note", "warning", "error"}
# Every SARIF object is "additionalProperties": false: only the schema's property names are valid.
# These are the names the schema defines for the objects we write (trimmed to the ones a
# numcheck log could plausibly use); anything else we emit makes the log invalid.
ALLOWED = {
    "log": {"$schema", "version", "runs", "properties"},
    "run": {"tool", "invocations", "results", "columnKind", "artifacts", "originalUriBaseIds",
            "automationDetails", "properties"},
    "tool": {"driver", "extensions", "properties"},
    "driver": {"name", "version", "semanticVersion", "informationUri", "rules", "organization",
               "fullName", "shortDescription", "fullDescription", "properties"},
    "rule": {"id", "name", "shortDescription", "fullDescription", "help", "helpUri",
             "defaultConfiguration", "properties"},
    "result": {"ruleId", "ruleIndex", "level", "kind", "message", "locations", "partialFingerprints",
               "fingerprints", "suppressions", "properties"},
    "physicalLocation": {"artifactLocation", "region", "contextRegion", "properties"},
    "region": {"startLine", "startColumn", "endLine", "endColumn", "charOffset", "charLength",
               "snippet", "message", "properties"},
    "invocation": {"executionSuccessful", "toolExecutionNotifications", "exitCode", "commandLine",
                   "properties"},
    "notification": {"level", "message", "locations", "descriptor", "properties"},
}


def _message_ok(m: dict) -> bool:
    return "text" in m or "id" in m  # message: anyOf text, id


def test_sarif_has_the_schema_required_fields():
    log = json.loads((GOLDEN / "samples.sarif").read_text(encoding="utf-8"))
    assert REQUIRED["log"] <= log.keys() and log["version"] == "2.1.0"
    (run,) = log["runs"]
    assert REQUIRED["run"] <= run.keys() and REQUIRED["tool"] <= run["tool"].keys()
    driver = run["tool"]["driver"]
    assert REQUIRED["driver"] <= driver.keys()
    assert run["columnKind"] in ("utf16CodeUnits", "unicodeCodePoints")
    rules = driver["rules"]
    assert all(REQUIRED["rule"] <= r.keys() and _message_ok(r["shortDescription"]) for r in rules)
    assert len({r["id"] for r in rules}) == len(rules)
    for result in run["results"]:
        assert REQUIRED["result"] <= result.keys() and _message_ok(result["message"])
        assert result["level"] in LEVELS
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        region = result["locations"][0]["physicalLocation"]["region"]
        assert region["startLine"] >= 1 and region["startColumn"] >= 1
        assert (region["endLine"], region["endColumn"]) > (region["startLine"], region["startColumn"])
        assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].startswith("claims/")
    for inv in run["invocations"]:
        assert REQUIRED["invocation"] <= inv.keys()
        assert all(REQUIRED["notification"] <= n.keys() for n in inv["toolExecutionNotifications"])
    assert [r["level"] for r in run["results"]].count("error") == 1


def test_sarif_uses_only_properties_the_schema_defines():
    log = json.loads((GOLDEN / "samples.sarif").read_text(encoding="utf-8"))
    (run,) = log["runs"]
    objects = [("log", log), ("run", run), ("tool", run["tool"]), ("driver", run["tool"]["driver"])]
    objects += [("rule", r) for r in run["tool"]["driver"]["rules"]]
    objects += [("invocation", i) for i in run["invocations"]]
    objects += [("notification", n) for i in run["invocations"] for n in i["toolExecutionNotifications"]]
    for result in run["results"]:
        objects.append(("result", result))
        for loc in result["locations"]:
            objects += [("physicalLocation", loc["physicalLocation"]),
                        ("region", loc["physicalLocation"]["region"])]
    assert len(objects) > 20
    assert [(kind, sorted(obj.keys() - ALLOWED[kind])) for kind, obj in objects
            if obj.keys() - ALLOWED[kind]] == []


def test_sarif_region_snippet_is_the_source_text():
    log = json.loads((GOLDEN / "samples.sarif").read_text(encoding="utf-8"))
    lines = (ROOT / SAMPLES[0]).read_text(encoding="utf-8").split("\n")
    for result in log["runs"][0]["results"]:
        region = result["locations"][0]["physicalLocation"]["region"]
        assert region["startLine"] == region["endLine"]  # the samples' claims sit on one line
        line = lines[region["startLine"] - 1]
        assert line[region["startColumn"] - 1:region["endColumn"] - 1] == region["snippet"]["text"]
