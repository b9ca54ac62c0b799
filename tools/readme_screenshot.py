"""The README's screenshot: the app on the Bluebook seed with its furigana, tree and sidebar.

    python tools/readme_screenshot.py docs/images/shiori.svg
    python ../shared/tools/svg2png.py docs/images/shiori.svg   # then keep only shiori.png

Runs the real app headless in throwaway data folders (the user's own are never touched),
highlights two passages so the sidebar and the palette show, and saves an SVG snapshot.
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from pathlib import Path

SIZE = (128, 36)
HIGHLIGHTS = [
    ("強固な日米同盟は、日本の外交及び安全保障の基軸であり", "blue", ["日米同盟"]),
    ("インド太平洋地域の平和と安定の礎である", "yellow", ["地域"]),
]


async def shoot(out: Path) -> None:
    from store.paths import SEEDS_DIR
    from tui.app import OpenedFile, ShioriApp, import_document

    path = SEEDS_DIR / "diplomatic-bluebook-2025-north-america.txt"
    app = ShioriApp(OpenedFile(path, import_document(path)))
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(600):  # the dictionary loads and the first screen gets its readings
            await pilot.pause(0.05)
            if app.reader._readings is not None and app.annotations.current is not None:
                break
        ctl = app.annotations
        assert ctl.repo is not None and ctl.current is not None
        text = ctl.current.document.base_text
        for quote, color, tags in HIGHLIGHTS:
            start = text.index(quote)
            ctl.repo.create(ctl.current.key, ctl.current.document, start, start + len(quote), color=color, tags=tags)
        ctl.reload()
        await pilot.press("s")
        reader = app.reader
        reader.focus()
        reader.goto_offset(text.index("米国は日本にとって"))
        await pilot.press("v", *["l"] * 8)
        for _ in range(40):
            await pilot.pause(0.05)
        app.save_screenshot(out.name, str(out.parent))


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/images/shiori.svg").resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="shiori-shot-") as tmp:
        for name in ("DATA", "CACHE", "CONFIG"):
            os.environ[f"SHIORI_{name}_DIR"] = str(Path(tmp) / name.lower())
        asyncio.run(shoot(out))
    print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
