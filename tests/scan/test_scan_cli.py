"""What a user sees: failed documents as rows, one-line errors, exit codes, the progress bar."""

from __future__ import annotations

import json
import os
import pty
import re
import subprocess
import time

import pandas as pd
import pytest
from click.testing import CliRunner

from numcheck.reports.cli import main

from scan_support import (
    GERMANY, NUMCHECK, article, install_plugin, plain, read_tables, scan_cli, write_corpus,
)

CRASH = "internal error, please report it: RuntimeError: a broken plugin"


def test_documents_that_fail_become_rows_and_the_scan_goes_on(tmp_path):
    good = write_corpus(tmp_path / "in", 3)
    (tmp_path / "in" / "a" / "binary.txt").write_bytes(b"\x00\x01PNG")
    (tmp_path / "in" / "a" / "empty.txt").write_text("  \n")
    (tmp_path / "in" / "b" / "crash.txt").write_text("BOOM. " + GERMANY)
    missing = tmp_path / "gone.txt"
    env = install_plugin(tmp_path / "plugins")
    proc = scan_cli(tmp_path / "in", missing, "-o", tmp_path / "out", "--workers", "2", env=env)
    assert proc.returncode == 0, proc.stderr
    docs = plain(read_tables(tmp_path / "out")["documents"]).set_index("doc_id")
    a, b = tmp_path / "in" / "a", tmp_path / "in" / "b"
    assert docs["error"].to_dict() == {
        str(good[0]): None, str(a / "binary.txt"): "binary file (contains NUL bytes), not text",
        str(a / "empty.txt"): "empty input: no text to check", str(b / "001.txt"): None,
        str(b / "002.txt"): None, str(b / "crash.txt"): CRASH,
        str(missing): "no such file or directory"}
    assert "scan_test_checks.py" in docs.loc[str(b / "crash.txt"), "traceback"]
    assert docs["traceback"].notna().sum() == 1  # an input error is not a crash
    assert docs.loc[str(b / "crash.txt"), "characters"] == len("BOOM. " + GERMANY)
    assert docs.loc[str(good[0]), "results"] > 0
    lines = proc.stderr.decode().splitlines()
    assert lines[:4] == [
        f"numcheck: {a / 'binary.txt'}: binary file (contains NUL bytes), not text",
        f"numcheck: {a / 'empty.txt'}: empty input: no text to check",
        f"numcheck: {b / 'crash.txt'}: {CRASH}",
        f"numcheck: {missing}: no such file or directory"]
    assert lines[4].startswith("numcheck: scanned 7 documents") and "4 failed" in lines[4]
    assert "Traceback" not in proc.stderr.decode()


def test_a_record_no_table_can_hold_fails_its_document_only(tmp_path):
    write_corpus(tmp_path / "in", 4)  # one chunk: the tables are built for all four at once
    odd = tmp_path / "in" / "a" / "001.txt"
    odd.write_text(odd.read_text() + "ODD.\n")
    proc = scan_cli(tmp_path / "in", "-o", tmp_path / "out", "--workers", "1",
                    env=install_plugin(tmp_path / "plugins"))
    assert proc.returncode == 0, proc.stderr
    tables = read_tables(tmp_path / "out")
    docs = plain(tables["documents"]).set_index("doc_id")
    assert docs["error"].notna().tolist() == [False, True, False, False]
    assert docs.loc[str(odd), "error"].startswith(
        "internal error, please report it: ArrowTypeError: ")
    assert "_records_table" in docs.loc[str(odd), "traceback"]
    assert docs.loc[str(odd), ["quantities", "claims", "results"]].tolist() == [0, 0, 0]
    for name in ("quantities", "claims", "results"):
        assert str(odd) not in set(tables[name]["doc_id"])
        assert tables[name]["doc_id"].nunique() == 3, name
    assert "NC992" not in set(tables["results"]["code"])


