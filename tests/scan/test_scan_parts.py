"""The pieces of a scan, in process: chunking, de-duplication, schemas, one chunk of work."""

from __future__ import annotations

import pyarrow as pa
import pytest

from numcheck.checks import Settings
from numcheck.reports.scan_inputs import chunks, fresh
from numcheck.reports.scan_work import SCHEMAS, Chunk, Item, Work, scan_chunk

from scan_support import GERMANY


def item(doc_id: str, size: int) -> Item:
    return Item(doc_id, doc_id, size=size)


@pytest.mark.parametrize("sizes, max_chars, max_docs, expected", [
    pytest.param([5, 5, 5, 5], 10, 100, [["0", "1"], ["2", "3"]], id="by-characters"),
    pytest.param([4, 4, 4, 4, 4], 10, 100, [["0", "1", "2"], ["3", "4"]], id="tail-kept"),
    pytest.param([50, 1, 1], 10, 100, [["0"], ["1", "2"]], id="big-document-alone"),
    pytest.param([0] * 5, 10, 2, [["0", "1"], ["2", "3"], ["4"]], id="by-count-when-sizes-unknown"),
    pytest.param([], 10, 2, [], id="nothing"),
])
def test_chunks_hold_about_max_chars(sizes, max_chars, max_docs, expected):
    stream = (item(str(i), s) for i, s in enumerate(sizes))
    got = [[it.doc_id for it in c.items] for c in chunks(stream, max_chars, max_docs)]
    assert got == expected


def test_fresh_skips_done():
    stream = [item("a", 1), item("b", 1), Item("c", "t.csv", 3), item("a", 1)]
    assert [it.doc_id for it in fresh(stream, {"a"})] == ["b", "c"]


def test_unique_keeps_the_first_document_of_each_id_with_its_records():
    """Duplicates within a chunk and across chunks are dropped with their records, and the
    counts of the chunk follow; a chunk without duplicates comes back as it was."""
    from numcheck.reports.scan_inputs import Unique

    work, warnings = Work(Settings()), []
    unique = Unique(warnings.append)
    first = scan_chunk(Chunk((Item("g", "t.jsonl", 1, GERMANY), Item("x", "x.txt", error="bad"))),
                       work)
    assert unique.keep(first) is first
    second = scan_chunk(Chunk((
        Item("s", "t.jsonl", 2, "Sales rose 5% to £21m from £20m."),
        Item("g", "t.jsonl", 3, GERMANY),  # seen in the first chunk
        Item("p", "t.jsonl", 4, "Prices fell 10% to $9 from $10."),
        Item("s", "t.jsonl", 5, "A second s: 5 is more than 4."),  # seen in this chunk
        Item("x", "x.txt", error="bad"),
    )), work)
    kept = unique.keep(second)
    assert warnings == ["t.jsonl row 3: duplicate id 'g', skipped",
                        "t.jsonl row 5: duplicate id 's', skipped", "x.txt: duplicate id 'x', skipped"]
    assert kept.tables["documents"].column("row").to_pylist() == [2, 4]
    assert (kept.documents, kept.characters, kept.errors) == (2, 63, [])
    # The second "s" has records of its own under the same id: they go by position, not by id.
    assert second.tables["quantities"].column("doc_id").to_pylist() == list("sssgggpppsss")
    assert kept.tables["quantities"].column("doc_id").to_pylist() == list("sssppp")
    assert kept.tables["claims"].column("doc_id").to_pylist() == ["s", "p"]
    assert kept.tables["quantities"].column("text").to_pylist() == [
        "5%", "£21m", "£20m", "10%", "$9", "$10"]
    assert kept.tables["results"].column("doc_id").to_pylist() == ["s", "p"]
    for name, table in kept.tables.items():
        assert table.schema == SCHEMAS[name]


