"""Demo case files: hand-written fictional families and generated cases for benchmarks.

Above the services (it writes through them), used by the command line and the
tests; nothing below it imports it. Data (``families``, ``generator_pools``,
``sozialraum_data``) is kept apart from the code that builds and writes it
(``family_builder``, ``generator``, ``writer``, ``sozialraum``, ``fill``).
"""

from asd_desktop.demo.families import family_specs
from asd_desktop.demo.fill import fill_demo
from asd_desktop.demo.generator import generate_specs
from asd_desktop.demo.sozialraum import write_sozialraum_demo
from asd_desktop.demo.specs import (
    CaseSpec,
    ConsultationSpec,
    CouncilSpec,
    DemoSummary,
    InstrumentSpec,
)
from asd_desktop.demo.writer import (
    BATCH_CASES,
    DEMO_FILLED,
    Progress,
    write_in_batches,
    write_with_service,
)

__all__ = [
    "BATCH_CASES",
    "DEMO_FILLED",
    "CaseSpec",
    "ConsultationSpec",
    "CouncilSpec",
    "DemoSummary",
    "InstrumentSpec",
    "Progress",
    "family_specs",
    "fill_demo",
    "generate_specs",
    "write_in_batches",
    "write_sozialraum_demo",
    "write_with_service",
]
