"""The session record (Markdown and CSV, anonymous, 0600) and the printable
facilitator guide (Markdown and self-contained HTML)."""

import csv
import io
import stat
from datetime import datetime

from bot.help import load as load_helplines
from bot.workshop import export, guide
from bot.workshop import phases


def played(make_run, room):
    run = make_run(with_plan=False, agenda=["door", "phone"])
    people = [room.join(f"NICK{n}") for n in range(4)]
    run.next()
    run.open_vote()
    for person, option in zip(people, (3, 3, 1, 2)):
        room.vote(person.id, room.round.id, option, 1)
    run.close_vote()
    run.pick(1)  # the facilitator's pick over the room's 3
    run.open_vote()
    for person in people:
        room.vote(person.id, room.round.id, 1, 1)
    run.close_vote()
    run.next()  # the room's choice: a ride
    run.next()  # ending -> debrief
    assert run.phase == phases.DEBRIEF
    return run, people


def test_markdown_record_has_each_step_counts_and_overrides(make_run, room):
    run, people = played(make_run, room)
    text = export.markdown(run, len(people), datetime(2025, 1, 2, 18, 30))
    assert "2025-01-02 18:30. 4 people joined." in text
    assert "## 1. At the door" in text and "Ending: A good ending (Ride)." in text
    assert "| 3 | You're using again, aren't you? | 2 (room's choice) |" in text
    assert "| 1 | What does your sponsor say? | 1 (taken) |" in text
    assert "The facilitator went with option 1; the room chose 3." in text
    assert "Went with the room's choice. Option 1 has the most votes." in text
    assert "NICK" not in text


def test_csv_record_one_row_per_option(make_run, room):
    run, _ = played(make_run, room)
    rows = list(csv.DictReader(io.StringIO(export.csv_text(run))))
    assert len(rows) == 3 + 2
    first = rows[:3]
    assert [r["votes"] for r in first] == ["1", "1", "2"]
    assert [r["room_choice"] for r in first] == ["", "", "yes"]
    assert [r["taken"] for r in first] == ["yes", "", ""]
    assert [r["overridden"] for r in first] == ["yes", "", ""]
    assert {r["voters"] for r in first} == {"4"}
    assert "NICK" not in export.csv_text(run)


def test_saved_where_the_facilitator_chooses_and_private(make_run, room, tmp_path):
    run, people = played(make_run, room)
    md_path, csv_path = export.save(run, tmp_path / "records" / "friday", len(people))
    for path in (md_path, csv_path):
        assert path.parent == tmp_path / "records" / "friday"
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(md_path.parent.stat().st_mode) == 0o700


def test_guide_markdown_has_everything_a_facilitator_prints(plan, library):
    text = guide.write(plan, library, load_helplines(), "UK", "md")
    for expected in ("# Facilitator guide: An evening workshop", "| 0:05 | At the door | 20 min |",
                     "| 0:40 | End |", "Sam has been home from treatment",
                     "**Facilitator note:** BRIEFING-SECRET", "**Discussion prompt:** What makes a small ask",
                     "**Facilitator note:** FACILITATOR-SECRET", "\"What does your sponsor say?\" → Sponsor [calm +1]",
                     "\"Sure, here you go.\" → Gave, a hard ending", "Coach: You turned it back to his plan.",
                     "PLAN-NOTE", "A short guide for families: Stay calm", "Say less, and say it again.",
                     "## Help numbers to hand out", "IF ANYONE IS IN DANGER NOW", "## Closing question"):
        assert expected in text, expected


def test_guide_html_is_one_escaped_page(plan, library):
    page = guide.write(plan, library, load_helplines(), None, "html")
    assert page.startswith("<!doctype html>") and "</html>" in page
    assert "<script" not in page and "<link" not in page and "src=" not in page  # nothing fetched
    assert "&quot;Sure, here you go.&quot; → Gave" in page
    assert "<table>" in page and "@media print" in page
