"""Benchmark ``numcheck scan``: throughput, scaling, peak memory, where the time goes, quantulum3.

    python tests/bench/bench_scan.py CORPUS_DIR [--scales 1,4,16] [--workers 1,2]
                                                [--engines local,dask] [--peer-sample 40]
                                                [--repeat 1]

A script that prints figures, not a test (pytest does not collect ``bench_*.py``). In one run:

1. **Where the time goes**, in this process, one core, CPU time: the steps of a scan over the
   corpus one by one — reading files, extraction, checks, relocating/suppressing, then the scan
   machinery: listing and chunking, building the Arrow tables, serialising a chunk both ways (what
   the local pool's pipes carry), writing parquet parts.
2. **Scans**: the corpus as it is (a folder of files) and as JSONL tables of it repeated 1×, 4× and
   16× (built in a temporary folder; ids made unique per copy), scanned by the real ``numcheck
   scan`` command on each engine with 1 and 2 workers. Per run: wall time from starting the
   command to its exit (so interpreter and worker start-up count) and the scan loop alone (from
   the scan's manifest); CPU seconds of the whole process tree (driver, workers, fork server, Dask
   nannies); peak memory of that tree, as PSS (shared pages split between the processes sharing
   them: the real footprint) and RSS (shared pages counted in each: an upper bound), sampled from
   /proc; and the 1-minute load average as the run ended (it includes the run's own workers).
3. **quantulum3** (``pip install 'quantulum3[classifier]'``; never a numcheck dependency) against
   numcheck's extraction on a fixed sample of the same documents (every k-th), extraction only.

The machine is usually shared: CPU-second figures hold up under others' load, wall-clock ones do
not, so the report gives both and the ``uptime`` before and after. On a shared VM the speed of a
core also drifts by several per cent from one minute to the next, which moves a speed-up (one
run with 1 worker over another with 2) by as much: ``--repeat N`` runs each input's worker counts
N times, interleaved (1, 2, 1, 2, ...), lists every run, and takes the targets from the run of
median wall time of each; it also prints the speed-up of each consecutive pair.
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import platform
import resource
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import psutil

from numcheck.checks import Settings, check_document
from numcheck.claims import build, extract
from numcheck.claims.markup import extract_masked, relocate
from numcheck.claims.sources import discover, load
from numcheck.reports import suppress
from numcheck.reports.config import resolve
from numcheck.reports.scan_inputs import chunks, items, walker
from numcheck.reports.scan_output import PartWriter, create
from numcheck.reports.scan_work import Checked, Work, chunk_output, warm_up

NUMCHECK = str(Path(sys.executable).with_name("numcheck"))
MB = 1 << 20
PIPELINE = ("read", "extract", "checks", "relocate + suppress")
MACHINERY = ("list + chunk", "Arrow tables", "serialise both ways", "parquet parts")


@contextmanager
def clock(spent: Counter, step: str) -> Iterator[None]:
    """Add the CPU seconds of the block to ``spent[step]``."""
    started = time.process_time()
    yield
    spent[step] += time.process_time() - started


def where_time_goes(corpus: Path, out: Path) -> tuple[Counter, int]:
    """CPU seconds of each step of a scan over ``corpus`` in this process, and its characters."""
    run, settings, spent, chars = resolve([str(corpus)], {}), Settings(), Counter(), 0
    warm_up()
    create(out, {})
    with clock(spent, "list + chunk"):
        stream = list(chunks(items([str(corpus)], "text", None,
                                   walker(run.include, run.exclude, run.config.base)), 200_000))
    writer = PartWriter(out, 0, 5000, 60.0)
    for chunk in stream:
        checked = []
        for item in chunk.items:
            with clock(spent, "read"):
                source = load(item.path)
            with clock(spent, "extract"):
                doc, masked = extract_masked(source, settings.hedge_tolerance)
            with clock(spent, "checks"):
                doc = check_document(doc, settings)
            with clock(spent, "relocate + suppress"):
                doc = suppress.apply(relocate(doc, source.text, masked), masked.directives, settings)
            checked.append(Checked(item, doc, len(source.text)))
            chars += len(source.text)
        with clock(spent, "Arrow tables"):
            output = chunk_output(checked)
        with clock(spent, "serialise both ways"):
            pickle.loads(pickle.dumps((chunk, Work(settings))))
            output = pickle.loads(pickle.dumps(output))
        with clock(spent, "parquet parts"):
            writer.add(output)
    with clock(spent, "parquet parts"):
        writer.flush()
    return spent, chars


@dataclass
class Run:
    """One measured ``numcheck scan`` run."""

    input: str
    engine: str
    workers: int
    documents: int
    characters: int
    wall: float
    """Seconds from starting the command to its exit."""
    loop: float
    """Seconds of the scan loop alone (workers up), from the scan's manifest."""
    cpu: float
    """CPU seconds (user + system) of the whole process tree."""
    pss_mb: float
    rss_mb: float
    load: float
    """1-minute load average as the run ended."""