def test_bad_records_of_a_table_become_rows(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join([
        json.dumps({"id": "a1", "text": article(1)}), "", json.dumps({"id": "a2", "text": GERMANY}),
        "{not json", json.dumps({"id": "a3"}), json.dumps({"id": "a4", "text": 5}), "[1, 2]",
        json.dumps({"text": "no id"}), json.dumps({"id": "a2", "text": "a second a2"}),
    ]) + "\n", encoding="utf-8")
    proc = scan_cli(path, "-o", tmp_path / "out", "--id-column", "id")
    assert proc.returncode == 0, proc.stderr
    docs = plain(read_tables(tmp_path / "out")["documents"])
    assert docs[["doc_id", "row", "error"]].values.tolist() == [
        ["a1", 1, None],
        ["a2", 3, None],
        [f"{path}#4", 4, "line 4: invalid JSON (Expecting property name enclosed in double quotes: "
                        "line 1 column 2 (char 1))"],
        ["a3", 5, "no 'text' value"],
        ["a4", 6, "a non-text (int) 'text' value"],
        [f"{path}#7", 7, "line 7: not a JSON object"],
        [f"{path}#8", 8, "no 'id' value"],
    ]
    assert f"numcheck: {path} row 9: duplicate id 'a2', skipped" in proc.stderr.decode()


def scan_in_process(*args: object) -> tuple[int, str]:
    """``numcheck scan`` in this process, for errors found before any worker starts."""
    result = CliRunner().invoke(main, ["scan", *map(str, args)])
    return result.exit_code, result.stderr


def test_usage_and_input_errors_are_one_line_exit_2(tmp_path):
    write_corpus(tmp_path / "in", 2)
    (tmp_path / "t.csv").write_text("title,body\nx,Sales rose 5%.\n")
    (tmp_path / "file").write_text("x")
    out = tmp_path / "out"
    assert scan_in_process(tmp_path / "nothing-*.txt", "-o", out) == (
        2, f"numcheck: {tmp_path / 'nothing-*.txt'}: no file matches this pattern\n")
    assert scan_in_process(tmp_path / "t.csv", "-o", out) == (
        2, f"numcheck: {tmp_path / 't.csv'}: no column 'text' (columns: title, body); "
           "see --text-column and --id-column\n")
    code, stderr = scan_in_process(tmp_path / "in", "-o", tmp_path / "file")
    assert code == 2 and f"Directory '{tmp_path / 'file'}' is a file." in stderr
    code, stderr = scan_in_process(tmp_path / "in", "-o", out, "--engine", "local",
                                   "--scheduler", "tcp://127.0.0.1:1")
    assert code == 2 and "--scheduler joins a Dask cluster; it needs --engine dask" in stderr
    assert not out.exists()
    assert scan_cli(tmp_path / "in", "-o", out, "-q").returncode == 0
    assert scan_in_process(tmp_path / "in", "-o", out) == (
        2, f"numcheck: {out}: already holds a scan; pass --resume to continue it, "
           "or choose another folder\n")
    code, stderr = scan_in_process(tmp_path / "in", "-o", out, "--resume", "--ignore", "NC101")
    assert code == 2
    assert stderr.startswith(f"numcheck: {out}: was scanned with settings=")
    assert stderr.endswith("; resume with the same options\n")


def test_stderr_is_one_summary_line_off_a_tty_and_empty_with_quiet(tmp_path):
    write_corpus(tmp_path / "in", 3)
    proc = scan_cli(tmp_path / "in", "-o", tmp_path / "out")
    chars = sum(len(article(i)) for i in range(3)) + len(GERMANY) + 1
    assert re.fullmatch(
        rf"numcheck: scanned 3 documents \({chars:,} characters\) at [\d,]+ documents/s, "
        rf"[\d,]+ characters/s; 0 failed, \d+ inconsistent results → {tmp_path / 'out'}\n",
        proc.stderr.decode()), proc.stderr
    assert proc.stdout == b""
    quiet = scan_cli(tmp_path / "in", "-o", tmp_path / "out2", "--quiet")
    assert (quiet.returncode, quiet.stderr, quiet.stdout) == (0, b"", b"")


