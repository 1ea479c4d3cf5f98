"""Which spec results are out of numcheck's scope, and why: one rule per reason, as data.

A rule names the models it applies to, a pattern searched in the expected result's text (or in the
whole input), and a one-line reason. The first rule that matches decides. "numcheck misses it" is
never a reason here: a row stays in scope unless the case is not an amount in numcheck's sense,
follows a convention that differs from numcheck's, or is written in a way no prose uses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

NUMBER, RANGE, PERCENT = "Number", "NumberRange", "Percent"
CURRENCY, DIMENSION, AGE, TEMPERATURE = "Currency", "Dimension", "Age", "Temperature"
DURATION, DURATION_EXTRACTOR, ORDINAL = "Duration", "DurationExtractor", "Ordinal"

ORDINAL_REASON = "ordinal: numcheck classifies ordinals (with a reason), it does not quantify them"
NO_VALUE = "the spec gives no value (a bare unit word such as 'dollar', 'percent', 'celsius')"
NO_NUMBER = "no number in the text ('all day', 'full week'): an idiom, not a stated duration"
COMPOUND = ("compound amount the spec sums into one value ('5 ft 2 in' → 5.167 ft, '3 dollars 50 "
            "cents' → 3.5): numcheck reads each figure as its own quantity")
SPOKEN_PRICE = ("spoken price with the cents left bare ('15 dollars 50', 'one dollar and one'): "
                "prose writes $15.50")


@dataclass(frozen=True, slots=True)
class Rule:
    """Results of ``models`` whose ``where`` ("text" or "input") matches ``pattern`` are out."""

    models: frozenset[str]
    where: str
    pattern: re.Pattern[str]
    reason: str


def _rule(models: str, where: str, pattern: str, reason: str) -> Rule:
    return Rule(frozenset(models.split()), where, re.compile(pattern, re.IGNORECASE), reason)


def _exact(*texts: str) -> str:
    """A pattern matching exactly one of ``texts``."""
    return r"\A(?:" + "|".join(re.escape(t) for t in texts) + r")\Z"


RULES: tuple[Rule, ...] = (
    # --- not an amount in numcheck's sense: classified, not quantified ---------------------------
    _rule("Number", "input", r"\d+\.\d+\.\d+\.\d+", "IP address: an identifier, not an amount"),
    _rule("Number", "input", r"\d+/\d+/\d{4}", "date (5/17/2018): classified as a date, not an amount"),
    _rule("Number", "input", r"\+1-222", "phone number: an identifier, not an amount"),
    _rule("Number", "input", r"\bSCP-\d", "number in a name (SCP-173): classified as a name"),
    _rule("Number", "input", r"\bnrs?\. \d", "exercise numbers: references, not amounts"),
    _rule("Number", "input", r"version two", "version number: a name, not an amount"),
    _rule("Number", "text", _exact("423", "0000"),
          "digit groups of a phone-number-like string ('423 0000'), not amounts"),
    _rule("Number", "input", r"three-nought-four", "a code read aloud digit by digit, not amounts"),
    _rule("Number", "input", r"\A\s*(?:two millionth|100 millionths)\s*\Z",
          "convention: 'two millionth' is an ordinal/fraction word; the spec returns only the '2'"),
    _rule("NumberRange", "text", r"\b(?:tenth|fifteenth)\b", ORDINAL_REASON),
    # --- conventions that differ from numcheck's ---------------------------------------------------
    _rule("Number NumberRange", "text", r"\bout of\b|\A1 in twenty|\b2 in 5\b",
          "convention: the spec folds 'x out of y' / 'x in y' into one fraction; numcheck reads "
          "both figures as quantities"),
    _rule("Number", "text", r"\bover\b",
          "'x over y' read as a fraction: in prose 'over' is a preposition ('$2000 over 3 years')"),
    _rule("Number", "text", r"\d\s*g\Z",
          "convention: 'G' after a number names a generation or data size ('5G'), not 10^9"),
    _rule("Number", "text", _exact("5,00", "1.111,11", "1,3"),
          "decimal comma: a continental convention; in English the comma groups thousands"),
    _rule("Percent", "text", r"\bpercents? of\b|\bper cent of\b",
          "convention: the spec reads 'percent of 10' as 10%; in prose it is a share of 10"),
    _rule("Dimension", "text", r"\d\s*\"",
          "inch mark '\"': in prose the same character closes a quotation"),
    _rule("Dimension", "text", _exact("2 pm"), "convention: '2 pm' is a time of day, not 2 picometres"),
    _rule("Dimension Currency", "text", r"\d\s*(?:ft|feet)\s+(?:and\s+)?\d+\s*in"
          r"|\A(?:3 dollars 50 cents|thirteen dollars (?:and )?forty[- ]five(?: cents)?|10 \$ 30 cent)\Z",
          COMPOUND),
    _rule("Currency", "text", _exact("one dollar and one", "one dollar and two", "c $ 100 and fifty",
                                     "15 dollars and 15", "15 dollars 50", "15 dollars and 50",
                                     "17 usd 25", "15 usd 50"), SPOKEN_PRICE),
    # --- units and currencies outside what numcheck models ----------------------------------------
    _rule("Currency", "text", r"元|ரூ|\bkuai\b", "non-English script or currency words (元, ரூ, kuai)"),
    _rule("Currency", "text", r"\Asen\b",
          "ambiguous minor unit 'sen' (of the yen, ringgit or rupiah): no currency to compare"),
    _rule("Dimension", "text", r"drachma", "ancient unit of weight (drachma), not in news prose"),
    _rule("Dimension", "text", r"millisecond|/ms\b",
          "non-standard speed units (per millisecond), as the spec itself notes"),
    _rule("Dimension", "text", r"\bturns?\Z", "'turn' as a unit of angle in a command; in prose a count"),
    _rule("DurationExtractor Duration", "text", r"business day",
          "business days are a calendar convention, not a unit of time numcheck has"),
    _rule("Duration", "text", r"\A(?:all|full|whole)[- ]", NO_NUMBER),
    # --- spellings no prose uses --------------------------------------------------------------------
    _rule("Number", "text", r"\^|\d[e][+-]?\d|x10",
          "scientific or power notation (1e10, 1.1^23, 1.3x10^6): not used in news prose"),
    _rule("Number", "text", r"\bpoint\b", "decimal read aloud in words ('five point five'); prose writes 5.5"),
    _rule("Number", "text", r"\A\d[\d.]*\s+(?:hundred|thousand)\b",
          "digits mixed with 'hundred'/'thousand' words ('3 hundred and 21'): no prose writes this"),
    _rule("Number NumberRange Temperature", "text", r"\A- \d|\A< =",
          "spacing no prose uses ('- 10  k', '< = 100')"),
    _rule("Dimension", "text", r"\d\s*[(\[{<]\s*kg",
          "unit in brackets after the number ('20 (kg)'): a table-header convention, not prose"),
    _rule("Number", "text", r"\b(?:dzs|dozs)\b", "abbreviations 'dzs'/'dozs': no prose uses them"),
    _rule("Number", "text", r"(?:million|billion) and (?:a|one|two|three|five) (?:half|quarter|thirds|"
          r"fifths|ninths|quarters)\b|million and (?:a|one) half|billion and three quarters million",
          "'N million and a fraction' word order: prose writes '3.5 million' or 'three and a half million'"),
    _rule("Number", "text", _exact(
        "a hundred trillionths", "a hundred thousand trillionths", "twenty-three fifths", "twenty fifths",
        "twenty one fifths", "twenty twenty fifths", "twenty and three and three fifths",
        "one million two thousand two hundred three fifths", "two and fifty-four hundredths",
        "two hundred and fifty-four hundredths", "a twenty-first", "one twenty-fifth",
        "three twenty-firsts", "three twenty firsts", "one hundred and thirty fifths",
        "one hundred thirty fifths", "minus one hundred thirty fifths", "one hundred thirty two fifths",
        "one hundred thirty-two fifths", "one hundred and thirty-two fifths",
        "one hundred and thirty and two fifths", "one hundred thirty-fifths", "one one hundred fifth",
        "one one hundred and fifth", "one hundred one thousand fifths", "ninety - five hundred fifths",
        "negative ninety - five hundred fifths", "minus ninety - five hundred fifths",
        "ninety - five hundred-fifths", "three hundred and two dozens",
        "two hundred thirty two and a thirtieth", "one hundred and three and two thirds"),
        "word fraction built to exercise a grammar (improper or compound denominator): prose writes "
        "digits"),
    _rule("Percent", "text", r"\d\s*percentage\b|\bpercentage\Z|\bpercents\b",
          "'N percentage' / 'percents': not English usage (prose writes 'percent' or 'per cent')"),
    _rule("Temperature", "text", r"celcius|farenheit|centigrate",
          "misspelt unit ('celcius', 'farenheit', 'centigrate'): copy-edited prose spells it right"),
    _rule("Duration DurationExtractor", "text", r"\Atwenty and four\b",
          "archaic number order ('twenty and four hours'): prose writes 'twenty-four'"),
    _rule("DurationExtractor", "text", r"\d\s*ys\Z", "abbreviation 'ys' for years: no prose uses it"),
)


def out_reason(model: str, input_text: str, text: str) -> str:
    """The reason a result is out of scope, or "" if it is in scope."""
    for rule in RULES:
        if model in rule.models and rule.pattern.search(input_text if rule.where == "input" else text):
            return rule.reason
    return ""