class TreeSampler(threading.Thread):
    """Peak summed RSS (every 0.5 s) and PSS (every 1 s), and CPU seconds, of a process tree.

    CPU is each process's last sample (user + system), so up to 0.5 s per process is missed at
    its exit (:func:`scan` takes the kernel's full count instead when it has one). Listing a
    tree scans /proc, and PSS walks page tables: sampled every 0.1 s, the sampler took a few
    per cent of a core from the scan it measured, which on two cores shows in the 2-worker
    figures. A scan's memory is a plateau, which half-second samples catch.
    """

    def __init__(self, pid: int, interval: float = 0.5, pss_every: int = 2) -> None:
        super().__init__(daemon=True)
        self.root, self.interval, self.pss_every = psutil.Process(pid), interval, pss_every
        self.peak_pss = self.peak_rss = 0
        self.cpu: dict[int, float] = {}
        self.done = threading.Event()

    def run(self) -> None:
        tick = 0
        while not self.done.is_set():
            try:
                procs = [self.root, *self.root.children(recursive=True)]
            except psutil.NoSuchProcess:
                return
            rss = pss = 0
            for proc in procs:
                try:
                    rss += proc.memory_info().rss
                    if tick % self.pss_every == 0:
                        pss += _pss(proc.pid)
                    times = proc.cpu_times()
                    self.cpu[proc.pid] = times.user + times.system
                except (psutil.Error, OSError, StopIteration):
                    pass  # ended between listing and reading
            self.peak_rss, self.peak_pss = max(self.peak_rss, rss), max(self.peak_pss, pss)
            tick += 1
            self.done.wait(self.interval)


def _pss(pid: int) -> int:
    """Proportional set size from /proc/PID/smaps_rollup (cheaper than psutil's full smaps)."""
    with open(f"/proc/{pid}/smaps_rollup") as fh:
        return next(int(line.split()[1]) * 1024 for line in fh if line.startswith("Pss:"))


def scan(inputs: list[str], engine: str, workers: int, out: Path, label: str) -> Run:
    """Run ``numcheck scan`` once, measured."""
    cmd = [NUMCHECK, "scan", *inputs, "-o", str(out), "--engine", engine,
           "--workers", str(workers), "-q", "--id-column", "id"]
    started = time.perf_counter()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    sampler = TreeSampler(proc.pid)
    sampler.start()
    _, stderr = proc.communicate()
    wall = time.perf_counter() - started
    sampler.done.set()
    sampler.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    # Every process of the tree was waited for by its parent, so the kernel's count of the
    # children's CPU holds all of it, to the end; the sampler's count misses each process's last
    # half second, and is the fallback where the tree left orphans.
    reaped = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    cpu = max(reaped, sum(sampler.cpu.values()))
    if proc.returncode != 0:
        raise SystemExit(f"numcheck scan failed ({proc.returncode}): {stderr.decode()}")
    run = json.loads((out / "_scan.json").read_text())["runs"][-1]
    return Run(label, engine, workers, run["documents"], run["characters"], wall,
               run["scan_seconds"], cpu, sampler.peak_pss / MB,
               sampler.peak_rss / MB, os.getloadavg()[0])


def write_jsonl(corpus: Path, copies: int, path: Path) -> Path:
    """The corpus's documents ``copies`` times over as JSONL, ids ``COPY/RELATIVE-PATH``."""
    docs = [(os.path.relpath(p, corpus), load(p).text) for p in discover([str(corpus)])]
    with open(path, "w", encoding="utf-8") as fh:
        for copy in range(copies):
            for rel, text in docs:
                fh.write(json.dumps({"id": f"{copy}/{rel}", "text": text}) + "\n")
    return path


