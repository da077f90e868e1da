"""The desktop's own words in the person's language (SPEC §15): Qt's QTranslator over catalogs compiled from
`resources/i18n/rundun_<tag>.ts` (`make catalogs`, run by the install; `.qm` files are build output), chosen by
the `language` setting or else the system's languages, and right-to-left layout for Arabic and Hebrew.

A language is one `.ts` file: a translator copies `rundun_de.ts` to `rundun_fr.ts`, sets its `language`
attribute, translates each `<translation>` (Qt Linguist does it) and the app offers French; no code changes.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtWidgets import QApplication

from rundun_desktop.resources import resource_path
from rundun_desktop.words import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)
CATALOG_PREFIX = "rundun_"
# Every word of the app goes through Qt's translation; the catalogs are extracted from all its modules
# (`scripts/update_catalogs.py` runs pyside6-lupdate with these options), and tests/desktop/test_i18n.py keeps
# them complete and current.
LUPDATE_OPTIONS = ("-no-obsolete", "-locations", "none")
# English is the source language, but a counted word ("%Ln problem(s)") needs its two English forms: they live in
# rundun_en.ts, which holds the plural words only (Qt's way: `lupdate -pluralonly`) and sits beneath every
# language's catalog, so a word a catalog lacks still reads "1 problem", "2 problems".
SOURCE_LANGUAGE = "en"


def lupdate_options(language: str) -> tuple[str, ...]:
    return (*LUPDATE_OPTIONS, "-pluralonly") if language == SOURCE_LANGUAGE else LUPDATE_OPTIONS


def source_files(root: Path) -> list[Path]:
    """The app's modules, in a stable order (the catalogs list their words in it)."""
    return sorted((root / "rundun_desktop").rglob("*.py"))


RIGHT_TO_LEFT = frozenset({"ar", "he", "fa", "ur"})


def catalog_dir() -> Path:
    return Path(str(resource_path("i18n")))


def shipped_languages(directory: Path | None = None) -> list[str]:
    """The languages a compiled catalog exists for (English is the source language: its catalog, of plural
    forms only, is no language to offer); a wheel or a bundle ships the `.qm` files only."""
    folder = directory or catalog_dir()
    tags = (p.stem.removeprefix(CATALOG_PREFIX) for p in folder.glob(f"{CATALOG_PREFIX}*.qm"))
    return sorted(tag for tag in tags if tag != SOURCE_LANGUAGE)


def app_catalogs(
    app: QCoreApplication, language: str, directory: Path | None = None
) -> tuple[list[QTranslator], bool]:
    """Install the app's catalogs for `language` over English's plurals (the last installed is asked first):
    those installed (the caller keeps and removes them), and whether `language` has its own."""
    installed, loaded = [], language == SOURCE_LANGUAGE
    for tag in dict.fromkeys([SOURCE_LANGUAGE, language]):
        catalog = load_catalog(tag, directory)
        if catalog is not None:
            app.installTranslator(catalog)
            installed.append(catalog)
            loaded = loaded or tag == language
    return installed, loaded


class _Catalog(QTranslator):
    """A translator over a copy of its `.qm` file in memory, which it keeps: loaded by name, Qt maps the file,
    and a catalog rewritten in place while the app ran (`make catalogs`, which `make test` runs) crashed that
    app at its next word."""

    def __init__(self, data: bytes) -> None:
        super().__init__()
        self.data = data


def load_catalog(tag: str, directory: Path | None = None) -> QTranslator | None:
    """The compiled catalog of `tag`, or None when there is none (or it cannot be read)."""
    try:
        data = (directory or catalog_dir()).joinpath(f"{CATALOG_PREFIX}{tag}.qm").read_bytes()
    except OSError:
        return None
    catalog = _Catalog(data)
    return catalog if catalog.load(catalog.data) else None


@functools.cache
def _cached_catalog(tag: str) -> QTranslator | None:
    return load_catalog(tag)


