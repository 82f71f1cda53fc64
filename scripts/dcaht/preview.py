"""The contributor's preview loop, measured (`dcaht bench`): `make serve LANG=de` running,
a practice file saved, and the time until its page shows the change.

Starts the same command `make serve` runs for one language, waits until it serves, edits
one practice's summary, and polls that practice's page until the new text appears. No
MkDocs imported here: it runs the command, as a contributor does.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import yaml

from .project import default_locale


def serve_command(port: int) -> list[str]:
    """What `make serve LANG=xx` runs (Makefile): a dirty rebuild of the changed pages."""
    return [sys.executable, "-m", "mkdocs", "serve", "--strict", "--dirty", "--livereload",
            "-a", f"127.0.0.1:{port}"]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", "replace")
    except (urllib.error.URLError, OSError):
        return None


def preview_loop(project_dir: Path, practice_id: str, locale: str = "de", timeout: float = 120) -> float:
    """Seconds from saving data/practices/<practice_id>.yml to its page showing the change."""
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k not in ("SITE_URL",)}
    env.update({"NO_MKDOCS_2_WARNING": "1", "BUILD_ONLY_LOCALE": locale})
    log = tempfile.TemporaryFile(mode="w+", encoding="utf-8")  # a pipe would fill and stall it
    server = subprocess.Popen(serve_command(port), cwd=project_dir, env=env,
                              stdout=log, stderr=subprocess.STDOUT, text=True)

    def output() -> str:
        log.seek(0)
        return log.read()[-3000:]

    try:
        # the one-language preview puts its language at the root
        url = f"http://127.0.0.1:{port}/practices/{practice_id}/"
        deadline = time.monotonic() + timeout
        while _get(url) is None:
            if server.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("the preview did not start:\n" + output())
            time.sleep(0.2)
        time.sleep(1.0)  # let the watcher settle after the first build
        path = project_dir / "data" / "practices" / f"{practice_id}.yml"
        marker = f"Preview check {time.time_ns()}"
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        key = locale if locale in data["summary"] else default_locale(project_dir)
        data["summary"][key] = f"{marker}. {data['summary'][key]}"
        changed = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=4096)
        started = time.perf_counter()
        path.write_text(changed, encoding="utf-8")
        while True:
            page = _get(url)
            if page and marker in page:
                return time.perf_counter() - started
            if time.perf_counter() - started > timeout:
                raise RuntimeError(f"{url} did not show the change within {timeout:.0f} s:\n" + output())
            time.sleep(0.05)
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()