def peers(corpus: Path, count: int) -> dict[str, float]:
    """quantulum3 against numcheck's extraction on every k-th document (extraction only)."""
    if count < 1:
        return {}
    paths = discover([str(corpus)])
    sample = [load(p).text for p in paths[:: max(1, len(paths) // count)][:count]]
    chars = sum(map(len, sample))
    try:
        from quantulum3 import classifier, parser
    except ImportError:
        return {"documents": len(sample), "characters": chars}
    parser.parse("Sales rose 10% to £11m from £10m.")  # loads its classifier: not timed
    extract("Sales rose 10% to £11m from £10m.", "warm-up")  # and numcheck's unit registry
    started = time.process_time()
    for text in sample:
        parser.parse(text)
    q3 = chars / (time.process_time() - started)
    started = time.process_time()
    for text in sample:
        extract(text, "sample")
    nc = chars / (time.process_time() - started)
    return {"documents": len(sample), "characters": chars, "quantulum3": q3, "numcheck": nc,
            "classifier": classifier.USE_CLF}


def uptime() -> str:
    return subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()


def machine() -> str:
    model = next((line.split(":", 1)[1].strip() for line in
                  Path("/proc/cpuinfo").read_text().splitlines() if line.startswith("model name")),
                 platform.processor())
    commit = subprocess.run(["git", "-C", str(Path(__file__).parent), "describe", "--always",
                             "--dirty"], capture_output=True, text=True).stdout.strip()
    return (f"{model}, {len(os.sched_getaffinity(0))} cores, "
            f"{psutil.virtual_memory().total / 2**30:.1f} GB; Python {platform.python_version()}; "
            f"numcheck {commit}, stage 1 {build()}")


def report_steps(spent: Counter, chars: int) -> float:
    """Print the in-process breakdown; return the pipeline's CPU seconds per character."""
    total = sum(spent.values())
    print(f"\nwhere the time goes: one process, CPU seconds over {chars:,} characters")
    for group, steps in (("pipeline (claims/, checks/)", PIPELINE),
                         ("scan machinery (reports/scan_*)", MACHINERY)):
        print(f"  {group}: {sum(spent[s] for s in steps):.2f} s "
              f"({sum(spent[s] for s in steps) / total:.1%})")
        for step in steps:
            print(f"    {step:<22}{spent[step]:>7.2f} s {spent[step] / total:>6.1%}")
    print(f"  all: {total:.2f} s = {chars / total:,.0f} characters per CPU second")
    return sum(spent[s] for s in PIPELINE) / chars


def report_runs(runs: list[Run], pipeline_per_char: float) -> None:
    print("\nscans (wall: command start to exit; loop: workers up; /core: chars/s ÷ workers;"
          "\n       pipeline: in-process pipeline CPU for these characters ÷ tree CPU)")
    print(f"{'input':<10}{'engine':<7}{'wk':>3}{'docs':>8}{'chars':>12}{'wall s':>8}{'loop s':>8}"
          f"{'chars/s':>11}{'docs/s':>7}{'/core':>11}{'CPU s':>7}{'ch/CPU-s':>11}{'pipeline':>9}"
          f"{'PSS MB':>7}{'RSS MB':>7}{'load':>6}")
    for r in runs:
        rate = r.characters / r.wall
        print(f"{r.input:<10}{r.engine:<7}{r.workers:>3}{r.documents:>8,}{r.characters:>12,}"
              f"{r.wall:>8.1f}{r.loop:>8.1f}{rate:>11,.0f}{r.documents / r.wall:>7,.0f}"
              f"{rate / r.workers:>11,.0f}{r.cpu:>7.1f}{r.characters / r.cpu:>11,.0f}"
              f"{pipeline_per_char * r.characters / r.cpu:>9.0%}{r.pss_mb:>7.0f}{r.rss_mb:>7.0f}"
              f"{r.load:>6.2f}")


def medians(runs: list[Run]) -> list[Run]:
    """The run of median wall time of each input, engine and worker count (the slower middle one
    of an even number), in the order the runs were made."""
    groups: dict[tuple[str, str, int], list[Run]] = {}
    for r in runs:
        groups.setdefault((r.input, r.engine, r.workers), []).append(r)
    chosen = {id(sorted(g, key=lambda r: r.wall)[len(g) // 2]) for g in groups.values()}
    return [r for r in runs if id(r) in chosen]


def report_pairs(runs: list[Run]) -> None:
    """The 1 → 2 worker speed-up of each pair of runs made one after the other."""
    print("\nspeed-up 1 → 2 workers of each consecutive pair (end to end; scan loop)")
    for engine in sorted({r.engine for r in runs}):
        for label in dict.fromkeys(r.input for r in runs):
            ones = [r for r in runs if (r.engine, r.input, r.workers) == (engine, label, 1)]
            twos = [r for r in runs if (r.engine, r.input, r.workers) == (engine, label, 2)]
            pairs = "  ".join(f"×{a.wall / b.wall:.2f}; ×{a.loop / b.loop:.2f}"
                              for a, b in zip(ones, twos))
            if pairs:
                print(f"  {label} {engine}: {pairs}")


def report_scaling(runs: list[Run]) -> None:
    """Cost per million characters as the JSONL input grows: flat means linear."""
    print("\ncost per million characters, JSONL 1× → 4× → 16× (flat = linear)")
    for engine, workers in sorted({(r.engine, r.workers) for r in runs}):
        jsonl = [r for r in runs if (r.engine, r.workers) == (engine, workers)
                 and r.input.startswith("jsonl")]
        cpu = " → ".join(f"{r.cpu / r.characters * 1e6:.2f}" for r in jsonl)
        loop = " → ".join(f"{r.loop / r.characters * 1e6:.2f}" for r in jsonl)
        print(f"  {engine} {workers} wk: CPU s {cpu}; scan-loop s {loop}")


def report_targets(runs: list[Run], every: list[Run] | None = None) -> None:
    """The issue's targets on the largest input, met or not: speeds from ``runs`` (one per
    engine and worker count), peak memory from ``every`` run."""
    largest = max(r.characters for r in runs)
    print(f"\ntargets on the largest input ({largest:,} characters)")
    for engine in sorted({r.engine for r in runs}):
        by = {r.workers: r for r in runs if r.engine == engine and r.characters == largest}
        best = max(by.values(), key=lambda r: r.characters / r.wall / r.workers)
        per_core = best.characters / best.wall / best.workers
        print(f"  {engine}: end to end {per_core:,.0f} chars/s per core with {best.workers} "
              f"worker(s), {best.characters / best.cpu:,.0f} per CPU second "
              f"({'meets' if per_core >= 2e6 else 'misses'} 2,000,000)")
        if 1 in by and 2 in by:
            wall, loop = by[1].wall / by[2].wall, by[1].loop / by[2].loop
            print(f"  {engine}: 1 → 2 workers ×{wall:.2f} end to end, ×{loop:.2f} scan loop "
                  f"({'meets' if wall >= 1.7 else 'misses'} 1.7)")
        measured = [r for r in every or runs if r.engine == engine and r.characters == largest]
        pss, rss = max(r.pss_mb for r in measured), max(r.rss_mb for r in measured)
        print(f"  {engine}: peak memory {pss:.0f} MB PSS, {rss:.0f} MB RSS "
              f"({'meets' if pss < 500 else 'misses'} 500 MB)")


def report_peers(peer: dict[str, float], runs: list[Run]) -> None:
    if not peer:
        print("\nquantulum3: not asked for (--peer-sample 0)")
        return
    if "quantulum3" not in peer:
        print("\nquantulum3 not installed: no comparison")
        return
    best = max(r.characters / r.cpu for r in runs)
    print(f"\nquantulum3 (classifier {'on' if peer['classifier'] else 'off'}) on "
          f"{peer['documents']} documents ({peer['characters']:,} characters), "
          f"extraction only, CPU time: {peer['quantulum3']:,.0f} chars/s; numcheck extraction "
          f"{peer['numcheck']:,.0f} chars/s: ×{peer['numcheck'] / peer['quantulum3']:,.0f}; "
          f"numcheck scan end to end (extraction + checks + tables) {best:,.0f} chars per CPU "
          f"second: ×{best / peer['quantulum3']:,.0f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--scales", default="1,4,16", help="Repeats of the corpus as JSONL.")
    ap.add_argument("--workers", default="1,2")
    ap.add_argument("--engines", default="local,dask")
    ap.add_argument("--peer-sample", type=int, default=40, help="Documents for quantulum3 (0: none).")
    ap.add_argument("--repeat", type=int, default=1,
                    help="Runs of each input, engine and worker count, interleaved (odd: a median).")
    args = ap.parse_args()
    if not args.corpus.is_dir():
        sys.exit(f"bench_scan: {args.corpus}: not a folder")
    print(f"machine: {machine()}\nat start: {uptime()}", flush=True)
    runs: list[Run] = []
    with tempfile.TemporaryDirectory(prefix="bench_scan_") as tmp:
        spent, chars = where_time_goes(args.corpus, Path(tmp) / "steps")
        inputs = [("folder 1×", [str(args.corpus)])]
        inputs += [(f"jsonl {k}×", [str(write_jsonl(args.corpus, k, Path(tmp) / f"x{k}.jsonl"))])
                   for k in map(int, args.scales.split(","))]
        for label, paths in inputs:
            for engine in args.engines.split(","):
                for _ in range(max(1, args.repeat)):
                    for workers in map(int, args.workers.split(",")):
                        runs.append(scan(paths, engine, workers, Path(tmp) / f"out-{len(runs)}",
                                         label))
                        print(f"  {label} {engine} {workers}: {runs[-1].wall:.1f} s", flush=True)
    peer = peers(args.corpus, args.peer_sample)
    print(f"at end:   {uptime()}")
    report_runs(runs, report_steps(spent, chars))
    typical = medians(runs)
    report_scaling(typical)
    if len(typical) < len(runs):
        report_pairs(runs)
    report_targets(typical, runs)
    report_peers(peer, typical)


if __name__ == "__main__":
    main()
