"""Self-paced learning on top of the progress store: the course map, skills
over time, the journal, myth-or-fact review, the conversation card, reports,
comparing two people, and the learner's own data. Never imports a UI."""