def test_one_chunk_in_process():
    out = scan_chunk(Chunk((
        Item("g", "t.jsonl", 1, GERMANY),
        Item("e", "t.jsonl", 2, " \n"),
        Item("x", "t.jsonl", 3, error="line 3: invalid JSON"),
    )), Work(Settings()))
    assert (out.documents, out.characters) == (3, len(GERMANY))
    assert out.errors == [("e", "empty input: no text to check"), ("x", "line 3: invalid JSON")]
    docs = out.tables["documents"].to_pylist()
    assert [(d["doc_id"], d["row"], d["inconsistent"], d["error"]) for d in docs] == [
        ("g", 1, 1, None), ("e", 2, 0, "empty input: no text to check"),
        ("x", 3, 0, "line 3: invalid JSON")]
    assert out.tables["quantities"].column("text").to_pylist() == [
        "35%", "382 million", "602 million"]
    assert set(out.tables["quantities"].column("doc_id").to_pylist()) == {"g"}
    for name, table in out.tables.items():
        assert table.schema == SCHEMAS[name]


def test_schemas_are_fixed_whatever_a_part_holds():
    """Every part has the same schema, even one without claims (Arrow would infer nulls)."""
    empty = scan_chunk(Chunk((Item("n", "n", None, "No figures here."),)), Work(Settings()))
    assert empty.tables["claims"].num_rows == 0
    assert empty.tables["claims"].schema == SCHEMAS["claims"]
    assert SCHEMAS["claims"].field("roles").type == pa.string()  # JSON: keys vary by claim kind
    assert SCHEMAS["claims"].field("quantity_ids").type == pa.list_(pa.string())
    assert SCHEMAS["results"].field("stated_lower").type == pa.float64()


def _jsonl_rows(tmp_path):
    import json

    path = tmp_path / "t.jsonl"
    lines = [json.dumps({"id": "g", "body": GERMANY}),
             json.dumps({"id": "u", "body": "Café prices rose 5% to £2.10 from £2 — «vraiment» 🙂."},
                        ensure_ascii=False),
             "", "{not json", json.dumps({"id": "n", "body": 7}), json.dumps({"id": "e", "body": " "})]
    path.write_bytes(("\ufeff" + "\n".join(lines) + "\n").encode("utf-8"))  # a BOM, as Notepad writes
    return path


def test_jsonl_lines_by_reference_give_the_tables_of_lines_by_value(tmp_path):
    """On one machine a JSONL line travels as its byte range and the worker reads it again; what
    comes out is what the text itself would give, BOM, non-ASCII and bad lines included."""
    from numcheck.reports.scan_inputs import items

    path = _jsonl_rows(tmp_path)
    by_value = list(items([str(path)], "body", "id", lambda p: [p]))
    by_reference = list(items([str(path)], "body", "id", lambda p: [p], by_reference=True))
    assert [(i.doc_id, i.row, i.text is None, i.offset >= 0, i.error) for i in by_reference] == [
        ("g", 1, True, True, None), ("u", 2, True, True, None),
        (f"{path}#4", 4, True, False, "line 4: invalid JSON (Expecting property name enclosed in "
                                      "double quotes: line 1 column 2 (char 1))"),
        ("n", 5, True, False, "a non-text (int) 'body' value"), ("e", 6, True, True, None)]
    assert by_reference[0].offset == 0 and by_reference[1].offset == by_reference[0].length
    assert [i.size for i in by_reference] == [i.size for i in by_value]
    work = Work(Settings(), text_column="body")
    got, expected = scan_chunk(Chunk(tuple(by_reference)), work), scan_chunk(Chunk(tuple(by_value)), work)
    for name in ("quantities", "claims", "results"):
        assert got.tables[name].equals(expected.tables[name])
    assert got.tables["documents"].drop(["seconds"]).equals(expected.tables["documents"].drop(["seconds"]))
    assert got.tables["quantities"].column("doc_id").to_pylist().count("u") == 3


def test_a_jsonl_line_changed_during_the_scan_is_an_error_of_its_own(tmp_path):
    from numcheck.reports.scan_inputs import items

    path = _jsonl_rows(tmp_path)
    listed = [i for i in items([str(path)], "body", "id", lambda p: [p], by_reference=True)
              if i.offset >= 0]
    data = path.read_bytes()
    path.write_bytes(data.replace("£2.10".encode(), "£2.1".encode()))  # line 2 one character shorter
    out = scan_chunk(Chunk(tuple(listed)), Work(Settings(), text_column="body"))
    assert out.errors == [
        ("u", f"{path} line 2 changed during the scan"),
        ("e", f"{path} line 6 cannot be read again (Extra data: line 1 column 5 (char 4)); "
              "was the file changed during the scan?")]  # its bytes moved by one
    path.write_bytes(b"")
    out = scan_chunk(Chunk(tuple(listed[:1])), Work(Settings(), text_column="body"))
    assert out.errors == [("g", f"{path} line 1 cannot be read again (Expecting value: line 1 "
                                "column 1 (char 0)); was the file changed during the scan?")]


