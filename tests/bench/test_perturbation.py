"""The perturbation harness (``perturb.py``, ``perturbation.py``, ``allowed_ranges.py``) on text
written for the project: the range each figure may take, the rewritten figures, and that every
alteration beyond the range is flagged while a move within it is not."""

from __future__ import annotations

import doctest
import subprocess
import sys
from pathlib import Path

import pytest

from numcheck.checks import Settings, check_text

import allowed_ranges
import perturbation
from allowed_ranges import allowed
from perturb import load
from perturbation import Outcome, recheck, targets

HERE = Path(__file__).resolve().parent

PROFITS = "Pre-tax profits rose 12% to £3.4bn from £3.0bn."
CLAIMS = "Jobless claims rose by 2,300 to 27,700 from 25,400."
TRIPLED = "Membership more than tripled, from 1,200 to 4,000."
DOUBLED = "Sales doubled from £40m to £81m."
SHARE = "Of the 963 defendants, 120 (12.5%) were from the UK."
PARTS = "A total of 90 people were charged: 50 in England, 30 in Scotland and 10 in Wales."
AVERAGE = "The 26 cases settled for a total of £50,000, an average of about £1,900 each."
INCREMENT = ("The industry body has already sued 57 people for sharing music online. Suing a further 33 "
             "would bring to 90 the total number of people it has taken to court.")


def _outcomes(text: str, direction: str) -> dict[str, Outcome]:
    return {t.role: recheck(t, direction, text) for t in targets(check_text(text))}


@pytest.mark.parametrize(("text", "role", "lo", "hi"), [
    # 3.35/3.05 − 1 … 3.45/2.95 − 1; 2.95bn × 1.115 … 3.05bn × 1.125; 3.35bn / 1.125 … 3.45bn / 1.115
    pytest.param(PROFITS, "stated_change", "9.84", "16.95", id="NC101-stated"),
    pytest.param(PROFITS, "to", "3289250000.00", "3431250000.00", id="NC101-to"),
    pytest.param(PROFITS, "from", "2977777777.78", "3094170403.59", id="NC101-from"),
    # 27,650 − 25,450 … 27,750 − 25,350
    pytest.param(CLAIMS, "stated_change", "2200.00", "2400.00", id="NC102-stated"),
    pytest.param(TRIPLED, "to", "3450.00", "Infinity", id="NC103-more-than"),  # 1,150 × 3 and up
    pytest.param(DOUBLED, "to", "75050000.00", "85050000.00", id="NC103-to"),  # 39.5 × 1.9 … 40.5 × 2.1
    # 120 is read leniently (115 to 125): 115 / 963.5 … 125 / 962.5
    pytest.param(SHARE, "share", "11.94", "12.99", id="NC105-share"),
    pytest.param(PARTS, "part2", "28.50", "31.50", id="NC106-part"),  # 89.5 − 61 … 90.5 − 59
    pytest.param(AVERAGE, "count", "22.00", "31.34", id="NC107-count"),  # 45,000 / 2,045 … 55,000 / 1,755
    pytest.param(INCREMENT, "earlier", "56.00", "58.00", id="NC106-earlier"),  # 89.5 − 33.5 … 90.5 − 32.5
])
def test_allowed_range(text: str, role: str, lo: str, hi: str) -> None:
    doc = check_text(text)
    result = next(r for r in doc.results if r.verdict == "consistent")
    claim = next(c for c in doc.claims if c.id == result.claim_ids[0])
    span = allowed(result, claim, role, {q.id: q for q in doc.quantities})
    assert span is not None
    assert (f"{span[0]:.2f}", f"{span[1]:.2f}") == (lo, hi)


@pytest.mark.parametrize(("text", "role", "direction", "figure"), [
    pytest.param(PROFITS, "stated_change", "up", "21", id="percent-up"),
    pytest.param(PROFITS, "stated_change", "down", "7", id="percent-down"),
    pytest.param(PROFITS, "to", "down", "2.6", id="scale-word-kept"),
    pytest.param(CLAIMS, "from", "up", "30,601", id="commas-kept-no-trailing-zero"),
    pytest.param(AVERAGE, "average", "up", "2,803", id="hedge-widens-the-move"),
    pytest.param(PARTS, "total", "within", "91", id="control-within"),
    pytest.param(SHARE, "part", "within", "120.1", id="control-one-more-decimal"),
])
def test_rewritten_figure(text: str, role: str, direction: str, figure: str) -> None:
    outcome = _outcomes(text, direction)[role]
    assert outcome.new_figure == figure
    assert figure in outcome.altered


