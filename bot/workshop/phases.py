"""Where a workshop is: the agenda's parts and the phases of one step."""

OPENING, BRIEFING, SCENE, DISCUSS, VOTING, TALLY = "opening", "briefing", "scene", "discuss", "voting", "tally"
ENDING, DEBRIEF, CLOSING, DONE = "ending", "debrief", "closing", "done"
