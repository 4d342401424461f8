"""The interface's Spanish catalogues (issue 14): every string the code marks has a
finished translation with the same {placeholders}, the committed .mo files are the
compiled .po files, and the language is chosen in the documented order."""

import importlib.machinery
import importlib.util
import re
import string
from collections import defaultdict

import pytest

from bot import i18n
from helpers import REPO


def _load_script():
    loader = importlib.machinery.SourceFileLoader("i18n_script", str(REPO / "scripts" / "i18n"))
    spec = importlib.util.spec_from_loader("i18n_script", loader)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


script = _load_script()
AREAS = sorted(script.AREAS)


@pytest.fixture(autouse=True)
def english_afterwards():
    yield
    i18n.use_language("en")


PERCENT_FIELD = re.compile(r"%(?:\(\w+\))?[rsd]")  # argparse's own sentences use %(name)s and %s


def _placeholders(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field is not None} | \
        set(PERCENT_FIELD.findall(text))


@pytest.mark.parametrize("area", AREAS)
def test_the_committed_mo_is_the_compiled_po(area):
    po = script.po_path("es", area)
    assert po.exists(), f"{po}: run scripts/i18n update {area}"
    assert po.with_suffix(".mo").read_bytes() == script.compiled(po), f"run scripts/i18n compile {area}"


@pytest.mark.parametrize("area", AREAS)
def test_every_marked_string_has_a_finished_spanish_translation(area):
    wanted = script.extract(area)
    translated = {m.id: m for m in script.read_catalog(script.po_path("es", area)) if m.id}
    problems = []
    for message in wanted:
        if not message.id:
            continue
        where = ", ".join(f"{path}:{line}" for path, line in message.locations)
        found = translated.get(message.id)
        key = message.id if isinstance(message.id, str) else message.id[0]
        if found is None:
            problems.append(f"{where}: {key!r} is not in {area}.po (scripts/i18n all {area})")
            continue
        forms = found.string if isinstance(found.string, tuple) else (found.string,)
        if found.fuzzy or not all(forms):
            problems.append(f"{where}: {key!r} has no finished translation")
            continue
        originals = message.id if isinstance(message.id, tuple) else (message.id,)
        allowed = [_placeholders(o) for o in originals]
        for form in forms:
            if _placeholders(form) not in allowed:
                problems.append(f"{where}: {key!r}: placeholders {sorted(_placeholders(form))} "
                                f"differ from {sorted(allowed[0])}")
    assert problems == []


def test_no_english_sentence_is_translated_two_ways():
    """The areas' catalogues are chained, so a sentence two of them translate differently
    would show only one of them, picked by file order: one sentence, one translation."""
    translations = defaultdict(dict)
    for area in AREAS:
        for message in script.read_catalog(script.po_path("es", area)):
            if message.id and message.string and not message.fuzzy:
                translations[(message.context, message.id)][area] = message.string
    assert {key: found for key, found in translations.items() if len(set(found.values())) > 1} == {}


def test_the_flag_beats_the_setting_which_beats_the_locale():
    mexico = {"LANG": "es_MX.UTF-8"}
    assert i18n.resolve("en", "es", mexico) == "en"
    assert i18n.resolve(None, "en", mexico) == "en"
    assert i18n.resolve(None, None, mexico) == "es"
    assert i18n.resolve("es", None, {"LANG": "en_US.UTF-8"}) == "es"
    assert i18n.resolve(None, "es", {}) == "es"


def test_the_locale_is_read_the_way_gettext_reads_it():
    assert i18n.from_locale({"LC_ALL": "es_ES.UTF-8", "LANG": "en_GB.UTF-8"}) == "es"
    assert i18n.from_locale({"LC_MESSAGES": "es_AR", "LANG": "en_US"}) == "es"
    assert i18n.from_locale({"LC_ALL": "C.UTF-8", "LANG": "es_MX.UTF-8"}) is None
    assert i18n.resolve(None, None, {"LANG": "fr_FR.UTF-8"}) == "en"
    assert i18n.resolve(None, None, {}) == "en"
    assert i18n.resolve("ES-mx", None, {}) == "es"


def test_spanish_is_served_and_unknown_strings_stay_english():
    assert i18n.use_language("es_MX") == "es" and i18n.language() == "es"
    assert i18n._("Welcome") == "Te damos la bienvenida"
    assert i18n._("a sentence nobody translated") == "a sentence nobody translated"
    assert i18n.ngettext("{n} scenario", "{n} scenarios", 2).format(n=2) == "2 escenarios"
    assert i18n.ngettext("{n} scenario", "{n} scenarios", 1).format(n=1) == "1 escenario"
    assert i18n.use_language("fr") == "en"
    assert i18n._("Welcome") == "Welcome"
    assert i18n.N_("Welcome") == "Welcome"


def test_the_setting_keeps_the_choice_and_none_follows_the_locale(store, tmp_path):
    from bot.locations import database_path
    from bot.progress.settings import Settings, saved_language

    profile = store.create_profile("Sam", "MX")
    assert Settings.load(store, profile.id).language is None
    Settings.load(store, profile.id).save(store, profile.id, language="es")
    assert Settings.load(store, profile.id).language == "es" == saved_language(database_path())
    Settings.load(store, profile.id).save(store, profile.id, language=None)
    assert Settings.load(store, profile.id).language is None is saved_language(database_path())
    store.set_setting(profile.id, "language", "tlh")
    assert Settings.load(store, profile.id).language is None
    assert saved_language(tmp_path / "none-here.sqlite3") is None
    (tmp_path / "junk.sqlite3").write_text("not a database")
    assert saved_language(tmp_path / "junk.sqlite3") is None


def test_each_source_file_is_in_one_area():
    """A file in two areas would put its sentences in two catalogues (and its two
    translators would edit the same strings)."""
    held = [path for area in AREAS for path in script.area_files(area)]
    assert [path for path in set(held) if held.count(path) > 1] == []
    assert REPO / "bot/workshop/cli.py" in script.area_files("cli")
    assert REPO / "bot/words/command.py" in script.area_files("cli")
