"""The domain checks' messages in the app's language (`rundun_desktop.check_words`): the executor's step cards
and Complete banner said server.tdl's English ("'Rate' needs an answer", "must be at most 100") inside a German
app. Every message the executor can meet is made here by the real checks, so a change to one of tdl's messages
that the desktop no longer recognises fails this test rather than reaching a person in English."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton

from rundun_desktop.answers import boolean_words, value_text
from rundun_desktop.api_client import SERVER_SENTENCES, ApiError
from rundun_desktop.check_words import check_words
from rundun_desktop.editor.condition_text import step_name
from rundun_desktop.editor.doc import TemplateDoc
from rundun_desktop.editor.flag_text import flag_words
from rundun_desktop.editor.preview_cards import StepCard as PreviewCard
from rundun_desktop.editor.problem_words import field_words, problem_words
from rundun_desktop.editor.properties import PropertiesController
from rundun_desktop.executor.widgets.inputs import BooleanInput, DateInput
from rundun_desktop.history_words import HistoryLine, line_times
from rundun_desktop.problems import step_problem_lines
from rundun_desktop.range_words import date_range_text, number_range_text
from server import tdl
from tests.support.executor import every_type
from tests.support.samples import vehicle_inspection


def messages(problems: list[dict]) -> list[str]:
    return [p["message"] for p in problems]


def executor_messages() -> list[str]:
    """Every message an executor's own answers can draw from the checks the desktop runs (values refused,
    then what Complete finds missing), as server.tdl writes them."""
    model = tdl.Template.model_validate(
        {
            **every_type(allow_skip=False, signature_on_complete=True),
            "sections": [
                {
                    "id": "g-1",
                    "title": "All",
                    "steps": [
                        *every_type()["sections"][0]["steps"],
                        {"id": "s-big", "type": "number", "label": "Odometer", "config": {"min": 1000}},
                        {"id": "s-whole", "type": "number", "label": "Seats", "config": {"decimal": 0}},
                        {"id": "s-any", "type": "number", "label": "Meter", "config": {}},
                        {"id": "s-two", "type": "number", "label": "Litres", "config": {"decimal": 2}},
                        {"id": "s-photos", "type": "photo", "label": "Tyres", "config": {"min": 3, "max": 4}},
                        {
                            "id": "s-pick",
                            "type": "multi_choice",
                            "label": "Extras",
                            "config": {
                                "options": [{"id": f"o-{n}", "label": str(n)} for n in range(5)],
                                "min_selected": 2,
                                "max_selected": 3,
                            },
                        },
                    ],
                }
            ],
        }
    )
    refused = [
        ("s-num", 150),
        ("s-num", -1),
        ("s-num", 1.25),
        ("s-num", "many"),
        ("s-any", 2**53),  # past what every client keeps exactly
        ("s-big", 5),
        ("s-whole", 2.5),
        ("s-two", 2.125),
        ("s-text", "x" * 21),
        ("s-multi", []),
        ("s-multi", ["o-x", "o-y", "o-z"]),
        ("s-pick", ["o-1"]),
        ("s-pick", ["o-0", "o-1", "o-2", "o-3"]),
        ("s-rate", 9),
        ("s-date", "2025-12-31"),
        ("s-date", "2027-01-01"),
        ("s-date", "31.12.2026"),
        ("s-time", "25:00"),
    ]
    out = [m for step, value in refused for m in messages(tdl.check_answer(model, step, value))]
    out += messages(tdl.check_answer(model, "s-bool", None, skipped=True))  # skipping refused
    answers = {
        "s-bool": {"value": True},
        "s-geo": {"value": True, "photos": []},  # answered, short of its photo and location
        "s-photos": {"photos": [{}]},  # begun, short of its minimum
        "s-rate": {"skipped": True},  # skipped where the template does not allow it
    }
    out += messages(tdl.completion_problems(model, answers, has_run_signature=False))
    return out


def test_every_message_the_executor_meets_is_said_in_each_language(speak):
    english = executor_messages()
    assert len(english) >= 25
    for language in ("de", "es", "ar"):
        speak(language)
        for message in english:
            words = check_words(message)
            assert words != message, (language, message)  # recognised, and said in the app's words
            assert "must" not in words and "needs" not in words and "template" not in words, (language, words)
    speak("en")
    said = {message: check_words(message) for message in english}
    assert said["'Clean' needs an answer; this template does not allow skipping"] == (
        "'Clean' needs an answer; this checklist does not allow skipping"
    )
    assert said["must be on or after 2026-01-01"] == "must be on or after 1 Jan 2026"  # the app's dates


def test_numbers_dates_and_counts_as_the_language_writes_them(speak):
    speak("de")
    assert check_words("must be at least 1000") == "muss mindestens 1.000 sein"
    assert check_words("must be at most 0.5") == "darf höchstens 0,5 sein"
    assert check_words("must be on or after 2026-01-01") == "darf nicht vor dem 1. Jan. 2026 liegen"
    assert check_words("must have at most 1 decimal place") == "darf höchstens 1 Nachkommastelle haben"
    assert check_words("'Tyres' needs at least 3 photos") == "„Tyres“ braucht mindestens 3 Fotos"
    assert (
        check_words("'Driver's seat' needs an answer; this template does not allow skipping")
        == "„Driver's seat“ braucht eine Antwort; diese Vorlage erlaubt kein Überspringen"
    )
    assert step_problem_lines([{"path": "value", "message": "must select at most 2 options"}]) == [
        "wählen Sie höchstens 2 Optionen aus"
    ]
    speak("ar")
    assert check_words("must be at least 1000") == "يجب ألا تقل عن ١٬٠٠٠"
    assert check_words("'Tyres' needs at least 2 photos") == "«Tyres» يحتاج إلى صورتين على الأقل"
    speak("en")
    assert check_words("must be at least 1000") == "must be at least 1,000"
    # the largest number every client keeps exactly, whole (a float wrote it "9.0072e+15")
    assert check_words("must be at most 9007199254740991") == "must be at most 9,007,199,254,740,991"
    assert check_words("something tdl says that no shape knows") == "something tdl says that no shape knows"


def test_yes_and_no_are_the_apps_words_unless_the_designer_chose_others(speak, qtbot):
    """Every template stores a yes/no step's labels, tdl's English "Yes" and "No" where its designer chose none:
    a German executor's buttons, and a supervisor's answers and dashboard, read "Yes" among German words."""
    speak("de")
    plain = tdl.Step.model_validate({"id": "s-open", "type": "boolean", "label": "Geöffnet?"})
    assert plain.config.true_label == "Yes"  # written into the template as its default
    buttons = BooleanInput(plain)
    qtbot.addWidget(buttons)
    assert [b.text() for b in buttons.buttons.values()] == ["Ja", "Nein"]
    config = plain.config.model_dump()
    assert value_text({"type": "boolean", "config": config}, False) == "Nein"
    own = {"type": "boolean", "config": {"true_label": "Offen", "false_label": "Zu"}}
    assert value_text(own, True) == "Offen" and boolean_words(own["config"], False) == "Zu"
    preview = PreviewCard({"id": "s-open", "type": "boolean", "label": "Geöffnet?", "config": config})
    qtbot.addWidget(preview)  # the designer's preview shows what the executor will see
    assert [b.text() for b in preview.findChildren(QPushButton)][:2] == ["Ja", "Nein"]
    speak("en")
    assert value_text({"type": "boolean", "config": config}, True) == "Yes"


def test_a_steps_range_is_written_as_the_app_writes_numbers_and_dates(speak):
    """The hint beside a date read "from 2026-01-01" in a German app, beside a number "mindestens 1000"."""
    speak("de")
    assert date_range_text("2026-01-01", None) == "ab dem 1. Jan. 2026"
    assert date_range_text("2026-01-01", "2026-12-31") == "vom 1. Jan. 2026 bis zum 31. Dez. 2026"
    assert date_range_text(None, "2026-12-31") == "bis zum 31. Dez. 2026"
    number = tdl.Step.model_validate(
        {"id": "s-km", "type": "number", "label": "Km", "config": {"min": 1000, "decimal": 1}}
    )
    assert number_range_text(number.config) == "mindestens 1.000, bis zu 1 Nachkommastelle"
    speak("ar")
    assert number_range_text(number.config).count("،") == 1  # Arabic's own comma between the two
    speak("en")
    assert date_range_text("2026-01-01", None) == "from 1 Jan 2026"
    assert DateInput(
        tdl.Step.model_validate({"id": "s-d", "type": "date", "label": "D"})
    ).edit.placeholderText() == ("YYYY-MM-DD")
    speak("de")
    assert DateInput(
        tdl.Step.model_validate({"id": "s-d", "type": "date", "label": "D"})
    ).edit.placeholderText() == (
        "JJJJ-MM-TT"  # and a German date typed so is read (DateInput.parse takes 31.12.2026 too)
    )


def test_a_designers_problems_are_said_in_the_apps_language(speak):
    """The editor's Problems list said "Abschnitt 1, Schritt 1 has no label" in a German app, and the step's
    own banner "label: must not be empty"."""
    body = vehicle_inspection()
    body["sections"][0]["steps"][0]["label"] = ""
    body["sections"][0]["steps"][1]["config"] = {"options": []}
    doc = TemplateDoc(body)
    empty = {"path": "sections[0].steps[0].label", "message": "must not be empty"}
    no_options = {"path": "sections[0].steps[1].config.options", "message": "must have at least 1 item"}
    low = {"path": "sections[0].steps[0].config.min", "message": "must be at least 0"}
    speak("de")
    assert problem_words(doc, empty) == "Abschnitt 1, Schritt 1: Beschriftung nicht angegeben"
    assert problem_words(doc, no_options).endswith("braucht mindestens ein(e) Option")
    assert problem_words(doc, low) == "Abschnitt 1, Schritt 1: Minimum muss mindestens 0 sein"
    assert field_words("config.options[1].label") == "Beschriftung der Option 2"
    assert PropertiesController._line("label", "must not be empty") == "Beschriftung: darf nicht leer sein"
    speak("en")
    assert problem_words(doc, empty) == "Section 1, step 1 has no label"
    assert PropertiesController._line("label", "must not be empty") == "Label: must not be empty"


def designer_messages() -> list[str]:
    """The messages of the editor's checks a designer meets most, as server.tdl writes them."""
    steps = [
        {
            "id": "s-n",
            "type": "number",
            "label": "N",
            "config": {"min": 10, "max": 5},
            "flag": {"below": 9, "above": 2},
        },
        {"id": "s-n", "type": "text", "label": "Twice"},
        {"id": "s-d", "type": "date", "label": "D", "config": {"min": "2026-12-31", "max": "2026-01-01"}},
        {
            "id": "s-m",
            "type": "multi_choice",
            "label": "M",
            "config": {"options": [{"id": "o-a", "label": "A"}], "min_selected": 3, "max_selected": 2},
        },
        {"id": "s-p", "type": "boolean", "label": "P", "photo": {"min": 3, "max": 2}},
    ]
    with pytest.raises(tdl.TdlError) as refused:
        tdl.validate_template({"name": "T", "sections": [{"id": "g-1", "title": "G", "steps": steps}]})
    return [detail["message"] for detail in refused.value.details]


