"""The pure domain rules: no Qt, no SQLAlchemy, no reportlab.

What a guided process needs page by page and before it can be closed
(:mod:`asd_desktop.domain.guided`), the Zielerarbeitung's draft and page rules,
the Familienrat's phase rules and the Kollegiale Beratung's closing rules. The
wizards and the services both call these functions; they are tested without a
display or a database.
"""
