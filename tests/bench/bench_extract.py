"""Benchmark stage 1: characters/s and peak memory of ``numcheck.claims.extract`` over a corpus.

    python tests/bench/bench_extract.py CORPUS_DIR [--quantulum-sample N] [--repeat K] [--cpu C] [--profile N]

Every ``.txt`` under CORPUS_DIR is read as ``numcheck check CORPUS_DIR`` reads it (UTF-8, then
cp1252) before any clock starts. Extraction runs in one thread (CPU time ≤ wall time shows it);
one untimed pass warms up, then the best and the median of K timed passes are reported, as
wall time and as CPU time (``time.process_time``: on a shared machine the CPU-time rate is the
one core's own figure, the wall-time rate what a user waits). quantulum3, if installed (for
benchmarking only, never a dependency: ``pip install 'quantulum3[classifier]'``), runs on N documents evenly
spaced in path order, and numcheck on the same documents in the same run, for the ratio. See
README.md here. This is a script: pytest does not collect it."""

from __future__ import annotations

import argparse
import gc
import os
import platform
import statistics
import subprocess
import sys
import time
import tracemalloc
from dataclasses import dataclass
from pathlib import Path

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    # Before numpy loads (numcheck's pint imports it): one core means one BLAS thread, for
    # quantulum3's classifier too.
    os.environ.setdefault(_var, "1")

from numcheck.claims import build, extract  # noqa: E402 - after the thread limits above
from numcheck.claims.errors import InputError  # noqa: E402
from numcheck.claims.sources import decode, expand  # noqa: E402

TARGET_CHARS_PER_SECOND = 2_000_000
TARGET_RATIO = 100
INSTALL_QUANTULUM = f"{sys.executable} -m pip install 'quantulum3[classifier]' 'scikit-learn==1.8.0'"