def word_in(language: str | None, context: str, source: str) -> str:
    """One of the app's words in `language`, whatever the app speaks: a run's checklist speaks the run's language
    (its Yes and No among its German steps), the app's own chrome the app's. In the app's language when
    `language` is None or has no catalog shipped (no better guess for the person than the app they chose)."""
    primary = (language or "").replace("_", "-").split("-")[0].lower()
    if primary == SOURCE_LANGUAGE:
        return source
    catalog = _cached_catalog(primary) if primary else None
    return (catalog.translate(context, source) if catalog else "") or QCoreApplication.translate(
        context, source
    )


def without_mnemonic(text: str) -> str:
    """ "&Look in:" as "Look in:" ("&&", a written ampersand, stays one)."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


class _QtWords(QTranslator):
    """Qt's own catalog of a language (`qtbase_<tag>.qm`: its standard buttons, the file dialog, a line edit's
    menu), also asked for a word without its mnemonic. Qt 6 asks for "&Look in:" and "Files of &type:", which
    its Spanish and Arabic catalogs still hold as "Look in:" and "Files of type:": the Spanish file dialog read
    them in English beside its Spanish words."""

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        found = super().translate(context, source, disambiguation, n)
        if not found and "&" in source:
            found = super().translate(context, without_mnemonic(source), disambiguation, n)
        # None when neither is known: Qt reads a returned "" as a word translated to nothing (the app's every
        # word, asked of this catalog first, was blank), and None as no answer, so it asks the next catalog.
        return found or None


def qt_catalog_dir() -> Path:
    """Where Qt's own catalogs are: PySide6's `translations` folder (the bundle carries its de, es, ar ones)."""
    return Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))


def load_qt_catalog(tag: str, directory: Path | None = None) -> QTranslator | None:
    """Qt's own words in `tag`, or None where Qt has no catalog for it (then Qt's dialogs speak English)."""
    catalog = _QtWords()
    return catalog if catalog.load(f"qtbase_{tag}", str(directory or qt_catalog_dir())) else None


def choose_language(setting: str, system: Sequence[str], available: Sequence[str]) -> str:
    """The setting when it names a shipped language, else the first of the system's languages that is
    shipped (`de-AT` takes `de`), else English."""
    for wanted in [setting, *system] if setting else list(system):
        primary = wanted.replace("_", "-").split("-")[0].lower()
        if primary == "en":
            return "en"
        if primary in available:
            return primary
    return "en"


# Each catalog names its own language: its translation of this word ("Deutsch", "Español", "العربية").
LANGUAGE_NAME = QT_TRANSLATE_NOOP("i18n", "English")


def language_name(tag: str, directory: Path | None = None) -> str:
    """A language's name in that language, as a language picker shows it: from its catalog, else Qt's."""
    if tag == "en":
        return LANGUAGE_NAME
    catalog = load_catalog(tag, directory)
    if catalog is not None:
        name = catalog.translate("i18n", LANGUAGE_NAME)
        if name:
            return name
    name = QLocale(tag).nativeLanguageName() or tag  # Qt's name may carry a region ("español de España")
    return name[:1].upper() + name[1:]


def tag_with_name(tag: str) -> str:
    """A template's language as a person reads it in a list: "Deutsch (de)", "Português (pt-BR)"; the tag alone
    when neither a catalog nor Qt knows its name. The Dispatch and Translations lists showed the bare tag.

    Read in the app's direction, name first: the name and the tag each isolated, led by the app's own direction
    mark. Qt lays a label out by its text's first strong letter, so the German run detail's "Sprache" line put
    "العربية (ar)" at the far right, drawn "(ar) العربية", and the Arabic one drew "Deutsch (de)" at its left."""
    name = language_name(tag)
    if name == tag:
        return tag
    rtl = QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    mark = "\u200f" if rtl else "\u200e"  # RIGHT-TO-LEFT MARK, LEFT-TO-RIGHT MARK
    return f"{mark}\u2068{name}\u2069 (\u2068{tag}\u2069)"  # each between FIRST STRONG ISOLATE and its POP


def language_choices(directory: Path | None = None) -> list[tuple[str, str]]:
    """(tag, name) for the Settings picker: English (the source) and each shipped catalog, by tag."""
    return [(tag, language_name(tag, directory)) for tag in ["en", *shipped_languages(directory)]]


def locale_for(language: str) -> QLocale:
    """How `language` writes numbers and dates: the system's locale when it is the system's language (it keeps
    its region: en_GB, de_AT), else the language's own (a German app on an English system writes 3.12.26)."""
    system = QLocale.system()
    return system if QLocale(language).language() == system.language() else QLocale(language)


