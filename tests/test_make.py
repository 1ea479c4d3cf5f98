"""claims.make builds, from compiled code, the very records the record classes build."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest

from numcheck.claims import make
from numcheck.claims.records import Claim, Classified, Quantity

CASES = [
    (make.quantity, Quantity, ("q1", "about £5m", 0, 9, 1, Decimal(5000000), Decimal(4500000), None, "GBP",
                               "money", "approximate", "about", "", "", 2)),
    (make.classified, Classified, ("2004", 3, 7, 1, "year", "four-digit year")),
    (make.claim, Claim, ("c1", "change", "up 5%", 0, 5, 1, ("q1",), {"stated_change": "q1"}, {"direction": "up"}, 0)),
]


@pytest.mark.parametrize("maker, cls, values", CASES, ids=["quantity", "classified", "claim"])
def test_maker_builds_the_record_its_class_builds(maker, cls, values):
    made, built = maker(*values), cls(*values)
    assert type(made) is cls
    # every field, in field order: a field added to the record fails here until the maker sets it
    assert [getattr(made, f.name) for f in dataclasses.fields(cls)] == list(values)
    assert made == built and repr(made) == repr(built)
    if cls is not Claim:  # a claim holds dicts
        assert hash(made) == hash(built)
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.start = 1
