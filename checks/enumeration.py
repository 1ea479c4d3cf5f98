"""NC109 enumeration."""

from __future__ import annotations

from decimal import Decimal
from typing import Iterable

from ..claims.records import Claim, Interval, Result
from . import intervals as iv
from .base import Check, Context


class Enumeration(Check):
    """Checks a stated count of things against the things the text lists by name.

    "Targeting 963 individuals in 11 countries" is checked against the countries the article names
    for them. Naming more distinct items than stated is inconsistent; naming fewer is unverifiable
    (a list may be partial); no list at all is unverifiable.

    Why: counts of countries, teams or products are edited separately from the lists that follow
    them, and drift when an item is added or removed.

    Fails: "Raids took place in three countries: France, Spain, Italy and Greece."
    Passes: "Defendants in 11 countries: Austria, Denmark, France, Germany, Italy, the UK, Japan,
    the Netherlands, Finland, Ireland and Iceland."
    """

    code = "NC109"
    name = "enumeration"
    claim_kinds = ("enumeration",)

    def run(self, claim: Claim, ctx: Context) -> Iterable[Result]:
        count = ctx.role(claim, "count")
        if count is None:
            return
        items = list(claim.attributes.get("items", ()))
        stated = iv.of(count)
        noun = count.noun or "items"
        if not items:
            yield self.result([claim], "unverifiable",
                              f"stated {count.text} {noun}; the text lists none of them by name", stated)
            return
        n = len(items)
        computed = Interval(Decimal(n), Decimal(n), Decimal(n))
        listing = f"the text names {n}: {', '.join(items)}"
        if stated.contains(computed.value):
            yield self.result([claim], "consistent", f"stated {count.text} {noun}; {listing}", stated, computed)
        elif stated.upper is not None and computed.value > stated.upper:
            yield self.result([claim], "inconsistent", f"stated {count.text} {noun}, but {listing}",
                              stated, computed, severity="major")
        else:
            yield self.result([claim], "unverifiable",
                              f"stated {count.text} {noun}; {listing} (the list may be partial)", stated, computed)
