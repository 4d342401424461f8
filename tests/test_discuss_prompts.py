"""A `[!DISCUSS]` prompt is shown to a parent practising alone (as "To think
about") as well as to a workshop room, so it is written for one person: a
room can talk about "you", but one person cannot answer "has anyone here"."""

import re

import pytest

from bot.content.library import Library
from bot.content.model import Note

ADDRESSES_A_ROOM = re.compile(r"\b(anyone here|everyone here|in this room|in the room|each other|your group|"
                              r"the group|turn to|share with)\b", re.I)


def discuss_prompts():
    for scenario in Library([]).in_order():
        for node in scenario.nodes:
            for note in node.notes:
                if isinstance(note, Note) and note.kind == "discuss":
                    yield pytest.param(note, id=f"{scenario.id}:{note.line}")


@pytest.mark.parametrize("note", list(discuss_prompts()))
def test_discuss_prompts_speak_to_one_person(note):
    assert not ADDRESSES_A_ROOM.search(note.text), f"line {note.line}: {note.text}"


def test_the_room_check_catches_a_question_to_the_room():
    assert ADDRESSES_A_ROOM.search("Has anyone here blamed a treatment centre?")
    assert not ADDRESSES_A_ROOM.search("Have you ever blamed a treatment centre?")
