"""Workshop mode for counselors: the projector screen, the room's votes
from phones, plan files and the printable guide, and `rehearse serve` for
the app in participants' browsers. Only bot/workshop/ui imports Textual."""
