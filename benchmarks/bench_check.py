"""Time coprod as a user runs it (whole processes) and print the figures.

    python benchmarks/bench_check.py [--runs N]

Baseline: `python -c "import typer, pydantic, yaml"`. Targets (2-core machine): `coprod --help`
and `coprod check` on an example within 1.3x the baseline; a 1,000-workshop x 20-item plan
checked in under 3 s; the language and principles checks add under 50 ms.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))


# As installed for a user: bytecode caches exist. (Some sandboxes set PYTHONDONTWRITEBYTECODE,
# which makes every run recompile coprod's modules and measures the wrong thing.)
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def timed(argv: list[str], runs: int) -> float:
    """Median wall time in milliseconds of `argv` over `runs` runs (after one warm-up)."""
    subprocess.run(argv, capture_output=True, check=False, env=ENV)
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(argv, capture_output=True, check=False, env=ENV)
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def big_plan(workshops: int, items: int) -> str:
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    coprod = coprod_cmd()
    import coprod_cli

    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", str(Path(coprod_cli.__file__).parent)], check=True, env=ENV
    )

    base = timed([sys.executable, "-c", "import typer, pydantic, yaml"], args.runs)
    print(f"baseline python -c 'import typer, pydantic, yaml': {base:7.1f} ms")
    help_ms = timed([*coprod, "--help"], args.runs)
    print(f"coprod --help:                                 {help_ms:7.1f} ms  ({help_ms / base:.2f}x baseline)")
    for example in EXAMPLES:
        ms = timed([*coprod, "check", "-p", str(example)], args.runs)
        print(f"coprod check {example.name:<34} {ms:7.1f} ms  ({ms / base:.2f}x baseline)")
    for example in EXAMPLES:
        core = timed([*coprod, "check", "agenda", "timings", "series", "-p", str(example)], args.runs)
        full = timed([*coprod, "check", "-p", str(example)], args.runs)
        print(f"language + principles checks add, {example.name:<24} {full - core:+7.1f} ms")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.yaml"
        path.write_text(big_plan(1000, 20))
        size = path.stat().st_size / 1024 / 1024
        ms = timed([*coprod, "check", "-p", str(path), "--format", "json"], max(3, args.runs // 5))
        print(f"coprod check, 1,000 workshops x 20 items ({size:.1f} MB): {ms:7.1f} ms")


if __name__ == "__main__":
    main()
