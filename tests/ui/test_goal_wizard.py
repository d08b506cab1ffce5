"""The Zielerarbeitung wizard, driven page by page as a caseworker would, on a real case file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDateEdit,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
    QWizard,
)

from asd_desktop.domain.enums import Area, ResourceKind, Role
from asd_desktop.domain.working_days import next_working_day
from asd_desktop.services.cases import AreaInput, CaseInput, PersonInput
from asd_desktop.services.goals import (
    PAGE_CONCERN,
    PAGE_DIRECTION,
    PAGE_GOALS,
    PAGE_RESOURCES,
    PAGE_STEPS,
    PAGE_SUMMARY,
    PAGE_WILL,
    ActionGoalDraft,
    GoalDraft,
    ResourceDraft,
)
from asd_desktop.ui.goal_wizard import GoalWizard, draft_from_wizard
from asd_desktop.ui.goal_wizard.base import next_page_id
from asd_desktop.ui.goal_wizard.checker_panel import CheckerPanel, DismissFindingDialog
from asd_desktop.ui.goal_wizard.resources_page import without_goal
from asd_desktop.ui.goal_wizard.summary_page import summary_html
from asd_desktop.ui.widgets import OptionalDateEdit, to_qdate

SCREENSHOTS = Path(__file__).resolve().parents[2] / "screenshots"
TODAY = dt.date.today()
#: The proposed review: three months on, moved to the next working day in Hamburg.
REVIEW_ON = next_working_day(TODAY + dt.timedelta(days=91), "HH")[0]
ALT = Qt.KeyboardModifier.AltModifier

MUHAREM_GOAL = (
    "Muharems Hausaufgaben sind bis zu den Sommerferien jeden Tag um 18 Uhr vollständig "
    "und selbstständig erledigt."
)
MEASURE_GOAL = "SPFH fünf Stunden pro Woche"
ELIF_GOAL = (
    "Bis zum 30. April liegt Elifs Sportzeug jeden Dienstagmorgen gepackt an der Wohnungstür."
)


def screenshot(widget: QWidget, name: str) -> None:
    """Keep a picture of ``widget`` for people to look at (the folder is git-ignored)."""
    SCREENSHOTS.mkdir(exist_ok=True)
    assert widget.grab().save(str(SCREENSHOTS / f"{name}.png"))


def _case(opened, area: Area = Area.SERVICE, number: str = "ASD-2025-0042"):
    cases = opened.cases
    row = cases.create_case(
        CaseInput(number, "Yılmaz", TODAY - dt.timedelta(days=30), "Frau Berger"),
        AreaInput(area, TODAY - dt.timedelta(days=30), "Erstaufnahme", "Frau Berger"),
    )
    cases.add_person(row.id, PersonInput("Yılmaz", "Şükrü", roles=(Role.FATHER, Role.CUSTODY)))
    cases.add_person(row.id, PersonInput("Yılmaz", "Elif", roles=(Role.CHILD,)))
    cases.add_person(row.id, PersonInput("Al Zein", "Muharem", roles=(Role.CHILD,)))
    return cases.get_case(row.id)


@pytest.fixture
def detail(opened):
    return _case(opened)


@pytest.fixture
def printed():
    return []


@pytest.fixture
def make_wizard(qtbot, opened, detail, printed):
    def make(draft=None, case=None, **kwargs):
        wizard = GoalWizard(
            opened.goals,
            case or detail,
            draft,
            print_agreement=lambda parent, agreement: printed.append(agreement),
            **kwargs,
        )
        qtbot.addWidget(wizard)
        wizard.show()
        qtbot.waitExposed(wizard)
        wizard.activateWindow()
        qtbot.waitUntil(wizard.isActiveWindow)
        return wizard

    return make


def _next(wizard: QWizard) -> None:
    wizard.button(QWizard.WizardButton.NextButton).click()


def _back(wizard: QWizard) -> None:
    wizard.button(QWizard.WizardButton.BackButton).click()


def _alt(qtbot, wizard: QWizard, key: Qt.Key, done) -> None:
    """Press Alt+``key`` (a mnemonic) and wait until ``done()``: buttons click animated."""
    qtbot.keyClick(QApplication.focusWidget() or wizard, key, ALT)
    qtbot.waitUntil(done)


def _type(qtbot, widget: QWidget, text: str) -> None:
    """Type ASCII text into ``widget`` key by key, as a user would."""
    widget.setFocus()
    qtbot.keyClicks(widget, text)


def _fill_first_pages(qtbot, wizard: GoalWizard) -> None:
    page1 = wizard.concern_page
    _type(qtbot, page1.concern_edit, "Emre soll wieder gern zur Schule gehen.")
    _type(qtbot, page1.concern_by_edit, "Mutter")
    _next(wizard)
    assert wizard.currentId() == PAGE_WILL
    wizard.will_page.will_edit.setPlainText("Muharem möchte an seiner Schule bleiben.")
    _type(qtbot, wizard.will_page.priority_edit, "Hausaufgaben jeden Tag")
    _next(wizard)
    assert wizard.currentId() == PAGE_DIRECTION
    wizard.direction_page.direction_edit.setPlainText(
        "Wir Eltern und Muharem (13) kennen und nutzen bis zu den Sommerferien Wege, "
        "damit Muharem an seiner jetzigen Schule bleiben kann."
    )
    _type(qtbot, wizard.direction_page.people_edit, "Eltern und Muharem")
    _next(wizard)
    assert wizard.currentId() == PAGE_GOALS


def _set_due(date_edit, value: dt.date) -> None:
    date_edit.checkbox.setChecked(True)
    date_edit.date_edit.setDate(to_qdate(value))


# --- pure parts ------------------------------------------------------------------------


def test_next_page_runs_straight_through_and_ends_after_the_summary():
    assert [next_page_id(p) for p in range(7)] == [1, 2, 3, 4, 5, 6, -1]
    assert next_page_id(-1) == -1


def test_removing_a_goal_keeps_resources_pointing_at_the_same_goals():
    resource = ResourceDraft(ResourceKind.SOCIAL, "Oma", goal_indexes=(0, 1, 2))
    assert without_goal(resource, 1).goal_indexes == (0, 1)
    assert without_goal(resource, 0).goal_indexes == (0, 1)
    assert without_goal(ResourceDraft(goal_indexes=(2,)), 2).goal_indexes == ()


# --- the whole wizard ------------------------------------------------------------------


def test_whole_wizard_by_keyboard_stores_the_agreement(
    qtbot, opened, detail, make_wizard, printed, monkeypatch
):
    wizard = make_wizard()
    assert wizard.currentId() == PAGE_CONCERN
    assert "Schritt 1 von 7: Anliegen" in wizard.windowTitle()
    assert not wizard.concern_page.area_notice_label.isVisibleTo(wizard)

    # Page 1: the cursor starts in the Anliegen; "Weiter" on empty fields is refused,
    # with the reason on the page.
    assert wizard.concern_page.concern_edit.hasFocus()
    _alt(qtbot, wizard, Qt.Key.Key_W, wizard.concern_page.problems_label.isVisible)
    assert wizard.currentId() == PAGE_CONCERN
    reasons = wizard.concern_page.problems_text()
    assert "Bitte das Anliegen der Familie in ihren Worten eintragen." in reasons
    assert "Bitte angeben, wer das Anliegen genannt hat." in reasons
    assert wizard.concern_page.problems_label.isVisible()
    assert wizard.concern_page.concern_edit.hasFocus()
    screenshot(wizard, "wizard_1_anliegen_fehlt")

    _type(qtbot, wizard.concern_page.concern_edit, "Emre soll wieder gern zur Schule gehen.")
    # The reasons follow the typing: only the missing name is left.
    assert wizard.concern_page.problems_text() == "Bitte angeben, wer das Anliegen genannt hat."
    _alt(qtbot, wizard, Qt.Key.Key_G, wizard.concern_page.concern_by_edit.hasFocus)
    qtbot.keyClicks(wizard.concern_page.concern_by_edit, "Mutter und Emre")
    assert wizard.concern_page.problems_text() == ""
    screenshot(wizard, "wizard_1_anliegen")
    _alt(qtbot, wizard, Qt.Key.Key_W, lambda: wizard.currentId() == PAGE_WILL)
    qtbot.waitUntil(wizard.will_page.will_edit.hasFocus)
    # Every page change stores the draft, standing at the new page.
    stored = opened.goals.load_draft(detail.id)
    assert stored is not None
    assert stored.page == PAGE_WILL
    assert stored.concern == "Emre soll wieder gern zur Schule gehen."

    # Page 2: the family's will, and the page says whose it is.
    assert "nicht was die Fachkraft" in wizard.will_page.subTitle()
    _next(wizard)
    assert wizard.currentId() == PAGE_WILL
    assert "Bitte eintragen, was die Familie verändern will." in wizard.will_page.problems_text()
    wizard.will_page.will_edit.setPlainText("Muharem möchte an seiner Schule bleiben.")
    _type(qtbot, wizard.will_page.priority_edit, "Hausaufgaben jeden Tag")
    screenshot(wizard, "wizard_2_wille")
    _next(wizard)

    # Page 3: Richtungsziel.
    assert wizard.currentId() == PAGE_DIRECTION
    wizard.direction_page.direction_edit.setPlainText(
        "Wir Eltern und Muharem (13) kennen und nutzen bis zu den Sommerferien Wege, "
        "damit Muharem an seiner jetzigen Schule bleiben kann."
    )
    _next(wizard)
    assert wizard.currentId() == PAGE_DIRECTION
    assert wizard.direction_page.problems_text() == "Bitte angeben, wessen Ziel das ist."
    assert wizard.direction_page.people_edit.hasFocus()
    qtbot.keyClicks(wizard.direction_page.people_edit, "Eltern und Muharem")
    screenshot(wizard, "wizard_3_richtungsziel")
    _next(wizard)

    # Page 4: the checker comments live; a measure is named as such.
    assert wizard.currentId() == PAGE_GOALS
    page = wizard.goals_page
    _type(qtbot, page.text_edit, "SPFH")
    assert "measure" in {f.code for f in page.checker.findings()}
    page.text_edit.setPlainText(MEASURE_GOAL)
    codes = [f.code for f in page.checker.active_findings()]
    assert "measure" in codes
    assert any(m.startswith("Maßnahme statt Ziel:") for m in page.checker.messages())
    assert page.text_edit.extraSelections(), "the measure's words are underlined"
    screenshot(wizard, "wizard_4_handlungsziele_pruefung")

    # A finding is dismissed with a reason; the text stays exactly as typed.
    asked = []

    def reason(parent, finding):
        asked.append(finding.code)
        return "So sagt es die Familie."

    monkeypatch.setattr(DismissFindingDialog, "ask", classmethod(lambda cls, p, f: reason(p, f)))
    hard = next(
        n
        for n in range(page.checker.list.count())
        if "Schwer zu lesen" in page.checker.list.item(n).text()
    )
    page.checker.list.setCurrentRow(hard)
    page.checker.dismiss_button.click()
    assert asked == ["hard_to_read"]
    assert "hard_to_read" not in {f.code for f in page.checker.active_findings()}
    assert any("verworfen" in m and "So sagt es die Familie." in m for m in page.checker.messages())
    assert page.text_edit.toPlainText() == MEASURE_GOAL
    assert page.goals()[0].dismissed == (("hard_to_read", "So sagt es die Familie."),)

    # The family rephrases: the Muharem goal passes clean.
    page.text_edit.setPlainText(MUHAREM_GOAL)
    assert page.checker.findings() == []
    assert page.checker.status_label.text() == "Keine Hinweise."
    _next(wizard)
    assert wizard.currentId() == PAGE_GOALS
    reasons = wizard.goals_page.problems_text()
    assert "Handlungsziel 1: bitte eintragen, woran alle merken, dass es erreicht ist." in reasons
    assert "Handlungsziel 1: bitte angeben, bis wann." in reasons
    _type(qtbot, page.indicator_edit, "Das Heft liegt abends fertig auf dem Tisch.")
    _set_due(page.due_edit, TODAY + dt.timedelta(days=120))
    qtbot.keyClicks(page.involved_edit, "Muharem, Mutter")

    # A second goal with Alt+N; its date lies in the past: questioned, not blocked.
    _alt(qtbot, wizard, Qt.Key.Key_N, lambda: page.rows.list.count() == 2)
    assert page.text_edit.hasFocus()
    page.text_edit.setPlainText(ELIF_GOAL)
    assert page.checker.findings() == []
    _type(qtbot, page.indicator_edit, "Das Sportzeug liegt an der Tuer.")
    _set_due(page.due_edit, TODAY - dt.timedelta(days=3))
    _type(qtbot, page.involved_edit, "Elif")
    screenshot(wizard, "wizard_4_handlungsziele")
    questions = []

    def answer(reply):
        def question(parent, title, text, *args, **kwargs):
            questions.append(text)
            return reply

        return question

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.No))
    _next(wizard)
    assert wizard.currentId() == PAGE_GOALS
    assert "Handlungsziel 2: das Datum liegt in der Vergangenheit" in questions[-1]
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Yes))
    _next(wizard)
    assert wizard.currentId() == PAGE_RESOURCES
    assert len(questions) == 2

    # Page 5: a new social resource that helps goal 1.
    resources = wizard.resources_page
    assert resources.goals_list.count() == 2
    _alt(qtbot, wizard, Qt.Key.Key_N, lambda: resources.rows.list.count() == 1)
    resources.kind_combo.setCurrentIndex(list(ResourceKind).index(ResourceKind.SOCIAL))
    resources.description_edit.setText("Oma Ayşe holt Elif dienstags ab")
    resources.description_edit.textEdited.emit(resources.description_edit.text())
    resources.goals_list.item(1).setCheckState(Qt.CheckState.Checked)
    assert resources.resources()[0] == ResourceDraft(
        ResourceKind.SOCIAL, "Oma Ayşe holt Elif dienstags ab", (1,)
    )
    screenshot(wizard, "wizard_5_ressourcen")
    _next(wizard)

    # Page 6: who does what by when.
    assert wizard.currentId() == PAGE_STEPS
    steps = wizard.steps_page
    _alt(qtbot, wizard, Qt.Key.Key_N, lambda: steps.rows.list.count() == 1)
    assert steps.who_edit.hasFocus()
    qtbot.keyClicks(steps.who_edit, "Mutter")
    _next(wizard)
    assert wizard.currentId() == PAGE_STEPS
    assert steps.problems_text() == "Schritt 1: bitte eintragen, was getan wird."
    _type(qtbot, steps.what_edit, "ruft die Klassenlehrerin an")
    _set_due(steps.due_edit, TODAY + dt.timedelta(days=7))
    screenshot(wizard, "wizard_6_schritte")

    # Back and forward never lose input.
    _back(wizard)
    _back(wizard)
    assert wizard.currentId() == PAGE_GOALS
    assert [g.text for g in page.goals()] == [MUHAREM_GOAL, ELIF_GOAL]
    assert page.text_edit.toPlainText() in (MUHAREM_GOAL, ELIF_GOAL)
    _back(wizard)
    _back(wizard)
    _back(wizard)
    assert wizard.currentId() == PAGE_CONCERN
    assert wizard.concern_page.concern_by_edit.text() == "Mutter und Emre"
    for _ in range(5):
        _next(wizard)
    assert wizard.currentId() == PAGE_STEPS
    assert steps.steps()[0].what == "ruft die Klassenlehrerin an"
    assert resources.resources()[0].goal_indexes == (1,)
    _next(wizard)

    # Page 7: the review reads everything back; who signs must be named.
    assert wizard.currentId() == PAGE_SUMMARY
    summary = wizard.summary_page
    review = summary.review.toPlainText()
    for text in (
        MUHAREM_GOAL,
        ELIF_GOAL,
        "Oma Ayşe holt Elif dienstags ab",
        "ruft die Klassenlehrerin an",
    ):
        assert text in review
    assert "Hinweis „Schwer zu lesen“ verworfen, weil: So sagt es die Familie." in review
    names = [summary.present_list.item(n).text() for n in range(summary.present_list.count())]
    assert sorted(names) == ["Elif Yılmaz", "Muharem Al Zein", "Şükrü Yılmaz"]
    # Three months on, moved to a working day in Hamburg (the default federal state).
    assert summary.review_edit.date() == to_qdate(REVIEW_ON)
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    assert finish.text() == "&Speichern und Zielvereinbarung drucken"
    finish.click()
    assert not printed
    assert summary.problems_text() == (
        "Bitte angeben, wer bei der Vereinbarung dabei ist und unterschreibt."
    )
    summary.set_present("Şükrü Yılmaz")
    summary.other_edit.setText("Ayşe Demir")
    qtbot.keyClick(summary.other_edit, Qt.Key.Key_Return)
    # Return in a field adds the name; it never saves and prints the agreement.
    assert wizard.isVisible()
    assert not printed
    assert summary.present() == ["Şükrü Yılmaz", "Ayşe Demir"]
    _alt(qtbot, wizard, Qt.Key.Key_O, summary.place_edit.hasFocus)
    qtbot.keyClicks(summary.place_edit, "Wohnung der Familie")
    assert wizard.draft().place == "Wohnung der Familie"
    screenshot(wizard, "wizard_7_zusammenfassung")
    with qtbot.waitSignal(wizard.finished):
        finish.click()

    assert len(printed) == 1
    overview = opened.goals.overview(detail.id)
    assert not overview.has_draft
    assert opened.goals.load_draft(detail.id) is None
    (agreement,) = overview.agreements
    assert printed[0].id == agreement.id
    assert agreement.concern == "Emre soll wieder gern zur Schule gehen."
    assert agreement.concern_by == "Mutter und Emre"
    assert agreement.will == "Muharem möchte an seiner Schule bleiben."
    assert agreement.direction_people == "Eltern und Muharem"
    assert agreement.place == "Wohnung der Familie"
    assert agreement.present == ("Şükrü Yılmaz", "Ayşe Demir")
    assert agreement.agreed_on == TODAY
    assert agreement.review_on == REVIEW_ON
    assert [g.text for g in agreement.goals] == [MUHAREM_GOAL, ELIF_GOAL]
    assert agreement.goals[0].indicator == "Das Heft liegt abends fertig auf dem Tisch."
    assert agreement.goals[0].dismissed == (("hard_to_read", "So sagt es die Familie."),)
    assert agreement.goals[1].due_on == TODAY - dt.timedelta(days=3)
    assert [(s.who, s.what) for s in agreement.steps] == [("Mutter", "ruft die Klassenlehrerin an")]
    (resource,) = overview.resources
    assert resource.kind is ResourceKind.SOCIAL
    assert resource.goal_ids == (agreement.goals[1].id,)


def test_every_field_is_labelled_for_the_keyboard(qtbot, make_wizard):
    draft = GoalDraft(
        page=PAGE_CONCERN,
        concern="Emre soll wieder gern zur Schule gehen.",
        concern_by="Şükrü Yılmaz",
        will="Muharem möchte an seiner Schule bleiben.",
        direction_goal="Wir Eltern und Muharem kennen bis zu den Sommerferien Wege.",
        direction_people="Eltern und Muharem",
        action_goals=(ActionGoalDraft(MEASURE_GOAL, "x", TODAY + dt.timedelta(days=30), "Mutter"),),
        agreed_on=TODAY,
        review_on=TODAY + dt.timedelta(days=91),
    )
    wizard = make_wizard(draft)
    for page in wizard.pages:
        buddies = {}
        for label in page.findChildren(QLabel):
            if label.buddy() is not None:
                assert "&" in label.text(), label.text()
                buddies[label.buddy()] = label
        inputs = [
            w
            for w in page.findChildren(QWidget)
            if isinstance(w, QLineEdit | QPlainTextEdit | QComboBox | QDateEdit | OptionalDateEdit)
            if not _inside(w, (QComboBox, QDateEdit, OptionalDateEdit))
            and not (isinstance(w, QPlainTextEdit) and w.isReadOnly())
        ]
        assert inputs
        for widget in inputs:
            assert widget in buddies, (
                f"{type(page).__name__}: {widget.accessibleName()!r} has no label"
            )
            assert widget.accessibleName(), f"{type(page).__name__}: {type(widget).__name__}"
        for kind in (QListWidget, QAbstractButton, QTextEdit):
            for widget in page.findChildren(kind):
                assert widget.accessibleName(), f"{type(page).__name__}: {type(widget).__name__}"
        for edit in [*page.findChildren(QPlainTextEdit), *page.findChildren(QTextEdit)]:
            assert edit.tabChangesFocus(), edit.accessibleName()
    # The wizard's own buttons have mnemonics: Alt+W goes on, Alt+Z goes back.
    assert wizard.button(QWizard.WizardButton.NextButton).text() == "&Weiter >"
    assert wizard.button(QWizard.WizardButton.BackButton).text() == "< &Zurück"


def _inside(widget: QWidget, kinds) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, kinds):
            return True
        parent = parent.parentWidget()
    return False


def test_screenshots_of_every_page(qtbot, make_wizard, opened, detail):
    draft = GoalDraft(
        page=PAGE_CONCERN,
        concern="Emre soll wieder gern zur Schule gehen. Morgens gibt es jeden Tag Streit.",
        concern_by="Şükrü Yılmaz",
        will="Muharem möchte an seiner Schule bleiben.",
        priority="Die Hausaufgaben.",
        direction_goal=(
            "Wir Eltern und Muharem (13) kennen und nutzen bis zu den Sommerferien Wege, "
            "damit Muharem an seiner jetzigen Schule bleiben kann."
        ),
        direction_people="Şükrü Yılmaz und Muharem Al Zein",
        action_goals=(
            ActionGoalDraft(
                MUHAREM_GOAL,
                "Das Heft liegt um 18 Uhr fertig auf dem Tisch.",
                TODAY + dt.timedelta(days=120),
                "Muharem",
            ),
            ActionGoalDraft("Stärkung der Erziehungsfähigkeit", "", None, ""),
        ),
        resources=(ResourceDraft(ResourceKind.SOCIAL, "Oma Ayşe holt Elif dienstags ab", (0,)),),
        agreed_on=TODAY,
        review_on=TODAY + dt.timedelta(days=91),
        present=("Şükrü Yılmaz",),
    )
    wizard = make_wizard(draft)
    names = [
        "anliegen",
        "wille",
        "richtungsziel",
        "handlungsziele",
        "ressourcen",
        "schritte",
        "zusammenfassung",
    ]
    for n, name in enumerate(names):
        assert wizard.currentId() == n
        if n == PAGE_GOALS:
            wizard.goals_page.select_goal(1)
            assert {f.code for f in wizard.goals_page.checker.findings()} >= {"vague", "no_date"}
        screenshot(wizard, f"wizard_{n + 1}_{name}_beispiel")
        if n == PAGE_GOALS:
            wizard.goals_page.remove_goal(1)
        _next(wizard)


# --- drafts, resume, autosave ----------------------------------------------------------


def test_later_continue_restores_every_field_at_the_saved_page(qtbot, opened, detail, make_wizard):
    wizard = make_wizard()
    _fill_first_pages(qtbot, wizard)
    wizard.goals_page.text_edit.setPlainText(MUHAREM_GOAL)
    _type(qtbot, wizard.goals_page.indicator_edit, "Heft fertig")
    # "Später fortsetzen" keeps the draft.
    with qtbot.waitSignal(wizard.finished):
        wizard.button(QWizard.WizardButton.CancelButton).click()
    draft = opened.goals.load_draft(detail.id)
    assert draft is not None
    assert draft.page == PAGE_GOALS
    assert draft.action_goals[0].text == MUHAREM_GOAL
    assert draft.action_goals[0].indicator == "Heft fertig"

    again = make_wizard(draft)
    assert again.currentId() == PAGE_GOALS
    assert again.goals_page.text_edit.toPlainText() == MUHAREM_GOAL
    assert again.goals_page.indicator_edit.toPlainText() == "Heft fertig"
    assert again.draft() == draft
    _back(again)
    _back(again)
    _back(again)
    assert again.currentId() == PAGE_CONCERN
    assert (
        again.concern_page.concern_edit.toPlainText() == "Emre soll wieder gern zur Schule gehen."
    )
    assert again.will_page.will_edit.toPlainText() == "Muharem möchte an seiner Schule bleiben."


def test_autosave_after_a_pause_in_typing(qtbot, opened, detail, make_wizard):
    wizard = make_wizard(autosave_ms=50)
    with qtbot.waitSignal(wizard.draft_saved, timeout=3000) as saved:
        _type(qtbot, wizard.concern_page.concern_edit, "Ruhe am Morgen")
    assert saved.args == [PAGE_CONCERN]
    draft = opened.goals.load_draft(detail.id)
    assert draft is not None
    assert draft.concern == "Ruhe am Morgen"


def test_draft_from_wizard_is_every_page_applied(qtbot, make_wizard):
    wizard = make_wizard()
    wizard.concern_page.concern_edit.setPlainText("A")
    wizard.steps_page.add_step()
    wizard.steps_page.who_edit.setText("B")
    wizard.steps_page.who_edit.textEdited.emit("B")
    draft = draft_from_wizard(GoalDraft(), wizard.pages, PAGE_STEPS)
    assert draft.concern == "A"
    assert draft.steps[0].who == "B"
    assert draft.page == PAGE_STEPS
    assert draft.action_goals == (ActionGoalDraft(),)


def test_removing_a_goal_moves_the_resources_along(qtbot, make_wizard):
    draft = GoalDraft(
        action_goals=(ActionGoalDraft("eins"), ActionGoalDraft("zwei"), ActionGoalDraft("drei")),
        resources=(ResourceDraft(ResourceKind.MATERIAL, "Fahrrad", (0, 2)),),
    )
    wizard = make_wizard(draft)
    wizard.goals_page.select_goal(0)
    wizard.goals_page.rows.remove_button.click()
    assert [g.text for g in wizard.goals_page.goals()] == ["zwei", "drei"]
    assert wizard.resources_page.resources()[0].goal_indexes == (1,)


# --- the area --------------------------------------------------------------------------


@pytest.mark.parametrize("area", [Area.GREY, Area.DANGER])
def test_outside_the_service_area_the_first_page_says_goals_are_the_familys(
    qtbot, opened, make_wizard, area
):
    case = _case(opened, area, number=f"ASD-{area.value}")
    wizard = make_wizard(case=case)
    notice = wizard.concern_page.area_notice_label
    assert notice.isVisible()
    assert f"im {area.label} eingeordnet" in notice.text()
    assert "Aufträge und Auflagen sind ein eigenes Instrument" in notice.text()
    if area is Area.GREY:
        screenshot(wizard, "wizard_1_anliegen_graubereich")


# --- the checker panel -----------------------------------------------------------------


def test_checker_panel_dismissal_needs_a_reason_and_can_be_taken_back(qtbot, monkeypatch):
    panel = CheckerPanel()
    qtbot.addWidget(panel)
    panel.set_text(MEASURE_GOAL)
    monkeypatch.setattr(DismissFindingDialog, "ask", classmethod(lambda cls, p, f: None))
    panel.list.setCurrentRow(0)
    panel.dismiss_button.click()
    assert panel.dismissed() == ()
    monkeypatch.setattr(DismissFindingDialog, "ask", classmethod(lambda cls, p, f: "passt"))
    with qtbot.waitSignal(panel.dismissed_changed):
        panel.dismiss_button.click()
    ((code, reason),) = panel.dismissed()
    assert reason == "passt"
    assert code not in {f.code for f in panel.active_findings()}
    last = panel.list.count() - 1
    panel.list.setCurrentRow(last)
    assert panel.dismiss_button.text() == "Verwerfen &rückgängig machen"
    panel.dismiss_button.click()
    assert panel.dismissed() == ()


def test_dismiss_dialog_refuses_an_empty_reason(qtbot):
    from asd_desktop.domain.goal_checker import check_goal

    finding = check_goal(MEASURE_GOAL)[0]
    dialog = DismissFindingDialog(finding)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.save_button.click()
    assert dialog.result() != DismissFindingDialog.DialogCode.Accepted
    assert "Bitte kurz begründen" in dialog.problems_label.text()
    dialog.reason_edit.setPlainText("So hat Emre es gesagt.")
    dialog.save_button.click()
    assert dialog.result() == DismissFindingDialog.DialogCode.Accepted
    assert dialog.values() == "So hat Emre es gesagt."


def test_the_richtungsziel_gets_live_hints_and_the_office_voice_is_named(
    qtbot, make_wizard, tmp_path
):
    wizard = make_wizard()
    _type(qtbot, wizard.concern_page.concern_edit, "Schule")
    _type(qtbot, wizard.concern_page.concern_by_edit, "Mutter")
    _next(wizard)
    wizard.will_page.will_edit.setPlainText("Muharem will an seiner Schule bleiben.")
    _next(wizard)
    assert wizard.currentId() == PAGE_DIRECTION
    page = wizard.direction_page
    page.direction_edit.setFocus()
    page.direction_edit.setPlainText("Die Mutter soll ihre Erziehungsfähigkeit stärken.")
    assert page.checker.isVisibleTo(wizard)
    messages = "\n".join(page.checker.messages())
    assert "Klingt nach dem Amt:\nDas klingt nach dem Amt, nicht nach der Familie" in messages
    assert "Zu ungenau" in messages
    assert page.checker.status_label.text() == "4 Hinweise:"
    assert page.direction_edit.extraSelections(), "the words are underlined"
    assert not page.checker.dismiss_button.isVisibleTo(wizard)
    assert wizard.grab().save(str(tmp_path / "direction_hints.png"))
    # the family's own words in a consensus goal: nothing to nag about
    page.direction_edit.setPlainText(
        "Wir Eltern und Muharem (13) kennen und nutzen bis zu den Sommerferien Wege, "
        "damit Muharem an seiner jetzigen Schule bleiben kann."
    )
    assert page.checker.messages() == []
    assert page.checker.status_label.text() == "Keine Hinweise."
    # the summary does not print the office's voice silently as the common goal
    page.direction_edit.setPlainText("Die Mutter soll ihre Erziehungsfähigkeit stärken.")
    html = summary_html(GoalDraft(direction_goal=page.direction_edit.toPlainText()))
    assert "Hinweis „Klingt nach dem Amt“" in html


# --- the proposed review date on a working day ---------------------------------------------

#: 91 days after 1 August 2025 is Friday, 31 October 2025: Reformationstag in Hamburg.
AGREED_BEFORE_REFORMATION_DAY = dt.date(2025, 8, 1)
#: 91 days after 5 July 2025 is Saturday, 4 October 2025.
AGREED_BEFORE_A_SATURDAY = dt.date(2025, 7, 5)
#: 91 days after 4 July 2025 is Friday, 3 October 2025: Tag der Deutschen Einheit.
AGREED_BEFORE_UNITY_DAY = dt.date(2025, 7, 4)


def _summary_for(make_wizard, agreed_on: dt.date):
    draft = GoalDraft(page=PAGE_CONCERN, concern="x", agreed_on=agreed_on)
    return make_wizard(draft, today=lambda: agreed_on).summary_page


def test_a_review_on_a_holiday_moves_to_the_next_working_day_and_says_why(qtbot, make_wizard):
    summary = _summary_for(make_wizard, AGREED_BEFORE_REFORMATION_DAY)
    holiday = AGREED_BEFORE_REFORMATION_DAY + dt.timedelta(days=91)
    assert holiday == dt.date(2025, 10, 31)
    expected, reason = next_working_day(holiday, "HH")
    assert expected == dt.date(2025, 11, 3)  # Friday the holiday, then the weekend
    assert summary.review_edit.date() == to_qdate(expected)
    assert reason == (
        "Der 31. Oktober ist ein Feiertag (Reformationstag); vorgeschlagen ist der nächste Werktag."
    )
    assert summary.review_reason_text() == reason
    assert not summary.review_reason.isHidden()
    assert summary.review_edit.accessibleDescription() == reason
    assert summary.apply(GoalDraft()).review_on == expected

    # The caseworker stays free to choose: a date set by hand needs no reason and stays.
    summary.review_edit.setDate(to_qdate(dt.date(2025, 10, 30)))
    assert summary.review_reason_text() == ""
    assert summary.review_reason.isHidden()
    assert summary.apply(GoalDraft()).review_on == dt.date(2025, 10, 30)


def test_a_review_on_a_weekend_or_unity_day_moves_and_follows_the_agreement(qtbot, make_wizard):
    summary = _summary_for(make_wizard, AGREED_BEFORE_A_SATURDAY)
    assert summary.review_edit.date() == to_qdate(dt.date(2025, 10, 6))
    assert summary.review_reason_text() == (
        "Der 4. Oktober ist ein Samstag; vorgeschlagen ist der nächste Werktag."
    )

    # A new agreement date takes the untouched proposal along, with its own reason.
    summary.agreed_edit.setDate(to_qdate(AGREED_BEFORE_UNITY_DAY))
    assert summary.review_edit.date() == to_qdate(dt.date(2025, 10, 6))
    assert summary.review_reason_text() == (
        "Der 3. Oktober ist ein Feiertag (Tag der Deutschen Einheit); "
        "vorgeschlagen ist der nächste Werktag."
    )
    # On a working day nothing moves and nothing is said.
    summary.agreed_edit.setDate(to_qdate(dt.date(2025, 7, 7)))
    assert summary.review_edit.date() == to_qdate(dt.date(2025, 10, 6))
    assert summary.review_reason_text() == ""


def test_the_office_federal_state_decides_which_holidays_move_the_review(
    qtbot, opened, make_wizard
):
    # Reformationstag is no public holiday in Bavaria: Friday, 31 October stays.
    opened.goals.federal_state = "BY"
    summary = _summary_for(make_wizard, AGREED_BEFORE_REFORMATION_DAY)
    assert summary.review_edit.date() == to_qdate(dt.date(2025, 10, 31))
    assert summary.review_reason_text() == ""