def test_a_tty_shows_a_progress_bar_with_rates(tmp_path):
    write_corpus(tmp_path / "in", 40)
    leader, follower = pty.openpty()
    proc = subprocess.Popen(
        [NUMCHECK, "scan", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--workers", "1",
         "--chunk-chars", "1"], stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=follower,
        env={**os.environ, "TERM": "xterm", "COLUMNS": "200"})
    os.close(follower)
    shown = b""
    while True:
        try:
            data = os.read(leader, 65536)
        except OSError:  # the terminal closed with the process
            break
        if not data:
            break
        shown += data
    assert proc.wait(timeout=120) == 0
    bars = re.findall(rb"([\d,]+) documents +([\d,]+) documents/s +([\d,]+) characters/s",
                      shown)
    assert bars, shown
    assert max(int(b[0].replace(b",", b"")) for b in bars) > 0
    assert any(int(b[2].replace(b",", b"")) > 0 for b in bars)
    assert b"numcheck: scanned 40 documents" in shown
    pd.read_parquet(tmp_path / "out" / "documents")  # and the tables were written


@pytest.mark.parametrize("options, lost", [
    (("--workers", "1"), "BrokenProcessPool: A process in the process pool was terminated abruptly"),
    (("--workers", "2", "--chunk-chars", "1"), "BrokenProcessPool: "),
    (("--engine", "dask", "--workers", "2"), "KilledWorker: Attempted to run task "),
], ids=["one chunk", "a chunk a document", "dask"])
def test_a_document_that_kills_its_worker_becomes_a_row_and_the_scan_goes_on(tmp_path, options, lost):
    # Without this, the scan stopped with "a worker failed", and --resume stopped at the same
    # document every time: a corpus with one such document could never be scanned.
    paths = write_corpus(tmp_path / "in", 6)
    env = install_plugin(tmp_path / "plugins")
    assert scan_cli(tmp_path / "in", "-o", tmp_path / "reference", "-q", env=env).returncode == 0
    paths[2].write_text(paths[2].read_text() + "DIE.\n")
    proc = scan_cli(tmp_path / "in", "-o", tmp_path / "out", *options, env=env)
    assert proc.returncode == 0, proc.stderr
    docs = plain(read_tables(tmp_path / "out")["documents"]).set_index("doc_id")
    errors = docs["error"].dropna().to_dict()
    assert list(errors) == [str(paths[2])]
    assert errors[str(paths[2])].startswith(f"the worker checking this document died ({lost}")
    assert "\n" not in errors[str(paths[2])]
    assert docs.loc[str(paths[2]), ["quantities", "claims", "results"]].tolist() == [0, 0, 0]
    # every other document is checked as it would have been
    out, reference = read_tables(tmp_path / "out"), read_tables(tmp_path / "reference")
    for name in ("quantities", "claims", "results"):
        kept = reference[name][reference[name]["doc_id"] != str(paths[2])].reset_index(drop=True)
        pd.testing.assert_frame_equal(out[name].reset_index(drop=True), kept)
    lines = proc.stderr.decode().splitlines()  # nothing but the one line and the summary
    assert lines[0] == f"numcheck: {paths[2]}: {errors[str(paths[2])]}"
    assert lines[1].startswith("numcheck: scanned 6 documents") and "1 failed" in lines[1]
    assert len(lines) == 2


def test_a_document_over_the_time_limit_becomes_a_row_and_the_scan_goes_on(tmp_path):
    paths = write_corpus(tmp_path / "in", 4)
    paths[1].write_text(paths[1].read_text() + "SLOW.\n")  # ten minutes in a plugin check
    started = time.monotonic()
    proc = scan_cli(tmp_path / "in", "-o", tmp_path / "out", "--workers", "1", "--doc-timeout", "1",
                    env=install_plugin(tmp_path / "plugins"))
    assert proc.returncode == 0, proc.stderr
    assert time.monotonic() - started < 60
    docs = plain(read_tables(tmp_path / "out", keep_timing=True)["documents"]).set_index("doc_id")
    assert docs["error"].dropna().to_dict() == {
        str(paths[1]): "took longer than the time limit of 1 s (--doc-timeout); its worker was stopped"}
    assert 1 <= docs.loc[str(paths[1]), "seconds"] < 30
    assert (docs.drop(index=str(paths[1]))["results"] > 0).all()
