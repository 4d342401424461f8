"""The HTML report in a real browser: headless Chromium renders it to a
PNG (kept in the test's folder to look at) and prints it to PDF, where it
fits on a few pages. Skipped, saying why, when Chromium is not installed."""

import re
import shutil
import subprocess

import pytest

from bot.learning import journal, profiles
from bot.learning.report import build_report, to_html

from .playing import CARDS_ALL_RIGHT, CARDS_ALL_WRONG, play

BROWSER = next((shutil.which(name) for name in ("chromium", "chromium-browser", "google-chrome")
                if shutil.which(name)), None)
pytestmark = pytest.mark.skipif(BROWSER is None, reason="Chromium is not installed (apt-get install chromium)")


def chromium(tmp_path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([BROWSER, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                           f"--user-data-dir={tmp_path / 'profile'}", *args],
                          capture_output=True, timeout=60)


@pytest.fixture
def report_file(store, library, tmp_path):
    me = profiles.create(store, "Ann", "UK")
    for picks in (CARDS_ALL_WRONG, CARDS_ALL_RIGHT, CARDS_ALL_WRONG, CARDS_ALL_RIGHT, CARDS_ALL_RIGHT):
        play(store, library, me.id, "cards", picks)
    for picks in ([2], [3], [1, 2], [1, 1]):
        play(store, library, me.id, "money", picks)
    journal.add(store, me.id, journal.NEXT_TIME, "Offer the ride before he asks for money.", "money")
    path = tmp_path / "report.html"
    path.write_text(to_html(build_report(store, library, me, with_journal=True)), encoding="utf-8")
    return path


def test_the_report_renders_in_chromium(report_file, tmp_path):
    shot = tmp_path / "report.png"
    result = chromium(tmp_path, f"--screenshot={shot}", "--window-size=900,2200", report_file.as_uri())
    assert shot.exists(), result.stderr.decode(errors="replace")[-500:]
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert (width, height) == (900, 2200)
    assert len(data) > 40_000  # text, tables and charts, not a blank page


def test_the_report_prints_to_a_few_clean_pages(report_file, tmp_path):
    pdf = tmp_path / "report.pdf"
    result = chromium(tmp_path, f"--print-to-pdf={pdf}", "--no-pdf-header-footer", report_file.as_uri())
    assert pdf.exists(), result.stderr.decode(errors="replace")[-500:]
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf.read_bytes()))
    assert 1 <= pages <= 3
