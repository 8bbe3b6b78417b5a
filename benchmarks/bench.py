"""Measure coprod as a user runs it (whole processes) and print issue 12's table in one run.

    python benchmarks/bench.py [--runs N] [--pdf WORKSHOPS] [--no-100k] [--only startup|check|render]

Plans come from `big_plan`: dated workshops of 20 items each, so 2k items is 100 workshops,
20k is 1,000 and 100k is 5,000. CPU seconds are the figure to compare (this machine is shared,
so wall time varies with its load); wall time and peak memory (RSS) are shown beside them.
"""

from __future__ import annotations

import argparse
import io
import math
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import redirect_stdout
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "care-leavers.yaml"
# As installed for a user: bytecode caches exist. (Some sandboxes set PYTHONDONTWRITEBYTECODE,
# which makes every run recompile coprod's modules and measures the wrong thing.)
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
BASELINE = "import typer, rich.console, pydantic, yaml"
MEMORY = Path("/dev/shm")  # a RAM-backed folder on Linux
# Running a command makes typer (0.29) build pydantic adapters, which `import pydantic` alone does not.
BARE_TYPER = (
    "import typer\napp = typer.Typer()\n@app.command()\ndef check(plan: str = 'x'):\n    pass\n"
    "app(['--plan', 'y'], standalone_mode=False)"
)


def big_plan(workshops: int, items: int = 20) -> str:
    """A plan of `workshops` dated workshops, each with `items` agenda items."""
    lines = ["title: Benchmark series", "framework: citizen-lab", "workshops:"]
    agenda = ["      - use: welcome-and-ground-rules"]
    for n in range(items - 3):
        if n % 5 == 4:
            agenda.append("      - break: 10m")
        else:
            agenda.append(f"      - {{title: Activity {n}, kind: exercise, duration: 15m, flex: 5m}}")
    agenda += ["      - use: dot-voting", "      - use: exit-words"]
    for w in range(workshops):
        year, day = 2000 + w // 300, w % 300
        lines += [
            f"  - id: w{w:04d}",
            f"    title: Workshop {w}",
            f"    date: {year}-{1 + day // 28:02d}-{1 + day % 28:02d}",
            "    start: 9:00",
            "    length: 6h",
            "    venue: Town hall",
            "    agenda:",
            *agenda,
        ]
    return "\n".join(lines) + "\n"


def coprod_cmd() -> list[str]:
    exe = shutil.which("coprod", path=str(Path(sys.executable).parent))
    return [exe] if exe else [sys.executable, "-m", "coprod_cli"]


class Run:
    """One whole process: wall seconds, CPU seconds (its own and its workers'), peak RSS in MB."""

    def __init__(self, argv: list[str]):
        start = time.perf_counter()
        proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV)
        _, status, usage = os.wait4(proc.pid, 0)
        self.wall = time.perf_counter() - start
        self.cpu = usage.ru_utime + usage.ru_stime
        self.rss = usage.ru_maxrss / 1024
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode not in (0, 1):
            raise SystemExit(f"{' '.join(argv)} failed with exit {proc.returncode}")


