"""The command line as a user meets it: exit codes, one-line errors, batches, stdin, -o."""

from __future__ import annotations

import json

from conftest import SAMPLES_DIR, run_cli

GERMANY = "Downloads fell 35% to 382 million from 602 million the previous year.\n"
FINE = "Users dropped by about 45% (from 4.2 million to 2.3 million).\n"


def test_stdin_inconsistent_exits_1_with_json():
    proc = run_cli("check", "-", "--format", "json", input=GERMANY.encode())
    assert proc.returncode == 1
    doc = json.loads(proc.stdout)["documents"][0]
    assert doc["path"] == "-"
    assert [(r["code"], r["verdict"]) for r in doc["results"]] == [("NC101", "inconsistent")]


def test_consistent_exits_0_and_exit_zero_overrides(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(FINE)
    assert run_cli("check", str(good)).returncode == 0
    bad = tmp_path / "bad.txt"
    bad.write_text(GERMANY)
    assert run_cli("check", str(bad)).returncode == 1
    assert run_cli("check", str(bad), "--exit-zero").returncode == 0


def test_missing_file_is_one_line_exit_2(tmp_path):
    proc = run_cli("check", str(tmp_path / "nope.txt"))
    assert proc.returncode == 2
    assert proc.stderr.decode() == f"numcheck: {tmp_path / 'nope.txt'}: no such file or directory\n"
    assert b"Traceback" not in proc.stdout + proc.stderr


def test_binary_and_empty_files_are_reported_and_the_batch_goes_on(tmp_path):
    (tmp_path / "a_binary.txt").write_bytes(b"\x00\x01\x02PNG")
    (tmp_path / "b_empty.txt").write_text("   \n")
    (tmp_path / "c_bad.txt").write_text(GERMANY)
    (tmp_path / "ignored.csv").write_text("1,2,3")
    proc = run_cli("check", str(tmp_path), "--format", "json")
    assert proc.returncode == 2
    assert proc.stderr.decode().splitlines() == [
        f"numcheck: {tmp_path / 'a_binary.txt'}: binary file (contains NUL bytes), not text",
        f"numcheck: {tmp_path / 'b_empty.txt'}: empty input: no text to check",
    ]
    report = json.loads(proc.stdout)
    assert [d["path"].rsplit("/", 1)[1] for d in report["documents"]] == [
        "a_binary.txt", "b_empty.txt", "c_bad.txt"]
    assert report["summary"]["inconsistent"] == 1
    assert report["summary"]["errors"] == 2


def test_empty_stdin_is_an_input_error():
    proc = run_cli("check", "-", input=b"")
    assert proc.returncode == 2
    assert proc.stderr.decode() == "numcheck: <stdin>: empty input: no text to check\n"


def test_cp1252_input_is_read_with_a_note(tmp_path):
    f = tmp_path / "old.txt"
    f.write_bytes("Profits rose 10% to \xa3110m from \xa3100m.\n".encode("cp1252"))
    proc = run_cli("check", str(f), "--format", "json")
    doc = json.loads(proc.stdout)["documents"][0]
    assert [n["kind"] for n in doc["notes"]] == ["encoding"]
    assert [q["text"] for q in doc["quantities"]] == ["10%", "£110m", "£100m"]
    assert doc["results"][0]["verdict"] == "consistent"


def test_output_file_and_usage_errors(tmp_path):
    out = tmp_path / "report.json"
    proc = run_cli("check", str(SAMPLES_DIR), "--format", "json", "-o", str(out))
    assert proc.returncode == 1 and proc.stdout == b""
    assert json.loads(out.read_text())["summary"]["documents"] == 2
    usage = run_cli("check", "-", "--format", "yaml", input=b"x")
    assert usage.returncode == 2 and b"Traceback" not in usage.stderr
    assert run_cli("check").returncode == 2


def test_demo_prints_report_and_writes_json(tmp_path):
    out = tmp_path / "demo.json"
    proc = run_cli("demo", "-o", str(out))
    assert proc.returncode == 0
    text = proc.stdout.decode()
    assert "stated −35% (−35.5 to −34.5); 602 million → 382 million is −36.5%" in text
    assert "\x1b[" not in text  # no colour codes when stdout is not a terminal
    report = json.loads(out.read_text())
    assert report["version"] == 1
    assert [d["path"] for d in report["documents"]] == [
        "<sample>/000_3cd21a3405032239.txt", "<sample>/003_a70c754bd2bccae4.txt"]


def test_rules_and_explain():
    rules = run_cli("rules").stdout.decode().splitlines()
    from numcheck.checks import registry
    codes = [line.split()[0] for line in rules]
    assert codes == [c.code for c in registry()]
    assert codes[:11] == [
        "NC101", "NC102", "NC103", "NC104", "NC105", "NC106", "NC107", "NC108", "NC109", "NC110", "NC111"]
    explain = run_cli("explain", "NC101").stdout.decode()
    assert explain.startswith("NC101 percent-change\n")
    assert "Fails:" in explain and "Passes:" in explain
    unknown = run_cli("explain", "NC999")
    assert unknown.returncode == 2 and b"no check named" in unknown.stderr


def test_select_and_ignore():
    proc = run_cli("check", "-", "--ignore", "NC101", "--format", "json", input=GERMANY.encode())
    assert proc.returncode == 0
    assert json.loads(proc.stdout)["documents"][0]["results"] == []


def test_version_says_whether_stage_1_is_compiled():
    """A wheel compiles claims/ with mypyc (setup.py), an editable install does not; the version
    line tells them apart, as the modules' files do."""
    import importlib
    import importlib.metadata
    import pkgutil

    import numcheck.claims as claims

    files = [importlib.import_module(f"numcheck.claims.{m.name}").__file__
             for m in pkgutil.iter_modules(claims.__path__)]
    compiled = sum(not f.endswith(".py") for f in files)
    expected = f"compiled (mypyc, {compiled} modules of claims/)" if compiled else "pure Python"
    proc = run_cli("--version")
    assert proc.returncode == 0
    assert proc.stdout.decode() == f"numcheck {importlib.metadata.version('numcheck')}, stage 1 {expected}\n"
    assert compiled in (0, 21)  # setup.py's COMPILED list, all or nothing
