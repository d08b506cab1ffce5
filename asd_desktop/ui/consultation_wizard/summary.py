"""The protocol summarised as text for the wizard's last page."""

from __future__ import annotations

from asd_desktop.services.consultation import ConsultationView
from asd_desktop.ui.widgets import german_date


def summary_text(view: ConsultationView) -> str:
    """The protocol as it stands: fields, ideas by source with the chosen ones, needs."""
    f = view.fields
    lines = [
        f"Fall {view.file_number}, Beratung am {german_date(f.held_on)}",
        f"Fallvorstellung: {f.presenter or '–'}",
        f"Teilnehmende: {' '.join(f.participants.split()) or '–'}",
        "",
        "Ziele der Familie:",
        f.family_goals or "–",
        "",
        f"Frage: {f.question or '–'}",
        "",
    ]
    for source, ideas in view.ideas_by_source().items():
        lines.append(f"Ideen – {source.label}:")
        lines.extend(f"  {'[x]' if i.selected else '[ ]'} {i.text}" for i in ideas)
        if not ideas:
            lines.append("  –")
    lines += ["", f"Auswahl: {f.selection or '–'}"]
    lines.append(
        f"Hilfe zur Erziehung: {f.hze_kind or 'ja'}"
        if f.hze_decided
        else "Keine Hilfe zur Erziehung"
    )
    lines.append("Bedarfe im Sozialraum: " + (", ".join(n.need for n in view.needs) or "–"))
    return "\n".join(lines)