@pytest.mark.parametrize("text", [PROFITS, CLAIMS, DOUBLED, SHARE, PARTS, AVERAGE, INCREMENT])
def test_every_move_beyond_the_range_is_flagged_and_a_move_within_is_not(text: str) -> None:
    roles = {t.role for t in targets(check_text(text))}
    assert len(roles) >= 2
    for direction in ("up", "down"):
        missed = {role: o.verdict for role, o in _outcomes(text, direction).items() if not o.flagged}
        assert missed == {}, direction
    within = _outcomes(text, "within")
    assert {role for role, o in within.items() if o.new_figure} == roles
    assert [o.verdict for o in within.values() if o.flagged_any] == []


def test_an_open_bound_is_not_moved_past() -> None:
    """"More than tripled" allows any larger end value: there is nothing beyond it to move to."""
    up = _outcomes(TRIPLED, "up")
    assert up["to"].new_figure == ""
    assert up["to"].verdict == "skipped: an open bound, or no positive figure beyond the range on this side"
    assert up["from"].flagged


def test_a_figure_in_words_is_not_altered() -> None:
    outcome = _outcomes("Profits rose by a third to £4m from £3m.", "up")["stated_change"]
    assert (outcome.new_figure, outcome.verdict) == ("", "skipped: not written in plain digits")


def test_a_check_that_does_not_flag_is_reported_as_a_miss() -> None:
    target = next(t for t in targets(check_text(PROFITS)) if t.role == "stated_change")
    outcome = recheck(target, "up", PROFITS, settings=Settings(ignore=("NC101",)))
    assert (outcome.flagged, outcome.new_figure) == (False, "21")
    assert outcome.verdict == "no NC101 result on the claim holding it"


def test_case_files_give_their_consistent_texts(tmp_path: Path) -> None:
    (tmp_path / "NC999.yaml").write_text(
        "check: NC999\nname: demo\ncases:\n"
        f"  - {{id: fine, text: '{PROFITS}', expect: consistent, note: n}}\n"
        "  - {id: wrong, text: 'Sales rose 50% to £3.4bn from £3.0bn.', expect: inconsistent, note: n}\n",
        encoding="utf-8")
    assert load([str(tmp_path)]) == [("NC999.yaml#fine", PROFITS)]


def test_script_reports_the_share_and_exits_2_on_a_missing_corpus(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(f"{PROFITS}\n\n{CLAIMS}\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(f"{AVERAGE}\n", encoding="utf-8")
    run = subprocess.run([sys.executable, str(HERE / "perturb.py"), str(tmp_path), "--no-text"],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert "2 texts; 3 consistent claims of NC101, NC102, NC103, NC105, NC106, NC107; 18 alterations " \
           "beyond the range, up and down (0 not made: see the end)" in lines
    assert "  all                          18       18  100.0%     100.0%" in lines
    assert "control: a figure moved to another value inside the range its claim allows: 9 made, " \
           "0 flagged (must be 0)" in lines
    missing = subprocess.run([sys.executable, str(HERE / "perturb.py"), str(tmp_path / "nope")],
                             capture_output=True, text=True, timeout=120)
    assert (missing.returncode, missing.stdout) == (2, "")
    assert missing.stderr == f"perturb: {tmp_path / 'nope'}: no such file or directory\n"


def test_margin_below_one_is_a_usage_error(tmp_path: Path) -> None:
    run = subprocess.run([sys.executable, str(HERE / "perturb.py"), str(tmp_path), "--margin", "0.9"],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 2
    assert "--margin must be at least 1" in run.stderr


@pytest.mark.parametrize("module", [allowed_ranges, perturbation], ids=lambda m: m.__name__)
def test_doctests(module) -> None:
    result = doctest.testmod(module)
    assert (result.attempted > 0, result.failed) == (True, 0)
