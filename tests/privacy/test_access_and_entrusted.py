"""Art. 15 answer with third-party and entrusted items; an entrusted item leaves by no exit."""

from __future__ import annotations

import datetime as dt
import io
import json
import subprocess
from pathlib import Path

import pytest
from reportlab.pdfgen.canvas import Canvas
from sqlalchemy import select

from asd_desktop.domain.entrusted import Exit
from asd_desktop.domain.enums import Area, ContactKind, DocumentKind, DueKind, Role, Salutation
from asd_desktop.models.errors import AsdError, ValidationError
from asd_desktop.services import vault
from asd_desktop.services.access_request import AccessRequestService, Decision
from asd_desktop.services.cases import AreaInput, CaseInput, ContactInput, PersonInput
from asd_desktop.services.entrusted import ConsentInput, EntrustedService
from asd_desktop.storage.due_items import due_source

SECRET = "Geheimnis-Alpha"
SECRET_DOC = "Tagebuchseite-Beta"


def _pdf(words: str) -> bytes:
    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    canvas.drawString(100, 700, words)
    canvas.save()
    return buffer.getvalue()


def _pdftext(data: bytes, tmp_path: Path) -> str:
    path = tmp_path / "brief.pdf"
    path.write_bytes(data)
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def _family(ov: vault.OpenVault) -> dict[str, str]:
    case = ov.cases.create_case(
        CaseInput(file_number="51-4711", family_name="Brandauer", opened_on=dt.date(2025, 3, 1)),
        AreaInput(Area.GREY, dt.date(2025, 3, 1), "Sorge um Lotte", "Fr. Krause"),
    )
    mother = ov.cases.add_person(
        case.id,
        PersonInput(
            last_name="Brandauer",
            first_name="Hedwig",
            address="Lindenallee 3, 28195 Bremen",
            roles=(Role.MOTHER,),
            salutation=Salutation.MS,
        ),
    )
    ov.cases.add_person(
        case.id,
        PersonInput(last_name="Brandauer", first_name="Lotte", roles=(Role.CHILD,)),
    )
    ov.cases.add_person(
        case.id,
        PersonInput(last_name="Ambos", first_name="Gottfried", roles=(Role.NEIGHBOUR,)),
    )

    def contact(note: str, day: int, **extra: object) -> str:
        return ov.cases.record_contact(
            case.id,
            ContactInput(
                occurred_at=dt.datetime(2025, 4, day, 10),
                kind=ContactKind.HOME_VISIT_ANNOUNCED,
                note=note,
                **extra,  # type: ignore[arg-type]
            ),
        ).id

    return {
        "case": case.id,
        "mother": mother.id,
        "own": contact("Frau Brandauer erzählt vom Umzug nach Findorff", 2),
        "third": contact("Nachbar Gottfried Ambos berichtet von Lärm", 3),
        "entrusted": contact(
            f"Lotte vertraut an: {SECRET}",
            4,
            entrusted_by="Lotte Brandauer",
            next_step=f"{SECRET} nachgehen",
            next_step_due=dt.date(2026, 12, 10),
        ),
    }


