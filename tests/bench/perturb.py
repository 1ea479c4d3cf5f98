"""Perturbation harness: how often numcheck flags a consistent claim once one of its figures is wrong.

    python tests/bench/perturb.py CORPUS [CORPUS ...] [--stated-only] [--codes NC101,...] [--json FILE]

A CORPUS is a directory of ``.txt`` files (read as ``numcheck check DIR`` reads them) or check case
files (``tests/checks/cases`` or one ``NC1xx.yaml``), of which the texts expected consistent are
used. Each text is checked as it is; every consistent result of NC101, NC102, NC103, NC105, NC106
and NC107 gives its claim's figures (the stated one only with ``--stated-only``), and each figure is
moved beyond the range the claim's other figures allow, up and down (see ``perturbation.py``). The
report gives, per check and per role, the share of alterations numcheck flags as inconsistent on
that claim, lists every miss with its text, and lists the inconsistent results on the unaltered
texts. Target (issue 4): at least 95% flagged, and no flag on the unaltered texts judged correct.
A script, not a test: ``test_perturbation.py`` tests the parts on text written for the project.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from decimal import Decimal
from pathlib import Path

import yaml

from numcheck.checks import check_text
from numcheck.claims.errors import InputError
from numcheck.claims.records import Document
from numcheck.claims.sources import decode, expand

from perturbation import CODES, MARGIN, STATED, Outcome, digits_of as _digits_of, recheck, targets

TARGET_SHARE = 0.95


def load(paths: list[str]) -> list[tuple[str, str]]:
    """(label, text) of every document: ``.txt`` files as given or under each directory, and the
    expected-consistent cases of case files (``NC1xx.yaml``, as given or in a directory)."""
    docs: list[tuple[str, str]] = []
    for given in paths:
        root = Path(given)
        if not root.exists():
            raise InputError(given, "no such file or directory")
        case_files = [root] if root.suffix == ".yaml" else sorted(root.glob("*.yaml")) if root.is_dir() else []
        for case_file in case_files:
            docs.extend(_cases(case_file))
        for path in [] if root.suffix == ".yaml" else expand([given]):
            try:
                docs.append((path, decode(Path(path).read_bytes(), path)[0]))
            except (InputError, OSError) as exc:  # binary or empty: say so, perturb the rest
                print(f"perturb: skipped {path}: {getattr(exc, 'reason', exc)}", file=sys.stderr)
    if not docs:
        raise InputError(" ".join(paths), "no .txt files and no case files with consistent cases")
    return docs


def _cases(path: Path) -> list[tuple[str, str]]:
    """The texts of a case file's consistent cases, labelled ``NC101.yaml#case-id`` (and " [xfail]"
    when the case is a known gap of the checks)."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, OSError, UnicodeDecodeError) as exc:
        raise InputError(str(path), f"not a readable case file ({type(exc).__name__})") from None
    if not isinstance(data, dict) or not isinstance(data.get("cases"), list):
        raise InputError(str(path), "not a case file (expected a mapping with a list 'cases')")
    cases = [c for c in data["cases"]
             if isinstance(c, dict) and c.get("expect") == "consistent" and isinstance(c.get("text"), str)]
    return [(f"{path.name}#{c.get('id')}" + (" [xfail]" if c.get("xfail") else ""), c["text"]) for c in cases]


def run(docs: list[tuple[str, str]], codes: tuple[str, ...], stated_only: bool, margin: Decimal = MARGIN
        ) -> tuple[list[Outcome], list[Document]]:
    """Every alteration's outcome (up, down and the within-range control), and the unaltered documents."""
    outcomes: list[Outcome] = []
    checked: list[Document] = []
    for label, text in docs:
        doc = check_text(text, label)
        checked.append(doc)
        for target in targets(doc, codes, stated_only):
            outcomes.extend(recheck(target, direction, text, margin) for direction in ("up", "down", "within"))
    return outcomes, checked


# --- the report -----------------------------------------------------------------------------------

def report(outcomes: list[Outcome], checked: list[Document], codes: tuple[str, ...], show_text: bool) -> float:
    """Print the figures; return the overall share flagged."""
    moved = [o for o in outcomes if o.direction != "within"]
    tried = [o for o in moved if o.new_figure]
    claims = {(o.target.path, o.target.claim.id) for o in outcomes}
    print(f"{len(checked):,} texts; {len(claims)} consistent claims of {', '.join(codes)}; {len(tried)} "
          f"alterations beyond the range, up and down ({len(moved) - len(tried)} not made: see the end)\n")
    print(f"  {'check':<8}{'role':<15}{'altered':>8}{'flagged':>9}{'share':>8}{'any check':>11}")
    groups: dict[tuple[str, str], list[Outcome]] = defaultdict(list)
    for o in tried:
        groups[(o.target.code, o.target.role.rstrip("0123456789"))].append(o)
    for code in codes:
        rows = {k: v for k, v in sorted(groups.items()) if k[0] == code}
        for (_, role), group in rows.items():
            _line(code, role, group)
        if len(rows) > 1:
            _line(code, "(all)", [o for o in tried if o.target.code == code])
    share = _line("all", "", tried)
    print(f"\n  target ≥ {TARGET_SHARE:.0%} flagged by the same check: "
          f"{'met' if share >= TARGET_SHARE else 'NOT met'}")
    stated = [o for o in tried if o.target.role in STATED[o.target.code]]
    if stated and len(stated) != len(tried):
        print(f"  the stated figure only (change, share, total, average; NC103's 'to'): "
              f"{sum(o.flagged for o in stated)}/{len(stated)} flagged")
    _misses([o for o in tried if not o.flagged], show_text)
    _control([o for o in outcomes if o.direction == "within"], show_text)
    _skipped([o for o in outcomes if not o.new_figure])
    _unaltered(checked, codes, show_text)
    return share


