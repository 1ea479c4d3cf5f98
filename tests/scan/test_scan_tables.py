"""``numcheck scan`` writes what the pipeline finds: one documents row per input, every record."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pandas as pd
import pytest

from numcheck.checks import check_text
from numcheck.claims.frame import to_frame
from numcheck.claims.records import Claim, Quantity, Result
from scan_support import (
    GERMANY, article, part_names, plain, read_tables, scan_cli, write_corpus,
)


def expected_tables(texts: dict[str, str]) -> dict[str, pd.DataFrame]:
    """What the scan must write for ``texts`` (doc id → text), computed by the pipeline itself."""
    docs = {doc_id: check_text(text, doc_id) for doc_id, text in texts.items()}
    frames = {}
    for name, kind in (("quantities", Quantity), ("claims", Claim), ("results", Result)):
        parts = [to_frame(getattr(d, name), kind=kind).assign(doc_id=i) for i, d in docs.items()]
        frame = pd.concat(parts, ignore_index=True)
        frames[name] = frame[["doc_id", *frame.columns[:-1]]]
    frames["counts"] = pd.DataFrame([
        {"doc_id": i, "characters": len(texts[i]), "quantities": len(d.quantities),
         "claims": len(d.claims), "results": len(d.results),
         "inconsistent": sum(r.verdict == "inconsistent" for r in d.results)}
        for i, d in docs.items()])
    return frames


def assert_matches_pipeline(tables: dict[str, pd.DataFrame], texts: dict[str, str]) -> None:
    want = expected_tables(texts)
    got_claims = tables["claims"].assign(
        roles=[json.loads(r) for r in tables["claims"]["roles"]],
        attributes=[json.loads(a) for a in tables["claims"]["attributes"]])
    want_claims = want["claims"].assign(
        attributes=[json.loads(json.dumps(a, default=str)) for a in want["claims"]["attributes"]])
    for name, got, expected in (("quantities", tables["quantities"], want["quantities"]),
                                ("claims", got_claims, want_claims),
                                ("results", tables["results"], want["results"])):
        pd.testing.assert_frame_equal(plain(got), plain(expected), obj=name)
    counts = tables["documents"][want["counts"].columns]
    pd.testing.assert_frame_equal(plain(counts), plain(want["counts"]))


def test_a_folder_of_text_files(tmp_path):
    paths = write_corpus(tmp_path / "in", 12)
    # One document per chunk, so that parts hold exactly --part-docs documents.
    proc = scan_cli(tmp_path / "in", "-o", tmp_path / "out", "--workers", "2",
                    "--chunk-chars", "1", "--part-docs", "5")
    assert proc.returncode == 0, proc.stderr
    tables = read_tables(tmp_path / "out")
    docs = tables["documents"]
    assert docs["doc_id"].tolist() == [str(p) for p in paths]  # input order, across workers
    assert docs["path"].tolist() == [str(p) for p in paths]
    assert docs["row"].isna().all() and docs["error"].isna().all()
    assert_matches_pipeline(tables, {str(p): p.read_text(encoding="utf-8") for p in paths})
    # The README's Germany figure, an error every reader can check by hand.
    germany = tables["results"].query("doc_id == @paths[1].as_posix() and code == 'NC101'")
    assert "inconsistent" in germany["verdict"].tolist()
    # Written in parts of five documents, the same parts in every table.
    for table in ("documents", "quantities", "claims", "results"):
        assert part_names(tmp_path / "out", table) == [f"part-{i:06d}.parquet" for i in range(3)]
    assert [len(pd.read_parquet(tmp_path / "out" / "documents" / n))
            for n in part_names(tmp_path / "out")] == [5, 5, 2]


def test_globs_are_expanded_sorted_and_recursive(tmp_path):
    paths = write_corpus(tmp_path / "in", 4)
    (tmp_path / "in" / "a" / "notes.md").write_text("Not a document: 1, 2, 3.")
    proc = scan_cli(str(tmp_path / "in" / "**" / "*.txt"), "-o", tmp_path / "out", "-q")
    assert proc.returncode == 0, proc.stderr
    assert read_tables(tmp_path / "out")["documents"]["doc_id"].tolist() == [str(p) for p in paths]


def write_tables(folder: Path, records: list[dict]) -> dict[str, Path]:
    """The same records as JSONL, CSV and parquet."""
    folder.mkdir()
    paths = {fmt: folder / f"articles.{fmt}" for fmt in ("jsonl", "csv", "parquet")}
    paths["jsonl"].write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    with open(paths["csv"], "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=["key", "body"])
        writer.writeheader()
        writer.writerows(records)
    pd.DataFrame(records).to_parquet(paths["parquet"])
    return paths


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_tables_of_texts_with_an_id_column(tmp_path, fmt):
    # Long texts with commas, quotes and blank lines: CSV quoting must survive.
    records = [{"key": f"story-{i}", "body": article(i) + f'He said: "{i}, {i + 1}".\n' * 40}
               for i in range(5)]
    path = write_tables(tmp_path / "in", records)[fmt]
    proc = scan_cli(path, "-o", tmp_path / "out", "--text-column", "body", "--id-column", "key",
                    "--workers", "2", "--chunk-chars", "5000")
    assert proc.returncode == 0, proc.stderr
    tables = read_tables(tmp_path / "out")
    docs = tables["documents"]
    assert docs["doc_id"].tolist() == [f"story-{i}" for i in range(5)]
    assert docs["row"].tolist() == [1, 2, 3, 4, 5]
    assert set(docs["path"]) == {str(path)}
    assert_matches_pipeline(tables, {r["key"]: r["body"] for r in records})


def test_without_an_id_column_the_id_is_file_and_line(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"text": article(0)}) + "\n\n" + json.dumps({"text": GERMANY})
                    + "\n", encoding="utf-8")
    proc = scan_cli(path, "-o", tmp_path / "out")
    assert proc.returncode == 0, proc.stderr
    docs = read_tables(tmp_path / "out")["documents"]
    assert docs["doc_id"].tolist() == [f"{path}#1", f"{path}#3"]
    assert docs["row"].tolist() == [1, 3]
    assert docs["inconsistent"].tolist()[1] == 1