def test_without_an_id_column_the_worker_alone_parses_a_jsonl_line(tmp_path):
    """Ids are FILE#N, so the driver only finds the lines; the tables, errors included, are those
    of the lines parsed by the driver and sent by value."""
    from numcheck.reports.scan_inputs import items

    path = _jsonl_rows(tmp_path)
    by_value = list(items([str(path)], "body", None, lambda p: [p]))
    listed = list(items([str(path)], "body", None, lambda p: [p], by_reference=True))
    data = path.read_bytes()
    assert [(i.doc_id, i.row, i.unparsed, i.error, data[i.offset:i.offset + i.length])
            for i in listed] == [(f"{path}#{n}", n, True, None, line + b"\n") for n, line in
                                 enumerate(data.split(b"\n"), 1) if n in (1, 2, 4, 5, 6)]
    work = Work(Settings(), text_column="body")
    got, expected = scan_chunk(Chunk(tuple(listed)), work), scan_chunk(Chunk(tuple(by_value)), work)
    for name in ("quantities", "claims", "results"):
        assert got.tables[name].equals(expected.tables[name])
    assert got.tables["documents"].drop(["seconds"]).equals(expected.tables["documents"].drop(["seconds"]))
    assert got.errors == expected.errors == [
        (f"{path}#4", "line 4: invalid JSON (Expecting property name enclosed in double quotes: "
                      "line 1 column 2 (char 1))"),
        (f"{path}#5", "a non-text (int) 'body' value"),
        (f"{path}#6", "empty input: no text to check")]


def test_with_an_id_column_the_worker_alone_reads_the_ids(tmp_path):
    """Unless a resumed scan must skip ids it has done, the driver does not parse JSONL lines
    for an --id-column either: the worker reads each id with its text, and the tables, doc_id
    and errors included, are those of the lines parsed by the driver."""
    from numcheck.reports.scan_inputs import items
    from numcheck.reports.scan_work import identify

    path = _jsonl_rows(tmp_path)
    by_value = list(items([str(path)], "body", "id", lambda p: [p]))
    listed = list(items([str(path)], "body", "id", lambda p: [p], by_reference=True,
                        ids_needed=False))
    assert [(i.doc_id, i.unparsed) for i in listed] == [
        (f"{path}#{n}", True) for n in (1, 2, 4, 5, 6)]
    work = Work(Settings(), text_column="body", id_column="id")
    got, expected = scan_chunk(Chunk(tuple(listed)), work), scan_chunk(Chunk(tuple(by_value)), work)
    for name in ("quantities", "claims", "results"):
        assert got.tables[name].equals(expected.tables[name])
    assert got.tables["documents"].drop(["seconds"]).equals(expected.tables["documents"].drop(["seconds"]))
    assert got.tables["documents"].column("doc_id").to_pylist() == ["g", "u", f"{path}#4", "n", "e"]
    assert got.errors == expected.errors
    # The row of a document whose worker died goes under the id its line gives, where it gives one.
    assert [identify(i, work).doc_id for i in listed] == ["g", "u", f"{path}#4", "n", "e"]
    assert identify(listed[0], Work(Settings(), text_column="body")) is listed[0]


def test_an_unparsed_jsonl_line_changed_during_the_scan_is_an_error_of_its_own(tmp_path):
    from numcheck.reports.scan_inputs import items

    path = _jsonl_rows(tmp_path)
    listed = list(items([str(path)], "body", None, lambda p: [p], by_reference=True))
    path.write_bytes(path.read_bytes().replace("£2.10".encode(), "£2.1".encode()))
    out = scan_chunk(Chunk(tuple(listed)), Work(Settings(), text_column="body"))
    assert out.errors == [(f"{path}#{n}", f"{path} line {n} changed during the scan")
                          for n in (2, 4, 5, 6)]  # line 2 one byte shorter, and all after it moved
    assert out.tables["documents"].column("quantities").to_pylist() == [3, 0, 0, 0, 0]


