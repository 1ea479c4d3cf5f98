"""pandas at the boundary: records → DataFrame."""

from __future__ import annotations

from numcheck.checks import check_text
from numcheck.claims.frame import columns, to_frame
from numcheck.claims.records import Claim, Quantity, Result


def test_frames_of_quantities_claims_results():
    doc = check_text("Downloads fell 35% to 382 million from 602 million.", "a.txt")
    q = to_frame(doc.quantities, path=doc.path)
    assert q[["path", "text", "value", "lower", "upper", "unit", "kind"]].values.tolist() == [
        ["a.txt", "35%", 35.0, 34.5, 35.5, "percent", "percent"],
        ["a.txt", "382 million", 382e6, 381.5e6, 382.5e6, "", "count"],
        ["a.txt", "602 million", 602e6, 601.5e6, 602.5e6, "", "count"],
    ]
    c = to_frame(doc.claims)
    assert c.loc[0, "roles"] == {"stated_change": "q1", "to": "q2", "from": "q3"}
    r = to_frame(doc.results)
    assert r.loc[0, ["code", "verdict", "stated_value", "stated_lower", "stated_upper"]].tolist() == [
        "NC101", "inconsistent", -35.0, -35.5, -34.5]
    assert round(r.loc[0, "computed_value"], 2) == -36.54


def test_empty_frames_have_columns():
    assert to_frame([], kind=Quantity).columns.tolist() == columns(Quantity)
    assert "stated_lower" in to_frame([], kind=Result).columns
    assert to_frame([], kind=Claim).empty
