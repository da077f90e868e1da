"""Words for run fields and sizes, app-wide: the monitor's table and detail panel, the reports, the executor's inbox
and the admin pages (pure: no Qt widgets). One module so no feature package imports another for its words."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, Qt, QTime

from rundun_desktop.words import QT_TRANSLATE_NOOP, Counts
from server.tdl import RunStatus

STATUS_LABELS: dict[str, str] = {
    RunStatus.PENDING: QT_TRANSLATE_NOOP("formatting", "Pending"),
    RunStatus.IN_PROGRESS: QT_TRANSLATE_NOOP("formatting", "In progress"),
    RunStatus.COMPLETED: QT_TRANSLATE_NOOP("formatting", "Completed"),
    RunStatus.CANCELLED: QT_TRANSLATE_NOOP("formatting", "Cancelled"),
    RunStatus.EXPIRED: QT_TRANSLATE_NOOP("formatting", "Expired"),
}
# Text colour and soft background per status (the pill in the table, the badge in the detail).
STATUS_COLOURS: dict[str, tuple[str, str]] = {
    RunStatus.PENDING: ("#8a5a00", "#fff3d6"),
    RunStatus.IN_PROGRESS: ("#1f4fd1", "#e3ebff"),
    RunStatus.COMPLETED: ("#11703f", "#dcf5e6"),
    RunStatus.CANCELLED: ("#5b6478", "#eceef3"),
    RunStatus.EXPIRED: ("#b4232a", "#fde4e4"),
}
STATUSES = [status.value for status in RunStatus]  # plain strings: Qt item data and query params


# Why a run was cancelled, as the server says it (`cancel_reason`), in words.
CANCEL_REASONS = {
    "revoked": QT_TRANSLATE_NOOP("formatting", "link revoked"),
    "executor_exited": QT_TRANSLATE_NOOP("formatting", "the executor gave up"),
}


def cancel_reason(reason: str) -> str:
    """Why a run was cancelled, in words ("link revoked": the server's code was shown, in English everywhere)."""
    if reason in CANCEL_REASONS:
        return QCoreApplication.translate("formatting", CANCEL_REASONS[reason])
    return reason.replace("_", " ")


def status_label(status: str | None) -> str:
    if status in STATUS_LABELS:
        return QCoreApplication.translate("formatting", STATUS_LABELS[status])
    return (status or "").replace("_", " ").capitalize()


def day_form() -> str:
    """The day as the language writes it before a month: "5" in English, "5." in German (and Finnish, Czech…),
    read off the locale's own long date form ("dddd, d. MMMM yyyy"). German read "1 Dez. 2026"."""
    return "d." if "d." in QLocale().dateFormat(QLocale.FormatType.LongFormat) else "d"


def date_form() -> str:
    """The app's one way of writing a date: "5 Dec 2026", "5. Dez. 2026", "٥ ديسمبر ٢٠٢٦"."""
    return f"{day_form()} MMM yyyy"


def parse_time(text: str | None) -> datetime | None:
    if not text:
        return None
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return None


def local_time(text: str | None, with_seconds: bool = False) -> str:
    """An API time (UTC, `Z`) in the user's local time zone, '5 Dec 2026, 1:36 AM', or '—'."""
    dt = parse_time(text)
    if dt is None:
        return "—"
    local = dt.astimezone()
    # The language's own comma between them: Arabic writes "،".
    return QCoreApplication.translate("formatting", "{0}, {1}").format(
        date_text(local), time_text(local, with_seconds)
    )


def _qdatetime(local: datetime) -> QDateTime:
    return QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute, local.second))


def date_text(local: datetime | date) -> str:
    """A date with its month's name in the person's language, '5 Dec 2026', '5. Dez. 2026', as the tables write
    it: the locale's short form ('12/5/26' in the US, '5/12/26' in Britain) left a run's detail reading
    differently from its row, and a day from a month."""
    return QLocale().toString(QDate(local.year, local.month, local.day), date_form())


def time_text(local: datetime, with_seconds: bool = False) -> str:
    """A time as the person's locale writes it (16:35, 4:35 PM), with seconds when asked."""
    locale = QLocale()
    form = locale.timeFormat(QLocale.FormatType.ShortFormat)
    if with_seconds and ":ss" not in form:
        form = form.replace("mm", "mm:ss", 1)
    return locale.toString(QTime(local.hour, local.minute, local.second), form)


def short_time(text: str | None, now: datetime | None = None) -> str:
    """Compact local time for table cells: '25 Nov 17:35' this year, '25 Nov 2025' otherwise."""
    dt = parse_time(text)
    if dt is None:
        return "—"
    local = dt.astimezone()
    this_year = (now or datetime.now(UTC)).astimezone().year
    locale = QLocale()
    time = locale.timeFormat(QLocale.FormatType.ShortFormat)
    form = f"{day_form()} MMM {time}" if local.year == this_year else date_form()
    return locale.toString(_qdatetime(local), form)


