"""Dates in the learner's language ("6 December 2026", "6 de diciembre de
2026"). The C library's month names follow the system locale, not the
language chosen in rehearse, so the names come from the catalogue."""

import time

from ..i18n import N_, _

MONTHS = (N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"), N_("July"),
          N_("August"), N_("September"), N_("October"), N_("November"), N_("December"))


def long_date(stamp: float) -> str:
    """"6 December 2026": for reports and headings."""
    day = time.localtime(stamp)
    return _("{day} {month} {year}").format(day=day.tm_mday, month=_(MONTHS[day.tm_mon - 1]), year=day.tm_year)


def short_date(stamp: float) -> str:
    """"6 Dec 2026" ("6 dic 2026"): a month's first three letters are its short name in both languages."""
    day = time.localtime(stamp)
    return f"{day.tm_mday} {_(MONTHS[day.tm_mon - 1])[:3]} {day.tm_year}"