def test_a_chunk_reads_its_jsonl_lines_with_one_read_per_file(tmp_path):
    """The span from a chunk's first line to its last is read once and sliced, so a line
    rewritten after that read still comes out as it was read."""
    from numcheck.reports.scan_inputs import items
    from numcheck.reports.scan_work import Lines

    path = _jsonl_rows(tmp_path)
    listed = [i for i in items([str(path)], "body", "id", lambda p: [p], by_reference=True)
              if i.offset >= 0]
    lines = Lines(tuple(listed))
    first = lines.line(listed[0])
    data = path.read_bytes()
    assert first == data[listed[0].offset:listed[0].offset + listed[0].length]
    path.write_bytes(b"")
    assert [lines.line(i) for i in listed[1:]] == [
        data[i.offset:i.offset + i.length] for i in listed[1:]]


def test_lines_far_apart_in_a_file_are_read_one_by_one(tmp_path):
    """A resumed scan may hand a chunk two lines with megabytes between them: each is read on its
    own rather than the whole span, and the tables are those of the texts sent by value."""
    import json

    from numcheck.reports.scan_inputs import items
    from numcheck.reports.scan_work import Lines

    path = tmp_path / "far.jsonl"
    texts = ["Sales rose 5% to £21m from £20m.", "x" * (3 << 20), "Prices fell 10% to $9 from $10."]
    path.write_text("".join(json.dumps({"text": t}) + "\n" for t in texts), encoding="utf-8")
    far = [i for i in items([str(path)], "text", None, lambda p: [p], by_reference=True)
           if i.row != 2]
    near = [i for i in items([str(path)], "text", None, lambda p: [p]) if i.row != 2]
    lines = Lines(tuple(far))
    assert [json.loads(lines.line(i))["text"] for i in far] == [texts[0], texts[2]]
    work = Work(Settings())
    got, expected = scan_chunk(Chunk(tuple(far)), work), scan_chunk(Chunk(tuple(near)), work)
    for name in ("quantities", "claims", "results"):
        assert got.tables[name].equals(expected.tables[name])
    assert got.tables["documents"].column("inconsistent").to_pylist() == [0, 0]
    assert got.tables["quantities"].num_rows == 6
    data, lines = path.read_bytes(), Lines(tuple(far))
    assert lines.line(far[0]) == data[:far[0].length]
    path.write_bytes(data[:far[1].offset])  # the last line gone after the first was read: a
    assert lines.line(far[1]) == b""  # span read at once would still hold it


def test_chunks_start_small_and_double_each_round_of_workers():
    """A small input still reaches every worker; a large one goes in tasks of max_chars."""
    stream = (item(str(i), 10) for i in range(30))
    got = [len(c.items) for c in chunks(stream, 80, first_chars=20, ramp_every=2)]
    assert got == [2, 2, 4, 4, 8, 8, 2]  # 20, 20, 40, 40, then 80 (the cap), and the rest


def test_a_chunk_output_travels_as_arrow_ipc_streams():
    """A worker's output pickles as one IPC stream per table, made by the worker (``pack``) and
    read back by the driver into the same tables, schemas and figures."""
    import pickle

    out = scan_chunk(Chunk((Item("g", "t.jsonl", 1, GERMANY), Item("x", "x.txt", error="bad"))),
                     Work(Settings()))
    assert [s.to_pybytes()[:4] for s in out.streams] == [b"\xff\xff\xff\xff"] * 4  # IPC streams
    for protocol in (4, 5):
        back = pickle.loads(pickle.dumps(out, protocol=protocol))
        assert list(back.tables) == list(out.tables) == ["quantities", "claims", "results",
                                                          "documents"]
        for name, table in back.tables.items():
            assert table.equals(out.tables[name]) and table.schema == SCHEMAS[name]
        assert (back.documents, back.characters, back.errors) == (2, len(GERMANY), [("x", "bad")])
    unpacked = scan_chunk(Chunk((Item("g", "t.jsonl", 1, GERMANY),)), Work(Settings()))
    unpacked.streams = None  # as the driver builds one (a lost worker's row): packed on pickling
    assert pickle.loads(pickle.dumps(unpacked)).tables["quantities"].equals(
        unpacked.tables["quantities"])