def test_the_designers_commonest_problems_are_said_in_the_apps_language(speak):
    english = designer_messages()
    assert len(english) >= 5, english
    speak("de")
    said = [check_words(message) for message in english]
    assert all(words != message for words, message in zip(said, english, strict=True)), said
    assert "darf nicht größer als das Maximum (5) sein" in said, said


def server_sources() -> list[Path]:
    import server

    return sorted(Path(server.__file__).parent.rglob("*.py"))


def sentences_raised(paths: list[Path], kinds: set[str]) -> set[str]:
    """The messages the server's code gives its errors word for word: `Kind("…", …)` for a `RundunError` kind."""
    found = set()
    for path in paths:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in kinds
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                found.add(node.args[0].value)
    return found


def test_the_servers_own_sentences_are_said_in_the_apps_language(speak):
    """A German app said "Your plan's runs for this month are used up." when a dispatch was refused."""
    from server import errors

    def subclasses(cls: type) -> list[type]:
        return [cls, *(c for sub in cls.__subclasses__() for c in subclasses(sub))]

    kinds = subclasses(errors.RundunError)
    said = {cls.default_message for cls in kinds} | sentences_raised(
        server_sources(), {c.__name__ for c in kinds}
    )
    assert SERVER_SENTENCES <= said  # each is a sentence the server says as it is (drift: the test fails)
    quota = ApiError(402, "quota_exceeded", "Your plan's runs for this month are used up.")
    own = ApiError(409, "conflict", "Upload-Offset is 5 but the upload is at 0.")
    speak("de")
    assert quota.words() == "Die Durchläufe Ihres Tarifs für diesen Monat sind aufgebraucht."
    assert own.words() == "Upload-Offset is 5 but the upload is at 0."  # particulars of its own: as it came
    # A member's email refused: the heading was the server's English above the detail's German.
    assert (
        ApiError(422, "validation_error", "The request failed validation.")
        .words()
        .startswith("Die Angaben wurden nicht angenommen.")
    )
    speak("en")
    assert quota.words() == "Your plan's runs for this month are used up."


