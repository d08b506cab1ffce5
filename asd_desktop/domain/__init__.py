"""The pure domain rules: no Qt, no SQLAlchemy, no reportlab.

The enumerations of the case file (:mod:`asd_desktop.domain.enums`), what a
guided process needs page by page and before it can be closed
(:mod:`asd_desktop.domain.guided`), the Zielerarbeitung's draft and page rules,
the Familienrat's phase rules, the Kollegiale Beratung's closing rules, the goal
checker (:mod:`asd_desktop.domain.goal_checker`) and the version vectors that
decide causality in the exchange (:mod:`asd_desktop.domain.vectors`). The
wizards and the services both call these functions; they are tested without a
display or a database, and importing them loads neither.
"""