def median_run(argv: list[str], runs: int) -> Run:
    """The run with the median CPU time of `runs` runs."""
    done = sorted((Run(argv) for _ in range(runs)), key=lambda r: r.cpu)
    return done[len(done) // 2]


def row(figure: str, measured: str, goal: str) -> None:
    print(f"| {figure} | {measured} | {goal} |", flush=True)


def timing(r: Run) -> str:
    return f"{r.cpu:.2f} s CPU, {r.wall:.2f} s wall, {r.rss:.0f} MB"


def startup(coprod: list[str], runs: int) -> None:
    """`coprod check` on an example against the baseline, interleaved so load drifts hit both."""
    base, check, helps, bare = [], [], [], []
    Run([sys.executable, "-c", BASELINE])
    for _ in range(runs):
        base.append(Run([sys.executable, "-c", BASELINE]))
        check.append(Run([*coprod, "check", "-p", str(EXAMPLE)]))
        helps.append(Run([*coprod, "--help"]))
        bare.append(Run([sys.executable, "-c", BARE_TYPER]))

    def ratio(runs_: list[Run], attr: str) -> float:
        return statistics.median(getattr(r, attr) for r in runs_) / statistics.median(getattr(r, attr) for r in base)

    b_wall = statistics.median(r.wall for r in base) * 1000
    c_wall = statistics.median(r.wall for r in check) * 1000
    row(
        f'`coprod check {EXAMPLE.name}` against `python -c "{BASELINE}"`',
        f"{ratio(check, 'wall'):.2f}x wall ({c_wall:.0f} ms vs {b_wall:.0f} ms), {ratio(check, 'cpu'):.2f}x CPU",
        "≤ 1.8x",
    )
    row(
        "`coprod --help` against the same baseline",
        f"{ratio(helps, 'wall'):.2f}x wall, {ratio(helps, 'cpu'):.2f}x CPU",
        "",
    )
    row(
        "a typer app running one empty command (typer's own floor) against the same baseline",
        f"{ratio(bare, 'wall'):.2f}x wall, {ratio(bare, 'cpu'):.2f}x CPU",
        "",
    )


def recheck(runs: int) -> None:
    """The `--watch` core in this process: read, check and print the example again after a save."""
    from coprod_cli.checks import FAMILIES
    from coprod_cli.cli.check import recheck as again
    from coprod_cli.cli.common import ReportFormat

    samples = []
    for n in range(runs + 3):
        start = time.perf_counter()
        with redirect_stdout(io.StringIO()):
            again(EXAMPLE, FAMILIES, ReportFormat.text, strict=False)
        if n >= 3:  # the first saves fill the caches a watching process keeps
            samples.append((time.perf_counter() - start) * 1000)
    row(
        "re-check after a save (`check --watch`, the example, report piped)",
        f"{statistics.median(samples):.1f} ms median, {min(samples):.1f} ms best of {runs}",
        "< 10 ms",
    )


def renders(coprod: list[str], plan: Path, tmp: Path, cores: int) -> None:
    """`render` md+html of the 20,000-item plan: with one process and with every core, then into memory."""
    for jobs in sorted({1, cores}):
        out = tmp / f"out-{jobs}"
        r = Run([*coprod, "render", "-f", "md,html", "-p", str(plan), "-o", str(out), "-j", str(jobs)])
        files = sum(1 for p in out.rglob("*") if p.is_file())
        row(f"`render` md+html, 20k items ({files:,} files), --jobs {jobs}", timing(r), "≤ 5 s")
    if MEMORY.is_dir():  # the same render into memory: what coprod costs without the disk's share
        with tempfile.TemporaryDirectory(prefix="coprod-bench-", dir=MEMORY) as mem:
            r = Run([*coprod, "render", "-f", "md,html", "-p", str(plan), "-o", mem, "-j", "1"])
        row(f"the same render into memory ({MEMORY}, no disk), --jobs 1", timing(r), "")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9, help="runs of each small measurement")
    parser.add_argument("--pdf", type=int, default=12, metavar="WORKSHOPS", help="workshops printed to PDF (0: none)")
    parser.add_argument("--no-100k", action="store_true", help="skip the 100,000-item plan")
    parser.add_argument(
        "--only",
        choices=["startup", "check", "render"],
        help="measure only these rows (startup: the start-up ratios; check: JSON at each size, growth, text; "
        "render: `render` md+html)",
    )
    parser.add_argument(
        "--dir",
        type=Path,
        default=ROOT,
        help="where plans and documents go while measured (default: this checkout, like a user's project; "
        "on some machines /tmp makes each new file cost ten times more)",
    )
    args = parser.parse_args()
    coprod = coprod_cmd()
    import coprod_cli

    subprocess.run([sys.executable, "-m", "compileall", "-q", str(Path(coprod_cli.__file__).parent)], env=ENV)
    from coprod_cli.documents.batch import default_jobs

    cores = default_jobs()
    python = sys.version.split()[0]
    print(f"coprod {coprod_cli.__version__}, Python {python}, {cores} cores, load {os.getloadavg()[0]:.1f}")
    print()
    print("| figure | measured | goal |")
    print("|---|---|---|")
    if args.only == "startup":
        startup(coprod, args.runs)
        return
    with tempfile.TemporaryDirectory(prefix=".bench-", dir=args.dir) as tmp:
        plans = {}
        sizes = (100, 1000) + (() if args.no_100k or args.only == "render" else (5000,))
        for workshops in sizes:
            plans[workshops] = Path(tmp) / f"plan-{workshops}.yaml"
            plans[workshops].write_text(big_plan(workshops))
        if args.only == "render":
            renders(coprod, plans[1000], Path(tmp), cores)
            return
        json_runs = {
            w: median_run([*coprod, "check", "-p", str(p), "-f", "json"], 3 if w < 5000 else 1)
            for w, p in plans.items()
        }
        for w, r in json_runs.items():
            row(f"`check --format json`, {w * 20:,} items", timing(r), "20k ≤ 1.5 s wall" if w == 1000 else "")
        growth = json_runs[1000].cpu / json_runs[100].cpu
        line = f"10x the plan: {growth:.1f}x the CPU (n^{math.log(growth, 10):.2f})"
        if 5000 in json_runs:
            five = json_runs[5000].cpu / json_runs[1000].cpu
            line += f"; 5x more: {five:.1f}x (n^{math.log(five, 5):.2f})"
        row("growth of `check --format json`, 2k to 20k (to 100k)", line, "10x the plan ≤ 11x the time")
        row(
            "`check` text (piped), 20k items",
            timing(median_run([*coprod, "check", "-p", str(plans[1000])], 3)),
            "≤ 2 s",
        )
        if args.only == "check":
            return
        renders(coprod, plans[1000], Path(tmp), cores)
        startup(coprod, args.runs)
        recheck(args.runs * 5)
        if args.pdf:
            pdf_plan = Path(tmp) / "pdf.yaml"
            pdf_plan.write_text(big_plan(args.pdf))
            for jobs in sorted({1, cores}):
                out = Path(tmp) / f"pdf-{jobs}"
                r = Run([*coprod, "render", "-f", "pdf", "-p", str(pdf_plan), "-o", str(out), "-j", str(jobs)])
                pdfs = sum(1 for _ in out.rglob("*.pdf"))
                row(
                    f"{args.pdf}-workshop series to PDF ({pdfs} PDFs), --jobs {jobs}",
                    timing(r),
                    "progress shown, memory flat",
                )


if __name__ == "__main__":
    main()