def _line(code: str, role: str, group: list[Outcome]) -> float:
    flagged, anyway = sum(o.flagged for o in group), sum(o.flagged_any for o in group)
    share = flagged / len(group) if group else 0.0
    print(f"  {code:<8}{role:<15}{len(group):>8}{flagged:>9}{share:>8.1%}{anyway / max(len(group), 1):>11.1%}")
    return share


def _misses(missed: list[Outcome], show_text: bool) -> None:
    print(f"\nmisses ({len(missed)}): the claim is not flagged by its check after the alteration")
    for o in missed:
        _show(o, show_text)


def _control(within: list[Outcome], show_text: bool) -> None:
    made = [o for o in within if o.new_figure]
    wrong = [o for o in made if o.flagged_any]
    print(f"\ncontrol: a figure moved to another value inside the range its claim allows: {len(made)} made, "
          f"{len(wrong)} flagged (must be 0)")
    for o in wrong:
        _show(o, show_text)


def _show(o: Outcome, show_text: bool) -> None:
    t = o.target
    print(f"  {t.path}  {t.code} {t.role}: {t.quantity.text} → {o.new_figure} ({o.direction}; allowed "
          f"{_span(t.allowed)})\n      now: {o.verdict}" + (f": {o.message}" if o.message else ""))
    if show_text:
        end = t.claim.end + len(o.new_figure) - len(_digits_of(t.quantity))  # the claim's end moved
        print(f"      text: {_sentence(o.altered, t.claim.start, end)}")


def _skipped(skipped: list[Outcome]) -> None:
    counts = Counter((o.verdict.removeprefix("skipped: "), o.target.code, o.target.role, o.direction)
                     for o in skipped)
    if counts:
        print("\nnot altered:")
    for why in sorted({k[0] for k in counts}):
        which = [f"{c} {r} {d} ×{n}" for (w, c, r, d), n in sorted(counts.items()) if w == why]
        print(f"  {why}: " + ", ".join(which))


def _unaltered(checked: list[Document], codes: tuple[str, ...], show_text: bool) -> None:
    flags = [(d, r) for d in checked for r in d.results if r.verdict == "inconsistent"]
    held = {d.path for d in checked if any(r.code in codes and r.verdict == "consistent" for r in d.results)}
    print(f"\nflags on the unaltered texts: {len(flags)} inconsistent results in "
          f"{len({d.path for d, _ in flags})} of {len(checked):,} texts "
          f"({sum(d.path in held for d, _ in flags)} in texts holding a perturbed claim; "
          f"{sum(r.code in codes for _, r in flags)} by {', '.join(codes)})")
    for d, r in flags:
        print(f"  {d.path}:{r.line}  {r.code} {r.severity}: {r.message}")
        if show_text:
            print(f"      text: {_sentence(d.text, r.start, r.end)}")


def _span(span: tuple) -> str:
    lo, hi = span
    return f"{lo:.4g} to {'∞' if hi.is_infinite() else f'{hi:.4g}'}"


def _sentence(text: str, start: int, end: int) -> str:
    """The claim's stretch of text on one line (for the terminal only; never stored)."""
    return " ".join(text[max(0, start):end].split())


def _json(outcomes: list[Outcome]) -> list[dict]:
    return [{"path": o.target.path, "code": o.target.code, "role": o.target.role, "direction": o.direction,
             "figure": o.target.quantity.text, "new_figure": o.new_figure,
             "allowed": [str(x) for x in o.target.allowed],
             "flagged": o.flagged, "flagged_any": o.flagged_any, "verdict": o.verdict, "message": o.message}
            for o in outcomes]


def _factor(text: str) -> Decimal:
    try:
        return Decimal(text)
    except ArithmeticError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="perturb.py", description=__doc__.split("\n\n")[0])
    p.add_argument("corpus", nargs="+", help="directories of .txt files, or check case files / their directory")
    p.add_argument("--codes", default=",".join(CODES), help="checks whose consistent claims are altered")
    p.add_argument("--stated-only", action="store_true", help="alter only the figure the check compares")
    p.add_argument("--margin", type=_factor, default=MARGIN,
                   help=f"how far beyond the allowed range the altered figure's interval lies, as a factor "
                        f"(default {MARGIN}: 20%% beyond)")
    p.add_argument("--no-text", action="store_true", help="do not print the claims' text with the misses")
    p.add_argument("--json", metavar="FILE", help="also write every alteration and its outcome as JSON")
    args = p.parse_args(argv)
    codes = tuple(args.codes.split(","))
    if args.margin < 1:
        p.error("--margin must be at least 1")
    if not set(codes) <= set(CODES):
        p.error(f"--codes: only {', '.join(CODES)} relate figures the harness can move")
    try:
        docs = load(args.corpus)
    except InputError as exc:
        print(f"perturb: {exc.path}: {exc.reason}", file=sys.stderr)
        return 2
    print(f"alterations clear the range the claim allows by a factor of {args.margin}\n")
    outcomes, checked = run(docs, codes, args.stated_only, args.margin)
    report(outcomes, checked, codes, not args.no_text)
    if args.json:
        Path(args.json).write_text(json.dumps(_json(outcomes), indent=1, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