def test_a_findings_limits_and_a_writes_clock_are_said_in_the_apps_language(speak):
    """ "Ein Befund, wenn die Antwort below 5 or above 10 ist"; a run's history said "received …" in German."""
    speak("de")
    assert (
        flag_words("number", {"below": 5, "above": 10}, {})
        == "Ein Befund, wenn die Antwort unter 5 oder über 10 ist"
    )
    assert flag_words("number", {"above": 10}, {}) == "Ein Befund, wenn die Antwort über 10 ist"
    # the template's texts quoted in the language's own marks (“Empty” stood inside German sentences)
    options = {"options": [{"id": "o-e", "label": "Empty"}]}
    assert flag_words("choice", ["o-e"], options) == "Ein Befund, wenn „Empty“ gewählt wird"
    assert step_name({"label": "Tank"}, "s-t") == "„Tank“"
    assert line_times(HistoryLine("x", None, "2026-12-05T01:36:00Z")).startswith("empfangen ")
    speak("en")
    assert (
        flag_words("rating", {"below": 2, "above": 4}, {})
        == "A finding when the answer is below 2 or above 4"
    )


def test_the_editors_preview_says_a_steps_range_as_the_runner_does(qtbot, speak):
    """The preview's number field read "at least 1000" where the runner says "at least 1,000, up to 1
    decimal", and its date field said nothing of the range the runner names beside it."""
    number = {"id": "s-km", "type": "number", "label": "Km", "config": {"min": 1000, "decimal": 1}}
    day = {"id": "s-d", "type": "date", "label": "Day", "config": {"min": "2026-01-01"}}
    for language, number_said, day_said in (
        ("en", "at least 1,000, up to 1 decimal", "from 1 Jan 2026"),
        ("de", "mindestens 1.000, bis zu 1 Nachkommastelle", "ab dem 1. Jan. 2026"),
    ):
        speak(language)
        card = PreviewCard(number)
        qtbot.addWidget(card)
        assert (
            card.findChild(QLineEdit).placeholderText()
            == number_said
            == number_range_text(tdl.Step.model_validate(number).config)
        )
        card = PreviewCard(day)
        qtbot.addWidget(card)
        assert day_said in [label.text() for label in card.findChildren(QLabel)]
    plain = PreviewCard({"id": "s-n", "type": "number", "label": "N"})
    qtbot.addWidget(plain)
    assert plain.findChild(QLineEdit).placeholderText() == "eine Zahl"
