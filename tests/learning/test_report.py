"""The progress report: modules, scenarios, endings, skills (charts in
HTML), the journal only when asked for, everything escaped, written 0600;
`rehearse report` from the command line."""

import os
import re

from bot.learning import journal, profiles
from bot.learning.report import build_report, to_html, to_markdown
from bot.locations import exports_dir

from helpers import rehearse
from .playing import CARDS_ALL_RIGHT, CARDS_ALL_WRONG, SMALL_COURSE, play


def played(store, library, name="Ann"):
    me = profiles.create(store, name, "UK")
    play(store, library, me.id, "cards", CARDS_ALL_WRONG)
    play(store, library, me.id, "cards", CARDS_ALL_RIGHT)
    play(store, library, me.id, "money", [2])
    journal.add(store, me.id, journal.HARD, "Keeping my voice low.\n\nHe <script>cried</script> *a lot*.", "money")
    return me


def test_the_markdown_report_says_where_the_learner_is(store, library):
    me = played(store, library)
    text = to_markdown(build_report(store, library, me))
    assert "# Progress report: Ann" in text
    assert "- Modules completed: 1 of 2" in text
    assert "- Scenarios completed (a good ending reached): 1 of 3" in text
    assert "- Endings found: 3 of 7" in text
    assert "## 1\\. Facts first (completed)" not in text and "## 1. Facts first (completed)" in text
    assert "- Four cards: done; played 2 times; endings found 2 of 2" in text
    assert "  - Endings: Group (good); Waiting (hard)" in text
    assert "- Twenty dollars: played once; endings found 1 of 3" in text
    assert "- Home late: not tried yet; endings found 0 of 2" in text
    assert "## 3. Later (coming soon)" in text and "No scenarios yet." in text
    # trends compare "Four cards" with itself; "Twenty dollars" (played once) is not compared with it
    assert ("- Staying calm: latest 0, best +3, better than your last try at the same scenario; 3 attempts "
            "(higher is better)") in text
    assert ("- Enabling: latest +1, best 0, better than your last try at the same scenario; 3 attempts "
            "(lower is better)") in text
    assert ("- Holding boundaries: latest 0, best 0, try a scenario again to see how this skill grows; 1 attempt "
            "(higher is better)") in text
    assert "Journal" not in text and "Keeping my voice low" not in text  # not unless the learner asks


def test_journal_entries_appear_only_when_included_and_escaped(store, library):
    me = played(store, library, name="*Ann* <i>")
    text = to_markdown(build_report(store, library, me, with_journal=True))
    assert "# Progress report: \\*Ann\\* \\<i\\>" in text
    assert "## Journal" in text and ": Twenty dollars" in text
    assert "*What was hard?*" in text
    assert "He \\<script\\>cried\\</script\\> \\*a lot\\*." in text
    html = to_html(build_report(store, library, me, with_journal=True))
    assert "<script>" not in html and "He &lt;script&gt;cried&lt;/script&gt; *a lot*." in html
    assert "Progress report: *Ann* &lt;i&gt;" in html


def test_the_html_report_is_self_contained_with_a_chart_per_skill(store, library):
    me = played(store, library)
    html = to_html(build_report(store, library, me))
    assert html.count("<svg") == 3 and html.count("<polyline points=\"") >= 2
    assert "@media print" in html
    assert not re.search(r"(src|href)=\"(https?:)?//", html)  # nothing fetched from the network
    assert "<script" not in html


def test_rehearse_report_writes_a_private_file(store, library):
    played(store, library)
    store.close()
    result = rehearse("--content", str(SMALL_COURSE), "report", "--format", "html")
    assert result.returncode == 0, result.stderr
    written = list(exports_dir().glob("report-ann-*.html"))
    assert len(written) == 1 and str(written[0]) in result.stdout
    assert os.stat(written[0]).st_mode & 0o777 == 0o600
    assert "Progress report: Ann" in written[0].read_text()

    result = rehearse("--content", str(SMALL_COURSE), "report", "--profile", "ann", "--journal", "--output", "-")
    assert result.returncode == 0 and "## Journal" in result.stdout and "Keeping my voice low." in result.stdout


def test_rehearse_report_names_the_profiles_it_knows(store, library):
    played(store, library)
    store.close()
    result = rehearse("--content", str(SMALL_COURSE), "report", "--profile", "Zed")
    assert result.returncode == 2
    assert "no profile called `Zed` (profiles: Ann)" in result.stderr
    assert "Traceback" not in result.stderr
