"""A toast built for a notification whose time ran out meanwhile: Textual's timer got a
negative interval and spun for ever (the app froze at full CPU; seen in CI under load)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

APP = """
import time
from textual.notifications import Notification
from textual.widgets._toast import Toast
from tui.app import ShioriApp

class Due(ShioriApp):
    def on_ready(self) -> None:
        self.run_worker(self.show_due())

    async def show_due(self) -> None:
        import asyncio

        # expired a moment ago, as when it runs out between the rack's check and the toast
        due = Notification("already due", timeout=1.0, raised_at=time.time() - 2.0)
        toast = Toast(due)
        await self.screen.mount(toast)
        while toast.is_attached:  # the toast removes itself: a frozen loop never gets here
            await asyncio.sleep(0.02)
        self.exit(return_code=7)

app = Due()
app.run(headless=True)
raise SystemExit(app.return_code)
"""


def test_a_toast_already_due_goes_away_instead_of_freezing_the_app(tmp_path: Path) -> None:
    script = tmp_path / "due.py"
    script.write_text(APP, encoding="utf-8")
    env = {"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    for name in ("DATA", "CACHE", "CONFIG"):
        env[f"SHIORI_{name}_DIR"] = str(tmp_path / name.lower())
    try:  # hangs for ever without the fix; the deadline is no timing
        done = subprocess.run(
            [sys.executable, str(script)], env=env, capture_output=True, timeout=120
        )
    except subprocess.TimeoutExpired:
        raise AssertionError("the app froze on a toast already due") from None
    assert done.returncode == 7, done.stderr.decode(errors="replace")[-2000:]
