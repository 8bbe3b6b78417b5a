"""Time `coprod render` (whole processes) on the examples and on a 200-workshop plan.

    python benchmarks/bench_render.py

Target: under 5 s for 200 workshops, Markdown and HTML, all documents.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import subprocess  # noqa: E402

from bench_check import ENV, EXAMPLES, big_plan, coprod_cmd  # noqa: E402


def once(argv: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, capture_output=True, check=True, env=ENV)
    return (time.perf_counter() - start) * 1000


def main() -> None:
    coprod = coprod_cmd()
    with tempfile.TemporaryDirectory() as tmp:
        for example in EXAMPLES:
            ms = min(once([*coprod, "render", "-p", str(example), "-o", f"{tmp}/{example.stem}-{i}"]) for i in range(3))
            print(f"coprod render {example.name:<28} {ms:7.0f} ms")
        plan = Path(tmp) / "big.yaml"
        plan.write_text(big_plan(200, 20))
        ms = min(once([*coprod, "render", "-p", str(plan), "-o", f"{tmp}/big-{i}"]) for i in range(2))
        files = sum(1 for _ in Path(f"{tmp}/big-0").rglob("*"))
        print(f"coprod render, 200 workshops x 20 items (md+html, {files} files): {ms:7.0f} ms")


if __name__ == "__main__":
    main()
