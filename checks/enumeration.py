"""NC109 enumeration."""

from __future__ import annotations

from decimal import Decimal
from typing import Iterable

from ..claims.records import Claim, Interval, Result
from . import intervals as iv
from .base import Check, Context


class Enumeration(Check):
    """Checks a stated count of things against the things the text lists by name.

    "In 11 countries" is checked against the countries the article names; "two topsites called XXS
    and Z" against the names after "called". A list introduced by "called", "named", "namely" or a
    colon must match the count; a list after "including" or "such as", or countries gathered from
    the article, may be partial, so naming more than stated is inconsistent and fewer unverifiable.

    Why: counts of countries, teams or products are edited separately from the lists that go with
    them, and drift when an item is added or removed.

    Fails: "Raids took place in three countries: France, Spain, Italy and Greece."
    Passes: "The police seized two servers, called XXS and Z."
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
        n = Decimal(len(items))
        computed = Interval(n, n, n)
        listing = f"the text names {len(items)}: {', '.join(items)}"
        exhaustive = claim.attributes.get("exhaustive", False)
        if stated.contains(n):
            yield self.result([claim], "consistent", f"stated {count.text} {noun}; {listing}", stated, computed)
        elif claim.attributes.get("same_sentence", True) and (
                stated.upper is not None and n > stated.upper or exhaustive):
            yield self.result([claim], "inconsistent", f"stated {count.text} {noun}, but {listing}",
                              stated, computed, severity="major")
        else:
            why = ("the list may be partial" if claim.attributes.get("same_sentence", True)
                   else "in another sentence, so it may be about something else")
            yield self.result([claim], "unverifiable",
                              f"stated {count.text} {noun}; {listing} ({why})", stated, computed)
