"""The per-test time limit of pyproject.toml turns a hang into a failure with a thread dump."""

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from django.conf import settings

HANGING_TEST = textwrap.dedent(
    """
    import threading
    import time


    def test_hangs_like_a_deadlock():
        helper = threading.Thread(target=time.sleep, args=(60,), name="a-request-thread")
        helper.daemon = True
        helper.start()
        time.sleep(60)
    """
)


@pytest.mark.issue(14)
def test_a_test_sleeping_past_the_limit_fails_with_every_threads_stack(tmp_path):
    (tmp_path / "test_hanging.py").write_text(HANGING_TEST)
    project_config = Path(settings.BASE_DIR) / "pyproject.toml"
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-c", str(project_config), "--rootdir", str(tmp_path)]
        + ["-p", "no:cacheprovider", "-p", "no:randomly", "--timeout=2", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
    )
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Timeout" in output
    assert "test_hangs_like_a_deadlock" in output
    # The method from pyproject.toml (thread) dumps the stack of every thread, not just one.
    assert "Stack of a-request-thread" in output
    assert "Stack of MainThread" in output
    assert "time.sleep(60)" in output
