"""Render the privacy notice and an access letter from a demo run in a real headless browser
(chromium) and write the PNGs the README shows:

    docs/notice-fi.png          top of notice.fi.html: controller, contact, purposes and bases
    docs/notice-fi-rights.png   end of notice.fi.html: the rights, all five objection scopes
    docs/access-letter-fi.png   the demo's access letter (access.html)

Usage: .venv/bin/python docs/screenshots.py [DEMO_DIR]   (default: a fresh small demo run)
Needs chromium (Debian: apt-get install chromium); Pillow comes with matplotlib.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image, ImageChops

DOCS = Path(__file__).resolve().parent
WIDTH, TALL, SHOWN = 1000, 14000, 1800  # a window taller than any page, then crop
RIGHTS_TAIL = 2540  # rights, automated decisions, changes and the version line


def browser() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    sys.exit("screenshots: no chromium found (apt-get install chromium)")


def full_page(html: Path, work: Path) -> Image.Image:
    """The whole page as rendered, with the blank window space below it trimmed."""
    out = work / f"{html.parent.name}-{html.stem}.png"
    subprocess.run(
        [
            browser(),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            "--force-device-scale-factor=1",
            f"--window-size={WIDTH},{TALL}",
            f"--screenshot={out}",
            html.resolve().as_uri(),
        ],
        check=True,
        capture_output=True,
    )
    image = Image.open(out).convert("RGB")
    background = Image.new("RGB", image.size, image.getpixel((0, image.height - 1)))
    box = ImageChops.difference(image, background).getbbox()
    bottom = min(image.height, (box[3] if box else image.height) + 40)
    return image.crop((0, 0, WIDTH, bottom))


def save(image: Image.Image, name: str) -> None:
    path = DOCS / name
    # 256 colours keep text sharp on a white page at a third of the size
    image.quantize(colors=256).save(path, optimize=True)
    print(path)


def main(argv: list[str]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        demo = Path(argv[0]) if argv else work / "demo"
        if not (demo / "var" / "reports").is_dir():
            subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "simulator.demo",
                    "--dir",
                    str(demo),
                    "--contacts",
                    "120",
                    "--seed",
                    "7",
                    "--rate",
                    "0",
                ],
                check=True,
                capture_output=True,
            )
        reports = demo / "var" / "reports"
        notice = sorted(reports.glob("notice-*/notice.fi.html"))[-1]
        letter = sorted(reports.glob("requests/*/access.html"))[0]
        page = full_page(notice, work)
        save(page.crop((0, 0, WIDTH, min(SHOWN, page.height))), "notice-fi.png")
        rights = max(0, page.height - RIGHTS_TAIL)  # the rights are near the end of the page
        save(page.crop((0, rights, WIDTH, page.height)), "notice-fi-rights.png")
        letter_page = full_page(letter, work)
        save(
            letter_page.crop((0, 0, WIDTH, min(SHOWN, letter_page.height))), "access-letter-fi.png"
        )


if __name__ == "__main__":
    main(sys.argv[1:])