def utc_days(start: str | None, end: str | None) -> str:
    """A period the server gives in UTC as [start, end) (a plan's calendar month) as its first and last days,
    '1 Dec 2026 – 31 Dec 2026': its midnights in local times read '11/30/26 7:00 PM – 12/31/26 7:00 PM'."""
    first, after = parse_time(start), parse_time(end)
    if first is None or after is None:
        return "—"
    last = (after - timedelta(microseconds=1)).date()
    return f"{date_text(first.date())} – {date_text(last)}"


def day_month(day: date) -> str:
    """A day in a chart's axis: '5 Nov', '5. Dez.', '٥ نوفمبر' (strftime wrote English months in every language)."""
    return QLocale().toString(QDate(day.year, day.month, day.day), f"{day_form()} MMM")


DAYS, HOURS, MINUTES, SECONDS = (
    QT_TRANSLATE_NOOP("formatting", "{0} d"),
    QT_TRANSLATE_NOOP("formatting", "{0} h"),
    QT_TRANSLATE_NOOP("formatting", "{0} min"),
    QT_TRANSLATE_NOOP("formatting", "{0} s"),
)
UNITS = ((86400, DAYS), (3600, HOURS), (60, MINUTES))  # relative_time's: under a minute is "just now"
# duration's, smallest first: (seconds in one, the unit, the decimals kept, the amount that is the next unit).
DURATION_UNITS = ((1, SECONDS, 0, 60), (60, MINUTES, 0, 60), (3600, HOURS, 1, 24), (86400, DAYS, 1, None))


def duration(seconds: float | None) -> str:
    """How long something took: '0 s', '45 s', '3 min', '1.5 h', '2 d', in the app's language. Each unit holds
    until its rounded amount is one of the next (59.6 s is '1 min'); under a minute it counts seconds (a median
    of 0 s read '1 min')."""
    if seconds is None:
        return "—"
    for size, unit, decimals, upto in DURATION_UNITS:
        amount = round(seconds / size, decimals) if decimals else round(seconds / size)
        if upto is None or amount < upto:
            break
    return QCoreApplication.translate("formatting", unit).format(number(amount))


