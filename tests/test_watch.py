"""`coprod check --watch`: each save re-reads the plan and prints the new report."""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path

import pytest
from helpers import plan_text, run

from coprod_cli.cli import check as check_cli
from coprod_cli.cli.common import ReportFormat
from coprod_cli.cli.watch import watch_plan

GOOD = plan_text("- {title: Welcome, kind: welcome, duration: 10m}\n- {title: Close, kind: closing, duration: 10m}")
BROKEN = GOOD.replace("duration: 10m", "duration: 10 parsecs", 1)
LATE = GOOD.replace("{title: Close,", "{title: Close, at: '9:00',")  # pinned before the start: an error


def test_recheck_reads_the_plan_again_each_time(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    plan = tmp_path / "coprod.yaml"
    plan.write_text(GOOD)
    assert check_cli.recheck(plan, ("agenda", "timings"), ReportFormat.json, strict=False) == 0
    first = json.loads(capsys.readouterr().out)
    assert first["ok"] and first["findings"] == []

    plan.write_text(LATE)  # a pin before the workshop starts: an error
    assert check_cli.recheck(plan, ("agenda", "timings"), ReportFormat.json, strict=False, timed=True) == 1
    captured = capsys.readouterr()
    assert [f["code"] for f in json.loads(captured.out)["findings"]] == ["timing.pinned"]
    assert "checked" in captured.err and "again in" in captured.err and "watching for the next save" in captured.err

    plan.write_text(BROKEN)  # a plan that cannot be read: the lines of exit 2, and the watch goes on
    assert check_cli.recheck(plan, ("agenda",), ReportFormat.text, strict=False) == 2
    assert "unknown unit 'parsecs'" in capsys.readouterr().err


def test_check_watch_prints_a_new_report_on_each_save(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    plan = tmp_path / "coprod.yaml"
    plan.write_text(GOOD)
    saves = [LATE, GOOD]

    def two_saves(path: Path, on_save) -> None:
        assert path == plan
        for text in saves:
            plan.write_text(text)
            on_save()

    monkeypatch.setattr("coprod_cli.cli.watch.watch_plan", two_saves)
    result = run("check", "timings", "--watch", "-p", str(plan))
    assert result.exit_code == 0, result.stderr
    summaries = [line for line in result.stdout.splitlines() if line.startswith(("✓", "✗"))]
    assert [s[0] for s in summaries] == ["✓", "✗", "✓"]  # the first check, then one per save


def test_a_real_watcher_sees_a_save_and_stops_when_told(tmp_path: Path):
    plan = tmp_path / "coprod.yaml"
    plan.write_text(GOOD)
    (tmp_path / "other.yaml").write_text("not the plan")
    saw: list[str] = []
    stop = threading.Event()
    watcher = threading.Thread(target=watch_plan, args=(plan, lambda: saw.append(plan.read_text()), stop))
    watcher.start()
    try:
        deadline = time.monotonic() + 10
        while not saw and time.monotonic() < deadline:  # the watcher may start after the first write
            (tmp_path / "other.yaml").write_text("still not the plan")
            plan.write_text(LATE)
            time.sleep(0.2)
    finally:
        stop.set()
        watcher.join(timeout=5)
    assert not watcher.is_alive()
    assert saw and saw[0] == LATE