class Translation:
    """The translators installed on the application (one language at a time: switching replaces them): the
    app's catalog and Qt's own (its standard buttons and dialogs), and the locale for numbers and dates."""

    def __init__(self) -> None:
        self.translators: list[QTranslator] = []
        self.language = "en"
        self.chosen = ""  # the language Settings → Language names at the app's start ("": the system's)

    def install(self, app: QCoreApplication, language: str, directory: Path | None = None) -> bool:
        """Use `language`'s compiled catalog (False, and English, when it is not built)."""
        self.remove(app)
        self.language = language
        self.translators, loaded = app_catalogs(app, language, directory)
        if not loaded:
            log.warning("no compiled catalog for %s (run `make catalogs`); English it is", language)
            self.language = "en"
        elif language != "en":
            qt_words = load_qt_catalog(language)  # Qt's own: OK/Cancel, the file dialog, the line edit's menu
            if qt_words is None:
                log.info("Qt has no catalog for %s: its own dialogs' words stay English", language)
            else:
                app.installTranslator(qt_words)
                self.translators.append(qt_words)
        QLocale.setDefault(locale_for(self.language))  # numbers and dates follow the language
        if isinstance(app, QApplication):
            rtl = self.language in RIGHT_TO_LEFT
            app.setLayoutDirection(Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight)
        return self.language == language

    def remove(self, app: QCoreApplication) -> None:
        for translator in self.translators:
            app.removeTranslator(translator)
        self.translators = []


TRANSLATION = Translation()


def system_language() -> str:
    """The language the app speaks when the setting is "System default"."""
    return choose_language("", QLocale.system().uiLanguages(), shipped_languages())


def install_for(app: QCoreApplication, setting: str = "") -> str:
    """At start: the language the setting or the system asks for; returns the language in use."""
    language = choose_language(setting, QLocale.system().uiLanguages(), shipped_languages())
    TRANSLATION.install(app, language)
    TRANSLATION.chosen = setting
    return TRANSLATION.language


def preferred_languages() -> list[str]:
    """The person's languages, best first, for a server choosing among a template's (`Accept-Language`): the
    one chosen in Settings → Language, then the system's. A run opened in an app set to German on an English
    computer came in English though its template had German."""
    system = QLocale.system().uiLanguages()
    return [TRANSLATION.chosen, *system] if TRANSLATION.chosen else list(system)


@contextmanager
def words_in(language: str) -> Iterator[None]:
    """The app's words in `language` for a while (a run's report is in the run's language, whatever the app
    speaks), then the app's own again. A language with no catalog reads English."""
    app = QCoreApplication.instance()
    tag = choose_language(language, [], shipped_languages())
    if app is None or tag == TRANSLATION.language:
        yield
        return
    saved = list(TRANSLATION.translators)
    for translator in saved:
        app.removeTranslator(translator)
    catalogs, _ = app_catalogs(app, tag)
    # Its numbers and dates too: a German app's Arabic report wrote "1" and "5 Dec 2026, 10:24 AM" in its words.
    locale = QLocale()
    QLocale.setDefault(locale_for(tag))
    try:
        yield
    finally:
        QLocale.setDefault(locale)
        for catalog in catalogs:
            app.removeTranslator(catalog)
        for translator in saved:
            app.installTranslator(translator)