def test_access_answer_holds_back_third_parties_and_entrusted_items(
    opened: vault.OpenVault, tmp_path: Path
) -> None:
    ids = _family(opened)
    service = AccessRequestService(opened.database.session_factory, opened.database.device_id)
    request = service.record(ids["mother"], dt.date(2026, 1, 31))
    assert request.due_on == dt.date(2026, 2, 28)
    with opened.database.session_factory() as s:
        due = s.execute(due_source([DueKind.ACCESS_REQUEST], open_only=True).where()).all()
    assert [(r.record_id, r.due_on) for r in due] == [(request.id, dt.date(2026, 2, 28))]

    draft = service.prepare(request.id)
    by_key = {i.key: i for i in draft.items}
    assert by_key[f"persons:{ids['mother']}"].include
    assert by_key[f"contacts:{ids['own']}"].include
    third = by_key[f"contacts:{ids['third']}"]
    assert (third.include, third.category, third.note) == (False, "third", "nennt Gottfried Ambos")
    secret = by_key[f"contacts:{ids['entrusted']}"]
    assert (secret.include, secret.category) == (False, "entrusted")
    assert "Lotte" not in secret.reason  # the letter never says who entrusted it
    people = [i for i in draft.items if i.key.startswith("persons:") and not i.include]
    assert len(people) == 2

    with pytest.raises(ValidationError):
        service.answer(
            request.id,
            [Decision(f"contacts:{ids['own']}", False, "")],
            "Fr. Krause",
            dt.date(2026, 2, 10),
        )
    answer = service.answer(request.id, [], "Fr. Krause", dt.date(2026, 2, 10))
    letter = _pdftext(answer.pdf, tmp_path)
    assert "Auskunft nach Art. 15 DSGVO" in letter
    assert "Umzug nach Findorff" in letter
    assert "Sehr geehrte Frau Brandauer" in letter
    for hidden in (SECRET, "Gottfried", "Ambos", "Lärm", "Lotte"):
        assert hidden not in letter, hidden
    data = json.loads(answer.json_bytes)
    assert any("Umzug" in json.dumps(d, ensure_ascii=False) for d in data["daten"])
    assert SECRET not in answer.json_bytes.decode()
    assert "Gottfried" not in answer.json_bytes.decode()
    # Two other people, the Falleinordnung and a contact naming them, the entrusted contact
    # and the open step taken from its next step.
    withheld = sorted(w["eintrag"] for w in data["zurueckgehalten"])
    assert len(withheld) == 6
    assert "Offener Schritt" in withheld
    with opened.database.session_factory() as s:
        assert not s.execute(due_source([DueKind.ACCESS_REQUEST], open_only=True)).all()
    kinds = [d.kind for d in opened.documents.list_for_case(ids["case"])]
    assert DocumentKind.ACCESS_ANSWER in kinds


def test_an_entrusted_item_leaves_by_no_exit_without_consent(
    opened: vault.OpenVault, tmp_path: Path
) -> None:
    ids = _family(opened)
    doc = opened.documents.store(
        ids["case"], DocumentKind.MANDATE_LETTER, "Brief", _pdf(SECRET_DOC)
    )
    marks = EntrustedService(opened.database.session_factory, opened.database.device_id)
    marks.mark("documents", doc.id, "Hedwig Brandauer")

    # Documents export, Save as PDF, print: held back, and said so.
    written = opened.documents.export_case("51-4711", tmp_path / "export")
    assert written == []
    assert opened.documents.entrusted_held("51-4711") == 1
    with pytest.raises(AsdError, match="anvertraut"):
        opened.documents.save_copy(doc.id, tmp_path / "kopie.pdf")
    assert not (tmp_path / "kopie.pdf").exists()
    with pytest.raises(AsdError, match="anvertraut"):
        opened.documents.check_may_leave(doc.id)

    # The calendar: the step taken from the entrusted contact stays off it.
    ics = tmp_path / "kalender.ics"
    opened.calendar.export(ics)
    with opened.database.session_factory() as s:
        from asd_desktop.models import Step

        step_id = s.scalar(select(Step.id).where(Step.contact_id == ids["entrusted"]))
    assert step_id is not None
    assert step_id not in ics.read_text(encoding="utf-8")

    # The Art. 15 answer (see above) and with a consent for print only, it may be saved.
    service = AccessRequestService(opened.database.session_factory, opened.database.device_id)
    request = service.record(ids["mother"], dt.date(2026, 1, 5))
    answer = service.answer(request.id, [], "Fr. Krause", dt.date(2026, 1, 20))
    assert SECRET not in answer.json_bytes.decode()
    marks.record_consent(
        "documents",
        doc.id,
        ConsentInput(
            "Hedwig Brandauer", dt.date(2026, 1, 21), "Kopie an das Familiengericht", (Exit.OUTPUT,)
        ),
    )
    opened.documents.save_copy(doc.id, tmp_path / "kopie.pdf")
    assert SECRET_DOC in _pdftext((tmp_path / "kopie.pdf").read_bytes(), tmp_path)
