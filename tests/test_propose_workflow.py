"""A dry run of .github/workflows/propose-practice.yml: its steps run in bash on a project
copy, with `gh` and `git push` replaced by recorders and a fake issue event. The issue's
text must reach the tool only through the environment and a file."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, copy_project
from test_propose import GOOD, issue_body

WORKFLOW = ROOT / ".github" / "workflows" / "propose-practice.yml"
EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")


def workflow():
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def test_no_issue_text_is_spliced_into_a_shell_command():
    """`${{ github.event.issue.body }}` inside `run:` is how such workflows get exploited:
    expressions may only fill `env:` and `with:` values, and `if:` conditions."""
    for job in workflow()["jobs"].values():
        for step in job["steps"]:
            assert "${{" not in step.get("run", ""), step.get("name")
    text = WORKFLOW.read_text(encoding="utf-8")
    assert "ISSUE_BODY: ${{ github.event.issue.body }}" in text
    assert text.count("github.event.issue.body") == 1


def test_the_workflow_runs_on_practice_issues_and_opens_a_pull_request_only_when_accepted():
    flow = workflow()
    triggers = flow[True] if True in flow else flow["on"]  # YAML 1.1 reads `on` as true
    assert set(triggers["issues"]["types"]) == {"opened", "edited", "labeled"}
    job = flow["jobs"]["check"]
    assert "'good practice'" in job["if"]
    pr_step = next(s for s in job["steps"] if s.get("name", "").startswith("Open a pull request"))
    assert "env.ACCEPTED == 'true'" in pr_step["if"] and "valid == 'true'" in pr_step["if"]
    assert "Co-authored-by" in pr_step["run"]


RECORDER = """#!/bin/bash
printf '%s\\n' "$0 $*" >> "$DRY_RUN_LOG"
"""
GIT_WRAPPER = """#!/bin/bash
if [ "$1" = "push" ]; then printf '%s\\n' "git $*" >> "$DRY_RUN_LOG"; exit 0; fi
exec {git} "$@"
"""


def _context(accepted: bool, body: str) -> dict:
    return {
        "github.event.issue.number": "42",
        "github.event.issue.user.login": "ana-from-graz",
        "github.event.issue.user.id": "1234567",
        "contains(github.event.issue.labels.*.name, 'accepted')": "true" if accepted else "false",
        "github.token": "fake-token",
        "secrets.PRACTICE_PR_TOKEN || github.token": "fake-token",
        "github.event.issue.body": body,
    }


def _render(value: str, context: dict) -> str:
    def replace(match):
        expression = match.group(1)
        assert expression in context, f"the dry run does not know {expression!r}"
        return context[expression]
    return EXPRESSION.sub(replace, str(value))


def dry_run(tmp_path: Path, body: str, accepted: bool) -> tuple[str, Path, dict]:
    project = copy_project(tmp_path / "project")
    os.symlink(Path(sys.executable).parents[1], project / ".venv")  # `make venv` is done
    subprocess.run(["git", "init", "-q"], cwd=project, check=True)
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org", "add", "-A"], cwd=project, check=True)
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "base"],
                   cwd=project, check=True)
    fake_bin = tmp_path / "bin"
    fake_bin.mkdir()
    (fake_bin / "gh").write_text(RECORDER, encoding="utf-8")
    (fake_bin / "git").write_text(GIT_WRAPPER.format(git=shutil.which("git")), encoding="utf-8")
    for tool in fake_bin.iterdir():
        tool.chmod(0o755)
    runner_temp = tmp_path / "runner"
    runner_temp.mkdir()
    outputs = tmp_path / "outputs"
    log = tmp_path / "log"
    log.write_text("", encoding="utf-8")
    context = _context(accepted, body)
    job = workflow()["jobs"]["check"]
    env = {**{k: v for k, v in os.environ.items() if not k.startswith("GITHUB")},
           "PATH": f"{fake_bin}:{os.environ['PATH']}", "RUNNER_TEMP": str(runner_temp),
           "DRY_RUN_LOG": str(log)}
    env.update({key: _render(value, context) for key, value in job.get("env", {}).items()})
    step_outputs: dict[str, dict] = {}
    for step in job["steps"]:
        if "run" not in step or step["run"].strip() == "make venv":
            continue
        condition = step.get("if")
        if condition:
            valid = step_outputs.get("convert", {}).get("valid") == "true"
            if not (valid and env["ACCEPTED"] == "true"):
                continue
        outputs.write_text("", encoding="utf-8")
        step_env = {**env, "GITHUB_OUTPUT": str(outputs)}
        step_env.update({key: _render(value, context) for key, value in step.get("env", {}).items()})
        result = subprocess.run(["bash", "-e", "-o", "pipefail", "-c", step["run"]], cwd=project, env=step_env,
                                capture_output=True, text=True, timeout=300)
        assert result.returncode == 0, (step.get("name"), result.stdout, result.stderr)
        if step.get("id"):
            step_outputs[step["id"]] = dict(line.split("=", 1) for line in outputs.read_text().splitlines() if "=" in line)
    return log.read_text(encoding="utf-8"), project, step_outputs


def test_dry_run_of_an_accepted_good_proposal(tmp_path):
    log, project, outputs = dry_run(tmp_path, issue_body(**GOOD), accepted=True)
    assert outputs["convert"]["valid"] == "true"
    assert "gh issue comment 42 --body-file" in log
    assert "git push --force origin practice/issue-42-graz-round-table-on-labour-exploitation" in log
    assert "gh pr create --head practice/issue-42-graz-round-table-on-labour-exploitation" in log
    message = subprocess.run(["git", "log", "-1", "--format=%B"], cwd=project, capture_output=True, text=True).stdout
    assert "Co-authored-by: ana-from-graz <1234567+ana-from-graz@users.noreply.github.com>" in message
    changed = subprocess.run(["git", "show", "--name-only", "--format="], cwd=project, capture_output=True, text=True).stdout
    assert changed.split() == ["data/practices/graz-round-table-on-labour-exploitation.yml"]
    comment = (tmp_path / "runner" / "report.md").read_text(encoding="utf-8")
    assert "passes the checks" in comment


def test_dry_run_before_acceptance_only_comments(tmp_path):
    log, _, outputs = dry_run(tmp_path, issue_body(**GOOD), accepted=False)
    assert outputs["convert"]["valid"] == "true"
    assert "gh issue comment 42" in log and "gh pr create" not in log and "git push" not in log


@pytest.mark.parametrize("body", [
    issue_body(**{**GOOD, "summary": None}),
    issue_body(**{**GOOD, "city": "$(touch /tmp/dcaht-pwned-wf) `touch /tmp/dcaht-pwned-wf`"}),
    issue_body(**{**GOOD, "practice_title": "\"; touch /tmp/dcaht-pwned-wf; echo \""}),
    "'; touch /tmp/dcaht-pwned-wf; echo '\n$(touch /tmp/dcaht-pwned-wf)",
])
def test_dry_run_with_hostile_or_incomplete_issues(tmp_path, body):
    """Shell metacharacters in the issue stay text; an invalid proposal gets a comment and
    nothing else, even when it carries the `accepted` label."""
    log, project, outputs = dry_run(tmp_path, body, accepted=True)
    assert not Path("/tmp/dcaht-pwned-wf").exists()
    assert "gh issue comment 42" in log
    if outputs["convert"]["valid"] == "true":
        text = subprocess.run(["git", "show", "HEAD:" + "data/practices/" + _pushed_id(log) + ".yml"],
                              cwd=project, capture_output=True, text=True).stdout
        assert "touch /tmp/dcaht-pwned-wf" in text  # kept as text in the file
    else:
        assert "gh pr create" not in log and "git push" not in log


def _pushed_id(log: str) -> str:
    return re.search(r"practice/issue-42-([a-z0-9-]+)", log).group(1)