def relative_time(text: str | None, now: datetime | None = None) -> str:
    dt = parse_time(text)
    if dt is None:
        return "—"
    seconds = ((now or datetime.now(UTC)) - dt).total_seconds()
    future = seconds < 0
    seconds = abs(seconds)
    for size, unit in UNITS:
        if seconds >= size:
            amount = QCoreApplication.translate("formatting", unit).format(number(int(seconds // size)))
            if future:
                return QCoreApplication.translate("formatting", "in {0}").format(amount)
            return QCoreApplication.translate("formatting", "{0} ago").format(amount)
    return (
        QCoreApplication.translate("formatting", "in a moment")
        if future
        else QCoreApplication.translate("formatting", "just now")
    )


def identity_text(identity: dict | None) -> str:
    """`executor_identity` in words: a name and email, a member, anonymous, or '—' before anyone opened it."""
    if not identity:
        return "—"
    mode = identity.get("mode")
    if mode == "external":
        name, email = identity.get("name") or "", identity.get("email") or ""
        return (
            f"{name} <{email}>"
            if name and email
            else name or email or QCoreApplication.translate("formatting", "External")
        )
    if mode == "member":
        return identity.get("name") or f"Member {identity.get('user_id', '')}".strip()
    if mode == "anonymous":
        return QCoreApplication.translate("formatting", "Anonymous")
    return str(mode or "—")


def progress_parts(progress: dict | None) -> tuple[int, int]:
    """(done, total) where done counts answered and skipped steps."""
    if not progress:
        return 0, 0
    return int(progress.get("answered", 0)) + int(progress.get("skipped", 0)), int(progress.get("total", 0))


# RIGHT-TO-LEFT MARK: a right-to-left language reads "n/m" from its right, as it reads its dates (CLDR's, which
# Qt writes, put this mark after each number: 7 December 2026 is "٧", mark, "/١٢", mark, "/٢٠٢٦"). Without it
# "٠/٤" is one number run laid out left to right, ٠ at the left: an Arabic reader met "٤/٠", four done of none.
RTL_MARK = "\u200f"


def progress_text(progress: dict | None) -> str:
    """ "n/m" done of total, in the locale's digits (as every other count) and read from its line's start."""
    done, total = progress_parts(progress)
    if not total:
        return "—"
    mark = RTL_MARK if QLocale().textDirection() == Qt.LayoutDirection.RightToLeft else ""
    return f"{number(done)}{mark}/{number(total)}"


def progress_fraction(progress: dict | None) -> float:
    done, total = progress_parts(progress)
    return done / total if total else 0.0


# A completed run's progress. `progress.total` counts the optional steps too: a run completed with one of them left
# unanswered read "16/17" (and a bar short of its end) in the runs table, the run's detail and its PDF, as if it
# were still under way. It can only have completed with every required step done: what is left was optional.
def optional_left(run: dict) -> int:
    """How many optional steps a completed run left unanswered (0 for a run that is not completed)."""
    if run.get("status") != RunStatus.COMPLETED:
        return 0
    done, total = progress_parts(run.get("progress"))
    return max(0, total - done)


def run_progress_fraction(run: dict) -> float:
    """How full the run's progress bar is: whole once the run is completed."""
    return 1.0 if run.get("status") == RunStatus.COMPLETED else progress_fraction(run.get("progress"))


def run_progress_cell(run: dict) -> str:
    """The runs table's progress: "Complete" once the run is, else "n/m" (the bar beside it says how far)."""
    if run.get("status") == RunStatus.COMPLETED:
        return QCoreApplication.translate("formatting", "Complete")
    return progress_text(run.get("progress"))


def optional_left_words(n: int) -> str:
    """ "1 optional step unanswered", counted in the language's forms (the run's detail, its PDF)."""
    return Counts.tr("%Ln optional step(s) unanswered", "", n)


def progress_words(done: int, total: int, optional_left: int = 0) -> str:
    """ "3 of 5 steps" counted in the language's forms, in its digits ("1 of 1 steps" before); "—" for none. A
    completed run's optional steps left unanswered are said (the run's PDF, the table's tooltip)."""
    steps = Counts.tr("{0} of %Ln step(s)", "", total).format(number(done)) if total else "—"
    return f"{steps} · {optional_left_words(optional_left)}" if optional_left else steps


def run_progress_tip(run: dict) -> str | None:
    """The runs table's progress cell's tooltip for a completed run (the cell says "Complete" alone)."""
    if run.get("status") != RunStatus.COMPLETED:
        return None
    return progress_words(*progress_parts(run.get("progress")), optional_left(run))


def number(n: float) -> str:
    """A number as the person's locale writes it (1,000 · 1.000 · ١٬٠٠٠)."""
    return QLocale().toString(n)


def version_number(v: object) -> str:
    """A template's version in the person's digits ("٣"), or "?" when it is not known."""
    return number(v) if isinstance(v, int) and not isinstance(v, bool) else "?"


def version_tag(v: object) -> str:
    """A version where a list or a title shows it short: "v4", "v٤" (the Arabic template list read "v4" among
    its Arabic digits)."""
    return f"v{version_number(v)}"


# Languages whose percent sign stands a no-break space after the number (CLDR's "#,##0 %"): the German and
# Spanish dashboards read "0%" where their readers write "0 %". Qt formats no percentage itself.
SPACED_PERCENT = frozenset(
    {"de", "es", "fr", "it", "pt", "nl", "sv", "nb", "da", "fi", "cs", "pl", "ru", "uk"}
)


def percent(fraction: float) -> str:
    """A fraction as a whole percentage in the person's digits and sign: '40%', '40 %', '٤٠٪'."""
    locale = QLocale()
    language = locale.name().split("_")[0]
    space = "\u00a0" if language in SPACED_PERCENT else ""
    return number(round(fraction * 100)) + space + locale.percent()


# A count's words in the language's plural form for the number (Arabic has six, German two); each is a literal
# `Counts.tr(text, "", n)` so that pyside6-lupdate marks it numerus, and %Ln writes the number as `number` does.
COUNTED: dict[str, Callable[[int], str]] = {
    "template": lambda n: Counts.tr("%Ln template(s)", "", n),
    "run": lambda n: Counts.tr("%Ln run(s)", "", n),
    "selected run": lambda n: Counts.tr("%Ln selected run(s)", "", n),
    "step": lambda n: Counts.tr("%Ln step(s)", "", n),
    "change": lambda n: Counts.tr("%Ln change(s)", "", n),
    "answer": lambda n: Counts.tr("%Ln answer(s)", "", n),
    "photo": lambda n: Counts.tr("%Ln photo(s)", "", n),
}


def steps_of_template(at_start: int, conditional: int) -> str:
    """A template's steps as its run shows them: "23 steps, 22 more depending on answers". The library said
    "45 steps" of a checklist whose run counts 23 (its follow-ups show only on some answers)."""
    steps = count(at_start, "step")
    if not conditional:
        return steps
    more = Counts.tr("%Ln more depending on answers", "", conditional)
    return QCoreApplication.translate("formatting", "{0}, {1}").format(steps, more)


def count(n: int, noun: str) -> str:
    """'1 run', '2 runs', '1,000 runs': a number with its noun in the right form, in the person's language."""
    return COUNTED[noun](n)


MB = 1024 * 1024  # the server's MB (RUNDUN_MAX_PHOTO_MB × 1024 × 1024)


def megabytes(n: int) -> str:
    """31 MB, 20 MB, 20.4 MB, in the server's MB (1024 × 1024 bytes) and the person's digits and unit (٣١ م.ب):
    whole numbers where they are whole (photo limits, device backlogs)."""
    places = 1 if n >= MB and not round(n / MB, 1).is_integer() else 0  # under 1 MB Qt says kB, whole
    return QLocale().formattedDataSize(n, places, QLocale.DataSizeFormat.DataSizeTraditionalFormat)


def format_bytes(n: int) -> str:
    """A size as people read it: '820 bytes', '12 kB', '3.4 MB' (decimal units, as the server's limits are
    stated), in the person's digits and units ('١٢ كيلوبايت')."""
    return QLocale().formattedDataSize(n, 0 if n < 1_000_000 else 1, QLocale.DataSizeFormat.DataSizeSIFormat)
