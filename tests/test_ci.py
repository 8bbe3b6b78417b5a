"""CI and pre-commit: several plans in one run, file names as pre-commit passes them, positions, annotations."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from helpers import EXAMPLES, ROOT, plan_text, run, write_tree

CARE = next(p for p in EXAMPLES if p.stem == "care-leavers")
ONLINE = next(p for p in EXAMPLES if p.stem == "online-engagement")
OVERRUN = plan_text("- {title: Long, kind: exercise, duration: 3h}", end="11:00")


def test_several_plans_one_report_worst_exit_code(tmp_path: Path):
    write_tree(tmp_path, {"over.yaml": OVERRUN, "broken.yaml": "title: [\n"})
    both = run("check", "-p", str(CARE), "-p", str(ONLINE))
    assert both.exit_code == 0
    assert both.stdout.count("── ") == 2 and str(CARE) in both.stdout and str(ONLINE) in both.stdout
    assert run("check", "-p", str(CARE), "-p", str(tmp_path / "over.yaml")).exit_code == 1
    worst = run("check", "-p", str(tmp_path / "over.yaml"), "-p", str(tmp_path / "broken.yaml"), "-p", str(CARE))
    assert worst.exit_code == 2
    assert "broken.yaml:" in worst.stderr and "timing.overrun" in worst.stdout and str(CARE) in worst.stdout


def test_several_plans_as_json_is_one_object():
    result = run("check", "-f", "json", "-p", str(CARE), "-p", str(ONLINE))
    data = json.loads(result.stdout)
    assert data["ok"] is True and [p["plan"] for p in data["plans"]] == [str(CARE), str(ONLINE)]
    single = json.loads(run("check", "-f", "json", "-p", str(CARE)).stdout)
    assert single["plan"] == str(CARE)  # one plan: the report of DESIGN section 3, as before
    jsonschema = pytest.importorskip("jsonschema")
    validator = jsonschema.Draft202012Validator(json.loads(run("schema", "--report").stdout))
    assert validator.is_valid(data) and validator.is_valid(single)
    assert not validator.is_valid({"ok": True, "plans": [{"plan": "x"}]})
    broken = run("check", "-f", "json", "-p", str(CARE), "-p", "/no/such/plan.yaml", "-p", str(ONLINE))
    assert broken.exit_code == 2
    reports = json.loads(broken.stdout)["plans"]
    assert [p["plan"] for p in reports] == [str(CARE), "/no/such/plan.yaml", str(ONLINE)]  # in the order given
    assert reports[1]["errors"] and validator.is_valid(json.loads(broken.stdout))


def test_file_names_after_the_checks_as_pre_commit_passes_them(tmp_path: Path):
    write_tree(tmp_path, {"plans/over.yaml": OVERRUN})
    result = run("check", "-q", str(CARE), str(tmp_path / "plans" / "over.yaml"))
    assert result.exit_code == 1
    assert re.search(r"over\.yaml:\d+:\d+: error: .+\[timing\.overrun\]", result.stdout)
    named = run("check", "timings", "-q", str(tmp_path / "plans" / "over.yaml"))
    assert named.exit_code == 1 and "timing.overrun" in named.stdout
    typo = run("check", "timigns", str(CARE))
    assert typo.exit_code == 2 and "did you mean 'timings'" in typo.stderr


def test_pre_commit_hook_definition():
    [hook] = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    assert hook["id"] == "coprod-check" and hook["language"] == "python"
    assert re.search(hook["files"], "plans/coprod.yaml") and not re.search(hook["files"], "mkdocs.yml")
    entry = hook["entry"].split()
    assert entry[:2] == ["coprod", "check"]
    result = run(*entry[1:], str(CARE))  # pre-commit appends the staged file names
    assert result.exit_code == 0


def test_every_finding_carries_line_and_column():
    for example in EXAMPLES:
        data = json.loads(run("check", "-f", "json", "-p", str(example)).stdout)
        for finding in data["findings"]:
            assert "column" in finding
            assert (finding["line"] is None) == (finding["column"] is None)
            assert finding["column"] is None or finding["column"] >= 1


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_github_annotations_are_relative_to_the_repository_root(tmp_path: Path, monkeypatch):
    write_tree(tmp_path, {"repo/plans/spring/coprod.yaml": OVERRUN, "repo/plans/bad.yaml": "title: T\nworkshops: 3\n"})
    subprocess.run(["git", "init", "-q", str(tmp_path / "repo")], check=True)
    monkeypatch.chdir(tmp_path / "repo" / "plans" / "spring")
    result = run("check", "-f", "github")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines and all(" file=plans/spring/coprod.yaml,line=" in line for line in lines)
    assert any(line.startswith("::error file=plans/spring/coprod.yaml,line=") for line in lines)
    bad = run("check", "-f", "github", "-p", "../bad.yaml")
    assert bad.exit_code == 2 and "::error file=plans/bad.yaml,line=2,col=" in bad.stdout


def test_github_annotations_outside_a_repository_are_relative_to_the_current_folder(tmp_path: Path, monkeypatch):
    write_tree(tmp_path, {"plans/coprod.yaml": OVERRUN})
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    result = run("check", "-f", "github", "-p", "plans/coprod.yaml")
    lines = result.stdout.splitlines()
    assert lines and all(" file=plans/coprod.yaml,line=" in line for line in lines)


def test_readme_shows_a_github_actions_job_that_runs_coprod_check():
    readme = (ROOT / "README.md").read_text()
    [workflow] = re.findall(r"```yaml\n(# \.github/workflows/.+?)```", readme, flags=re.S)
    job = yaml.safe_load(workflow)
    steps = next(iter(job["jobs"].values()))["steps"]
    commands = " ".join(s.get("run", "") for s in steps)
    assert "coprod check" in commands and "--format github" in commands
    assert "coprod-check" in readme and ".pre-commit-config.yaml" in readme
