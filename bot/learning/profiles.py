"""Several people can practise on one computer, each with a profile of their
own. The one chosen last is the one the app and plain mode open with."""

from ..i18n import _
from ..progress.store import Profile, Store
from ..text import clean_line

NAME_LIMIT = 40


class UnknownProfile(LookupError):
    """No profile has that name."""


def all_profiles(store: Store) -> list[Profile]:
    rows = store.conn.execute("SELECT id, name, region FROM profiles ORDER BY id").fetchall()
    return [Profile(*row) for row in rows]


def use(store: Store, profile_id: int) -> Profile:
    """Make this the profile the app opens with next time."""
    with store.transaction() as db:
        db.execute("INSERT INTO profile_in_use (only, profile_id) VALUES (1, ?) "
                   "ON CONFLICT (only) DO UPDATE SET profile_id = excluded.profile_id", (profile_id,))
    return store.profile()


def create(store: Store, name: str, region: str) -> Profile:
    """A new profile, which becomes the one in use."""
    profile = store.create_profile(tidy_name(name), region)
    return use(store, profile.id)


def rename(store: Store, profile: Profile, name: str) -> Profile:
    return store.update_profile(profile.id, tidy_name(name), profile.region)


def tidy_name(name: str) -> str:
    return clean_line(name)[:NAME_LIMIT]


def label(profile: Profile) -> str:
    """How a profile is named on screen and in files: its name, or a number."""
    return profile.name or _("Profile {number} (no name)").format(number=profile.id)


def find(store: Store, name: str | None) -> Profile:
    """A profile by name (any case) or number; without a name, the one in use."""
    if name is None:
        profile = store.profile()
        if profile is None:
            raise UnknownProfile(_("there are no profiles yet: open the app or play a scenario first"))
        return profile
    profiles = all_profiles(store)
    wanted = clean_line(name).casefold()
    for profile in profiles:
        if profile.name.casefold() == wanted or str(profile.id) == wanted:
            return profile
    known = ", ".join(label(p) for p in profiles) or _("none yet")
    raise UnknownProfile(_("no profile called `{name}` (profiles: {known})").format(name=clean_line(name), known=known))