@dataclass(frozen=True, slots=True)
class Timing:
    """K timed passes of one extractor over a list of texts."""

    chars: int
    docs: int
    found: int  # quantities found in one pass
    walls: tuple[float, ...]
    cpus: tuple[float, ...]

    def rate(self, seconds: float) -> float:
        """Characters per second for a pass of ``seconds``."""
        return self.chars / seconds if seconds else float("inf")


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the report; 2 for a missing or empty corpus."""
    args = _arguments(argv)
    try:
        texts, skipped = load_corpus(Path(args.corpus))
    except InputError as exc:
        print(f"bench_extract: {exc.path}: {exc.reason}", file=sys.stderr)
        return 2
    _header(_pin(args.cpu))
    _row("corpus", f"{args.corpus}: {len(texts):,} documents, {sum(map(len, texts)):,} characters"
         + (f" ({len(skipped)} files skipped, first: {skipped[0]})" if skipped else ""))
    _print_numcheck(texts, args.repeat)
    if args.quantulum_sample > 0:
        _print_quantulum(_sample(texts, args.quantulum_sample), args.repeat)
    if args.profile:
        _profile(texts, args.profile)
    import resource

    print(f"\nload average at end: {_loadavg()}; process peak RSS (ru_maxrss, whole run): "
          f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.1f} MB")
    return 0


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="bench_extract.py", description=__doc__.split("\n\n")[0])
    p.add_argument("corpus", metavar="CORPUS_DIR", help="directory walked for .txt files")
    p.add_argument("--quantulum-sample", type=int, default=200, metavar="N",
                   help="documents in quantulum3's sample, evenly spaced in path order (0: skip; default 200)")
    p.add_argument("--repeat", type=int, default=5, metavar="K", help="timed passes (default 5)")
    p.add_argument("--cpu", type=int, metavar="C", help="pin the process to CPU C (default: not pinned)")
    p.add_argument("--profile", type=int, default=0, metavar="N",
                   help="also print numcheck's N hottest functions under cProfile")
    args = p.parse_args(argv)
    args.repeat = max(1, args.repeat)
    return args


def load_corpus(root: Path) -> tuple[list[str], list[str]]:
    """The text of every readable ``.txt`` under ``root``, in path order, and the files skipped."""
    if not root.is_dir():
        raise InputError(str(root), "no such directory" if not root.exists() else "not a directory")
    texts: list[str] = []
    skipped: list[str] = []
    for path in expand([str(root)]):
        try:
            texts.append(decode(Path(path).read_bytes(), path)[0])
        except (InputError, OSError) as exc:  # binary or empty: say so, benchmark the rest
            skipped.append(f"{path}: {getattr(exc, 'reason', exc)}")
    if not texts:
        raise InputError(str(root), "no non-empty .txt files to benchmark")
    return texts, skipped


# --- timing -----------------------------------------------------------------------------------

def time_passes(parse, texts: list[str], repeat: int, count=len) -> Timing:
    """``repeat`` timed passes of ``parse`` over ``texts``; results are counted, then dropped."""
    walls, cpus, found = [], [], 0
    for _ in range(repeat):
        w0, c0, found = time.perf_counter(), time.process_time(), 0
        for text in texts:
            found += count(parse(text))
        walls.append(time.perf_counter() - w0)
        cpus.append(time.process_time() - c0)
    return Timing(sum(map(len, texts)), len(texts), found, tuple(walls), tuple(cpus))


def _numcheck_count(text: str) -> int:
    return len(extract(text).quantities)


def _print_numcheck(texts: list[str], repeat: int) -> None:
    time_passes(_numcheck_count, texts, 1, count=int)  # warm-up: lazy imports, regex caches
    _reset_rss_peak()
    rss_before = _status_kb("VmRSS")
    t = time_passes(_numcheck_count, texts, repeat, count=int)
    rss_peak = _status_kb("VmHWM")
    best, median = min(t.walls), statistics.median(t.walls)
    cpu_best, cpu_median = min(t.cpus), statistics.median(t.cpus)
    print("\nnumcheck.claims.extract, whole corpus")
    _row("characters/s", f"{t.rate(best):>12,.0f} best of {repeat}   {t.rate(median):>12,.0f} median"
         "   (wall time)")
    _row("", f"{t.rate(cpu_best):>12,.0f} best of {repeat}   {t.rate(cpu_median):>12,.0f} median"
         "   (CPU time)")
    _row("wall time", f"{best:>12.3f} s best       {median:>12.3f} s median")
    _row("CPU time", f"{cpu_best:>12.3f} s best       {cpu_median:>12.3f} s median")
    _row("documents/s", f"{t.docs / best:>12,.0f} best")
    _row("quantities", f"{t.found:>12,} found ({t.found / t.docs:.1f} per document)")
    _row("RSS", f"{rss_before / 1024:>12.1f} MB before   {rss_peak / 1024:>12.1f} MB peak while timing"
         if rss_before and rss_peak else "unavailable (no /proc/self/status)")
    _row("tracemalloc peak", f"{_traced_peak(texts, keep=False) / 2**20:>12.1f} MB one document at a time")
    _row("", f"{_traced_peak(texts, keep=True) / 2**20:>12.1f} MB keeping every Document")
    _row("target", f"≥ {TARGET_CHARS_PER_SECOND:,} characters/s on one core: "
         f"{_met(t.rate(best), TARGET_CHARS_PER_SECOND)} by wall time, "
         f"{_met(t.rate(cpu_best), TARGET_CHARS_PER_SECOND)} by CPU time")


def _met(figure: float, target: float) -> str:
    return "met" if figure >= target else "NOT met"


def _traced_peak(texts: list[str], keep: bool) -> int:
    """Peak bytes Python allocates while extracting (an untimed pass: tracing is slow)."""
    gc.collect()
    tracemalloc.start()
    kept = [extract(text) for text in texts] if keep else [len(extract(text).quantities) for text in texts]
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    del kept
    return peak


def _sample(texts: list[str], n: int) -> list[str]:
    """``n`` documents evenly spaced in path order: every category, the same ones every run."""
    n = min(n, len(texts))
    return [texts[(2 * i + 1) * len(texts) // (2 * n)] for i in range(n)]


def _print_quantulum(sample: list[str], repeat: int) -> None:
    print(f"\nquantulum3 against numcheck on the same {len(sample)} documents "
          f"({sum(map(len, sample)):,} characters, evenly spaced in path order)")
    loaded = _load_quantulum()
    if isinstance(loaded, str):
        _row("quantulum3", loaded)
        print(f"bench_extract: quantulum3 {loaded}", file=sys.stderr)  # seen even when stdout is kept
        return
    parse, calls, failed = loaded
    q = time_passes(parse, sample, 1)  # one pass: it is slow, and the ratio dwarfs its noise
    n = time_passes(_numcheck_count, sample, repeat, count=int)
    raised = f"; raised on {len(failed)} documents: {', '.join(sorted(set(failed)))}" if failed else ""
    print(f"  {'':<17} {'chars/s wall':>12}  {'wall s':>8}  {'chars/s CPU':>12}  {'CPU s':>8}  "
          f"{'quantities':>10}")
    quantulum_how = f"one pass; {sum(calls.values()):,} classifier calls{raised}"
    for label, t, how in (("quantulum3", q, quantulum_how), ("numcheck", n, f"best of {repeat}")):
        wall, cpu = min(t.walls), min(t.cpus)
        _row(label, f"{t.rate(wall):>12,.0f}  {wall:>8.2f}  {t.rate(cpu):>12,.0f}  {cpu:>8.2f}  "
             f"{t.found:>10,}  ({how})")
    for clock, q_s, n_s in (("wall", min(q.walls), min(n.walls)), ("CPU", min(q.cpus), min(n.cpus))):
        ratio = q_s / n_s if n_s else float("inf")
        _row("ratio" if clock == "wall" else "", f"{ratio:>12,.1f} × quantulum3's throughput by {clock} "
             f"time (target ≥ {TARGET_RATIO}×: {_met(ratio, TARGET_RATIO)})")


def _load_quantulum():
    """(parse, classifier call counts, failures) once quantulum3 is warm, or why it cannot run."""
    t0 = time.perf_counter()
    try:
        from importlib.metadata import version

        from quantulum3 import classifier, parser
    except ImportError:
        return f"NOT INSTALLED: no comparison, no ratio. Install it (benchmark only) with: {INSTALL_QUANTULUM}"
    imported = time.perf_counter() - t0
    calls = _count_classifier_calls(classifier)
    t0 = time.perf_counter()
    try:
        parser.parse("Warm-up: 5 km, £3m and 35% in 2004.")  # loads units and the classifier model
    except Exception as exc:  # e.g. a classifier pickled by another scikit-learn: say so, go on
        return (f"failed to load ({type(exc).__name__}: {exc}): no comparison; "
                f"reinstall with: {INSTALL_QUANTULUM}")
    mode = (f"classifier ON (scikit-learn {version('scikit-learn')})" if classifier.USE_CLF
            else "classifier OFF (no scikit-learn): heuristic disambiguation")
    _row("quantulum3", f"{version('quantulum3')}, {mode}; import {imported:.1f} s, "
         f"first parse {time.perf_counter() - t0:.1f} s (untimed)")
    calls.clear()
    failed: list[str] = []

    def parse(text: str) -> list:
        try:
            return parser.parse(text)
        except Exception as exc:  # one bad document must not end the comparison
            failed.append(type(exc).__name__)
            return []
    return parse, calls, failed


def _count_classifier_calls(classifier) -> dict[str, int]:
    """Wrap quantulum3's classifier entry points to show whether the model is consulted at all."""
    calls: dict[str, int] = {}
    for name in ("disambiguate_unit", "disambiguate_entity"):
        original = getattr(classifier, name)

        def counted(*a, _name=name, _original=original, **kw):
            calls[_name] = calls.get(_name, 0) + 1
            return _original(*a, **kw)
        setattr(classifier, name, counted)
    return calls


def _profile(texts: list[str], top: int) -> None:
    import cProfile
    import pstats

    prof = cProfile.Profile()
    prof.runcall(lambda: [extract(text) for text in texts])
    print("\ncProfile of one pass (profiling inflates every figure; compare them with each other)")
    pstats.Stats(prof, stream=sys.stdout).strip_dirs().sort_stats("tottime").print_stats(top)


# --- machine ----------------------------------------------------------------------------------

def _pin(cpu: int | None) -> str:
    """Pin to ``cpu`` if asked. Unpinned, the scheduler may move the one busy thread to an idle core."""
    if cpu is None or not hasattr(os, "sched_setaffinity"):
        return "not pinned"
    os.sched_setaffinity(0, {cpu})
    return f"pinned to CPU {cpu}"


def _header(pinned: str) -> None:
    model = next((line.split(":", 1)[1].strip() for line in _read("/proc/cpuinfo").splitlines()
                  if line.startswith("model name")), platform.processor() or "unknown")
    print("numcheck extraction benchmark")
    _row("machine", f"{model}, {os.cpu_count()} cores; one thread, {pinned}")
    _row("python", f"{platform.python_implementation()} {platform.python_version()} on {platform.system()}")
    _row("numcheck", f"{_revision()}; stage 1 {build()}")
    _row("load average", f"{_loadavg()} (other processes on the machine skew wall times)")


def _revision() -> str:
    """The commit benchmarked, and whether claims/ differs from it (git is only read)."""
    def git(*args: str) -> str:
        env = dict(os.environ, GIT_OPTIONAL_LOCKS="0")  # never let `git status` rewrite the index
        return subprocess.run(["git", "-C", str(Path(__file__).resolve().parents[2]), *args], env=env,
                              capture_output=True, text=True, timeout=10).stdout.strip()
    try:
        head, dirty = git("rev-parse", "--short", "HEAD"), git("status", "--porcelain", "--", "claims")
    except (OSError, subprocess.SubprocessError):
        return "unknown revision"
    return f"{head or 'unknown'}{' + uncommitted changes in claims/' if dirty else ''}"


def _loadavg() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def _read(path: str) -> str:
    try:
        return Path(path).read_text(errors="replace")
    except OSError:
        return ""


def _status_kb(field: str) -> int:
    """A field of /proc/self/status in kB (VmRSS now, VmHWM the high-water mark); 0 if absent."""
    for line in _read("/proc/self/status").splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def _reset_rss_peak() -> None:
    """Reset VmHWM to the current RSS (Linux ≥ 4.0), so the peak is the timed phase's own."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        pass  # the peak then covers the process's whole life so far, which is still an upper bound


def _row(label: str, value: str) -> None:
    print(f"  {label:<17} {value}")


if __name__ == "__main__":
    sys.exit(main())
