"""The analysed goal text: what a German tagger says about each word.

The goal checker's rules speak about these objects (finite verbs, lemmas, the head of a
compound); the tagger that produces them lives outside the domain
(``asd_desktop.language``), so the rules stay plain Python and testable without a model.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Word:
    """One token of a goal text with its analysis.

    Attributes:
        text: The token as typed.
        start: Its first character in the goal text.
        end: One past its last character.
        pos: The STTS part-of-speech tag as the tagger gives it (``"NN"``, ``"VV(FIN)"``,
            ``"VA(FIN)"``, ``"ADJ(D)"``, ``"PTKNEG"`` …).
        lemma: The lemma, lower case.
        parts: The lower-case stems of a compound, last one the head
            ("Erziehungskompetenz" → ``("erziehung", "kompetenz")``); one part otherwise.
    """

    text: str
    start: int
    end: int
    pos: str
    lemma: str
    parts: tuple[str, ...]

    @property
    def head(self) -> str:
        """The head of a compound (its last part), lower case."""
        return self.parts[-1] if self.parts else self.lemma

    @property
    def is_finite_verb(self) -> bool:
        """Whether the word is a finite verb (full, auxiliary or modal)."""
        return self.pos.endswith("(FIN)") or self.pos in ("VVFIN", "VAFIN", "VMFIN")

    @property
    def is_noun(self) -> bool:
        """Whether the word is a common noun (also a nominalised infinitive: "das Vertrauen")."""
        return self.pos in ("NN", "NNI", "NNA")


@dataclass(frozen=True)
class AnalysedText:
    """A goal text with the analysis of each of its words, in text order."""

    text: str
    words: tuple[Word, ...]


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


#: Help forms, placements, therapies and institutions: a compound with one of these
#: as a part names a measure ("Schulbegleitung", "Therapieplatz", "Kinderwohngruppe").
HELP_PARTS = _set(
    "familienhilfe erziehungshilfe haushaltshilfe hausaufgabenhilfe nachhilfe "
    "eingliederungshilfe jugendhilfe lernhilfe beratung beratungsstelle beratungsangebot "
    "therapie psychotherapie ergotherapie familientherapie suchttherapie therapeut "
    "therapeutin logopädie logopädin logopädi logopäde begleitung schulbegleitung unterbringung "
    "heimunterbringung beistandschaft erziehungsbeistandschaft erziehungsbeistand "
    "wohngruppe tagesgruppe kinderwohngruppe trauergruppe selbsthilfegruppe elterngruppe "
    "gruppenarbeit wohneinrichtung einrichtung pflegefamilie vollzeitpflege kurzzeitpflege "
    "tagesklinik suchtklinik klinik reha entgiftung entzug rückführung inobhutnahme "
    "maßnahme lernförderung sprachförderung elternarbeit familienhebamme "
    "einzelbetreuung einzelwohnen elternkurs elterntraining alkoholiker "
    "wohngemeinschaft mädchenwohnheim wohnheim heim psychiatrie kinderpsychiatrie "
    "jugendpsychiatrie institutsambulanz kur schulbegleiter schulbegleiterin clearing "
    "clearingstelle mediation frauenhaus schutzwohnung bereitschaftspflege pflegestelle "
    "erziehungsstelle intensivbetreuung nachbetreuung umgangsbegleitung heimaufnahme "
    "heimplatz frühförderung frühförderstelle gruppentraining sozialtraining ambulanz "
    "schreiambulanz mutter-kind-haus mutter-kind-einrichtung elternschule verwandtenpflege "
    "krisenwohnung berufshilfe jugendberufshilfe pflegeperson förderprogramm intensivgruppe "
    "heimgruppe verselbständigungsgruppe verselbstständigungsgruppe jugendwohnung "
    "trainingswohnen trainingswohnung"
)
#: Help parts that also start everyday compounds ("Einrichtungsgegenstände"): they name a
#: help only as a compound's head, never as its first part.
HEAD_ONLY_HELP_PARTS = _set("einrichtung maßnahme clearing")
#: Events in a family's life that anchor a time anywhere in a sentence ("… nach der
#: Entbindung", "vor dem Umzug"); "nach der Schule" is a routine, not an event.
LIFE_EVENTS = _set(
    "geburt entbindung niederkunft umzug einzug auszug einschulung konfirmation kommunion "
    "erstkommunion firmung jugendweihe taufe hochzeit trennung scheidung entlassung "
    "haftentlassung klinikentlassung rückkehr heimkehr ankunft volljährigkeit schulabschluss "
    "abschluss prüfung abschlussprüfung probezeit ausbildungsbeginn schulbeginn schulwechsel "
    "operation reha kur urlaub sommerurlaub ferienbeginn geburtstag entgiftung entzug"
)
#: Homes that are no placement of the family's child ("Tierheim", "Altenheim").
OTHER_HOMES = _set("tierheim altenheim pflegeheim seniorenheim vereinsheim")
#: Relatives and neighbours: help "von der Oma" is the family's own resource, not a help form.
FAMILY_AGENTS = _set(
    "oma opa großmutter großvater großeltern mutter vater mama papa eltern tante onkel "
    "schwester bruder geschwister nachbarin nachbar nachbarn freundin freund cousine cousin "
    "patentante patenonkel pate patin familie"
)
#: Helpers of a help form: when they act, the help itself is the subject ("Die
#: Familienhelferin geht mit Frau S. zum Jobcenter") — a measure, and not the family acting.
HELPER_PROFESSIONALS = _set(
    "familienhelferin familienhelfer erziehungsbeistand erziehungsbeiständin schulbegleiterin "
    "schulbegleiter familienhebamme therapeutin therapeut beraterin berater "
    "sozialpädagogin sozialpädagoge einzelfallhelferin einzelfallhelfer betreuungshelferin "
    "betreuungshelfer schuldnerberater schuldnerberaterin suchtberater suchtberaterin "
    "erziehungsberater erziehungsberaterin schulsozialarbeiterin schulsozialarbeiter "
    "schulhelferin schulhelfer haushaltshilfe integrationskraft inklusionskraft "
    "schulassistenz schulassistentin schulassistent integrationshelferin integrationshelfer"
)
#: Verbs of examining: what a doctor examines is no target ("untersucht Ida auf
#: Entwicklungsverzögerungen").
EXAMINATION_VERBS = _set("untersuchen testen abklären prüfen überprüfen begutachten")
#: Verbs that "gesund" makes a hedge of ("ernährt sich gesund", "isst gesund").
HEALTHY_VERBS = _set("ernähren essen leben kochen")
#: Institutions of daily life whose name ends in a help part: a Kita is where a child goes,
#: not a help ("Kindertageseinrichtung", "Bildungseinrichtung").
DAILY_INSTITUTIONS = _set(
    "kindertageseinrichtung kindertagesstätte bildungseinrichtung schuleinrichtung "
    "freizeiteinrichtung sporteinrichtung gemeinschaftseinrichtung"
)
#: Verbs of keeping in touch: a placement after them is where the other one lives ("ruft
#: Mila in der Wohngruppe an", "besucht ihren Sohn im Heim"), not a help the subject gets.
CONTACT_VERBS = _set("anrufen besuchen telefonieren schreiben abholen treffen sehen skypen")
#: Places a child lives in a help: after a contact verb they are where the other one is.
PLACEMENTS = _set(
    "wohngruppe kinderwohngruppe heim kinderheim wohnheim mädchenwohnheim einrichtung "
    "wohneinrichtung pflegefamilie klinik tagesklinik suchtklinik psychiatrie "
    "kinderpsychiatrie jugendpsychiatrie internat inobhutnahmestelle wohngemeinschaft"
)
#: Compounds ending in one of these name a result the family reaches, even when a part
#: names a help ("Deutschkurs-Abschluss", "Erste-Hilfe-Schein").
RESULT_HEADS = _set(
    "abschluss zertifikat prüfung schein ausweis zeugnis diplom berufsabschluss studium"
)
#: Nouns that name a help only when the family receives or uses them ("nimmt die Hilfe an").
RECEIVED_HELP = _set("hilfe hilfen unterstützung angebot sprechstunde")
#: Verbs of receiving or using a help.
RECEIVING_VERBS = _set(
    "annehmen nehmen erhalten bekommen nutzen akzeptieren lassen beantragen holen "
    "verlängern zustimmen gewähren"
)
#: Abstract states nobody can see: a compound ending in one of these is vague.
ABSTRACT_HEADS = _set(
    "lebenssituation familiensituation motivation klarheit selbstvertrauen selbstwertgefühl "
    "selbstbild kommunikation hygiene interesse belang verhalten sozialverhalten "
    "schulverhalten versorgung integration zusammenleben familienleben klima "
    "familienklima sicherheit geborgenheit harmonie verlässlichkeit zuverlässigkeit "
    "belastbarkeit persönlichkeit toleranz frustrationstoleranz stabilität kontinuität "
    "orientierung wohlergehen zustand tagesstruktur alltagsstruktur miteinander "
    "wertschätzung vertrauen einsicht krankheitseinsicht problembewusstsein bewusstsein "
    "emotion gefühl bewältigung alltagsbewältigung anerkennung akzeptanz entlastung rolle "
    "vaterrolle mutterrolle elternrolle teilhabe umgangston selbstwirksamkeit "
    "eigenverantwortung verantwortung impulskontrolle selbstkontrolle selbstwert "
    "selbstbewusstsein lebensfreude zufriedenheit durchhaltevermögen konzentration "
    "wahrnehmung reflexion belastung überforderung harmonie rhythmus tagesrhythmus "
    "identität zugehörigkeit erziehungsverhalten selbstständigkeit selbständigkeit "
    "haltung arbeitshaltung grundhaltung einstellung lage netzwerk gespür ablauf "
    "gleichgewicht ausgeglichenheit gelassenheit geduld offenheit rahmenbedingung verhältnis "
    "routine tagesroutine funktion schutzfunktion vorbildfunktion erziehungsaufgabe leben "
    "angst stress haushaltsführung lebensführung wohl resilienz qualität lebensqualität "
    "strukturierung wut aggression aggressionen frust frustration frieden "
    "selbstfürsorge fürsorge achtsamkeit kooperation zusammenarbeit regelmäßigkeit "
    "pünktlichkeit empathie transparenz vertrautheit zusammenhalt überblick mut sicherung "
    "beherrschung selbstbeherrschung zukunft verständnis impuls lösung"
)
#: Abstract only with an adjective before them ("ein sicherer Umgang", "ein realistisches
#: Bild"); alone they can be concrete ("Umgang" with a parent on a set day, a picture).
MODIFIED_ABSTRACT_HEADS = _set("umgang bild ruhe zugang grenze blick sicht")
#: Everyday things to take part in: "nimmt am Unterricht teil", "Teilnahme an der
#: Klassenfahrt" is school and leisure, not a help.
EVERYDAY_EVENTS = _set(
    "unterricht schule schulunterricht sportunterricht schwimmunterricht klassenfahrt "
    "ausflug schulausflug training fußballtraining geburtstag kindergeburtstag elternabend "
    "elternsprechtag gottesdienst fest schulfest sommerfest turnier wettkampf spiel "
    "ferienfreizeit freizeit zeltlager probe chorprobe konfirmandenunterricht "
    "religionsunterricht schwimmen mittagessen chor kinderchor orchester verein sportverein "
    "mannschaft elterngespräch ag theater-ag"
)
#: Relations one "builds" or "deepens" ("Kontakt zu Gleichaltrigen aufbauen"): what is
#: done, and how often, stays open.
RELATION_OBJECTS = _set("kontakt kontakte freundschaft netzwerk vertrauen anschluss")
BUILD_VERBS = _set("aufbauen herstellen pflegen vertiefen intensivieren ausbauen knüpfen halten")
#: Adjectives that make "Familie" an ideal, not a state one can see ("eine richtige Familie").
IDEAL_FAMILY = _set("richtig normal intakt funktionierend gesund heil glücklich echt")
#: A child's placement in youth welfare: named even inside a time anchor ("bis zu ihrem
#: Auszug aus der Wohngruppe") the goal still turns on the help; an adult's clinic or
#: rehab there is only a date ("bis zur Entlassung aus der Klinik").
YOUTH_PLACEMENTS = _set(
    "wohngruppe kinderwohngruppe heim kinderheim pflegefamilie bereitschaftspflege "
    "bereitschaftspflegefamilie inobhutnahme inobhutnahmestelle clearingstelle "
    "mutter-kind-einrichtung wohngemeinschaft einrichtung jugendhilfeeinrichtung krisenwohnung"
)
#: Verbs "gut"/"besser" cannot make concrete ("spricht gut Deutsch", "die Zeit gut nutzen").
GOOD_VAGUE_VERBS = _set(
    "nutzen klappen laufen funktionieren sprechen lesen schreiben rechnen auskommen verstehen "
    "lernen reden zuhören"
)
#: Verbs of a change whose size stays open ("die Besuchskontakte werden ausgeweitet").
CHANGE_VERBS = _set(
    "ausweiten erweitern steigern erhöhen verringern reduzieren verbessern intensivieren "
    "verstärken vermindern senken"
)
#: Verbs of managing with "das"/"es" as object ("kriegt das mit dem Geld hin").
MANAGE_VERBS = _set("hinkriegen hinbekommen schaffen meistern")
#: Settings ("Umfeld", "Rahmen") are vague with an adjective of quality ("ein sicheres
#: Umfeld", "in einem geschützten Rahmen"); with others they can be a place.
SETTING_QUALITIES = _set(
    "sicher geschützt stabil förderlich gesund kindgerecht strukturiert verlässlich ruhig "
    "harmonisch positiv unterstützend angemessen geordnet liebevoll wertschätzend gewaltfrei "
    "tragfähig entwicklungsfördernd"
)
#: Rules and agreements are vague with a hedge ("klare Regeln", "verbindliche Absprachen")
#: unless the sentence says how many or which.
HEDGED_RULE_HEADS = _set("regel absprache vereinbarung grenze ritual")
#: Verbs of keeping rules: with rules nobody names ("akzeptiert die Regeln") vague.
RULE_KEEPING_VERBS = _set("akzeptieren respektieren einhalten beachten befolgen")
RULE_HEDGES = _set("klar fest verbindlich verlässlich eindeutig konsequent feste klare")
#: Adverbs that make working together a quality nobody can count ("arbeitet gut mit …
#: zusammen", "vertrauensvoll").
COOPERATION_MANNERS = _set(
    "gut eng konstruktiv vertrauensvoll offen aktiv partnerschaftlich verbindlich "
    "zuverlässig kooperativ besser"
)
#: Adverbs of independence: with no concrete act ("lebt eigenständig", "ist selbstständig")
#: an overall state.
INDEPENDENCE_WORDS = _set("eigenständig selbstständig selbständig unabhängig autonom abhängig")
#: Verbs that name no act of their own: with an independence word they stay a state.
LIVING_VERBS = _set("leben wohnen sein werden können bleiben zurechtkommen")
#: Verbs of putting in order and objects too broad to check ("regelt ihre Finanzen",
#: "ordnet sein Leben").
ORDERING_VERBS = _set("regeln ordnen organisieren sortieren")
BROAD_OBJECTS = _set(
    "finanz finanzen angelegenheit leben alltag sache ding lebenssituation haushalt situation"
)
#: Nouns that make an idiom for an inner state with a word before them in the clause
#: ("hat seine Wut im Griff", "ziehen an einem Strang", "findet seinen Platz").
IDIOM_NOUNS: dict[str, frozenset[str]] = {
    "griff": _set("in im"),
    "blick": _set("in im"),
    "kontrolle": _set("unter"),
    "strang": _set("an am"),
    "platz": _set("finden"),
    "draht": _set("gut"),
    "lot": _set("in im"),
    "fuß": _set("fassen"),
    "freude": _set("haben"),
    "team": _set("als ein"),
    "weg": _set("finden"),
    "linie": _set("gemeinsam gemeinsame gemeinsamen klar klare klaren einer"),
    "ordnung": _set("in"),
    "spaß": _set("haben"),
    "reihe": _set("auf"),
    "halt": _set("finden"),
    "einheit": _set("als eine"),
    "nerv": _set("verlieren behalten"),
    "nerven": _set("verlieren behalten"),
    "auge": _set("aus"),
    "augen": _set("aus"),
}
#: Cues of ``IDIOM_NOUNS`` that are verbs: they are looked for in the whole clause.
IDIOM_VERBS = _set("finden fassen haben verlieren behalten")
#: Adjectives and adverbs that describe an inner or overall state, not something seen.
VAGUE_MODIFIERS = _set(
    "harmonisch belastbar ausgeglichen entspannt gefestigt eingebunden integriert achtsam "
    "feinfühlig liebevoll zuverlässig kooperativ unauffällig "
    "ordentlich geordnet aufmerksam handlungsfähig psychisch seelisch emotional "
    "glücklich harmonischer gelungen ausgleichen integrieren entspannen selbstbewusst "
    "selbstsicher selbstbestimmt eigenverantwortlich verantwortungsvoll "
    "verantwortungsbewusst verbindlich wertschätzend empathisch einfühlsam fürsorglich "
    "zugewandt präsent verfügbar zufrieden respektvoll freundlich "
    "altersgemäß kindgemäß selbstwirksam gelassen geduldig sorgsam verständnisvoll souverän "
    "wertschätzend akzeptiert anerkannt verlässlich gewaltfrei friedlich geklärt einig "
    "überfordert motiviert zuversichtlich fröhlich mutig hoffnungsvoll angstfrei gelöst "
    "aufgeschlossen kontaktfreudig engagiert interessiert resilient einsichtig reflektiert "
    "stressfrei sorgenfrei zugänglich vertrauensvoll behütet geborgen sensibel "
    "konfliktfrei unbeschwert vernünftig sinnvoll förderlich entschleunigt normal passend "
    "geeignet aggressiv gern gerne gegenseitig entlastet entlasten ordnungsgemäß sachgerecht "
    "zufriedenstellend gewissenhaft sorgfältig kompetent traurig wütend ängstlich "
    "einsam froh "
    "unglücklich gestresst genervt"
)
#: Adverbs of a life area ("sprachlich weiter", "finanziell abgesichert"): as a predicate
#: (tagged ``ADJ(D)``) they name an overall state unless the sentence gives a number.
AREA_ADVERBS = _set(
    "sprachlich sozial schulisch motorisch körperlich gesundheitlich beruflich finanziell "
    "familiär kognitiv emotional psychisch seelisch innerlich"
)
#: Verbs that name an inner process when reflexive ("fühlt sich sicher", "öffnet sich",
#: "integriert sich", "hat sich eingelebt"); not reflexive they can be concrete ("öffnet
#: die Tür").
REFLEXIVE_VAGUE_VERBS = _set(
    "fühlen öffnen integrieren beruhigen einleben erleben entspannen einlassen "
    "zurechtfinden orientieren zutrauen stabilisieren festigen entfalten wohlfühlen "
    "annehmen akzeptieren sorgen normalisieren einpendeln einbringen engagieren beteiligen "
    "weiterentwickeln verstehen durchsetzen abgrenzen einfühlen beherrschen beherschen "
    "vertragen"
)
#: Reflexive verbs that a frequency makes concrete ("beteiligt sich jeden Abend am Abwasch").
QUANTIFIABLE_REFLEXIVES = _set("beteiligen einbringen engagieren")
#: Reflexive pronouns (HanTa tags some of them ``PPER``).
REFLEXIVE_PRONOUNS = _set("sich mich dich uns euch")
#: Adjectives with a concrete sense before a thing ("ein stabiles Fahrrad", "ein fester
#: Platz"); before an abstract noun they stay vague ("eine stabile Beziehung").
THING_ADJECTIVES = _set("stabil fest sicher")
#: Settings that are no thing: "eine stabile Umgebung" stays vague ("in der Umgebung der
#: Schule" alone is a place, so they are not abstract heads).
SETTING_NOUNS = _set("umgebung umfeld rahmen zuhause verhältnisse alltag situation wohnsituation")
#: Hedge adjectives that a number in the same sentence makes concrete ("ausreichend warme
#: Kleidung: je eine Winterjacke …").
QUANTIFIABLE_HEDGES = _set("ausreichend hinreichend genügend genug")
#: Verbs of finishing: a course or programme finished is a result ("hat den Deutschkurs
#: abgeschlossen"), not the measure.
RESULT_VERBS = _set("abschließen bestehen absolvieren")
#: Work and its contracts: "mit 30 Stunden pro Woche" there is a job, not help hours.
WORK_HEADS = _set(
    "arbeitsvertrag vertrag job minijob arbeit stelle arbeitsstelle ausbildung teilzeit"
)
#: Work: "arbeitet in einem Altenheim", "eine Stelle in einer Einrichtung" — a workplace,
#: not a help the family gets.
WORK_VERBS = _set("arbeiten jobben verdienen aufstocken")
#: Verbs of working together with a help or a professional: a measure.
COOPERATION_VERBS = _set("zusammenarbeiten kooperieren mitarbeiten")
#: Adjectives of ability that a number cannot show ("erziehungsfähig", "gruppenfähig") end
#: in these; a few are plain facts.
ABILITY_SUFFIXES = ("fähig", "bereit")
PLAIN_ABILITIES = _set(
    "zahlungsfähig arbeitsfähig geschäftsfähig reisefähig fahrbereit abholbereit "
    "einsatzbereit fähig bereit"
)
#: Verbs that name an inner process rather than something done.
VAGUE_VERBS = _set(
    "zusammenwachsen verarbeiten aufarbeiten achten gelingen bemühen versuchen reflektieren "
    "auseinandersetzen begegnen kommunizieren umgehen kümmern klarkommen zurechtkommen "
    "meistern bewältigen abschalten eingehen überwinden wertschätzen vertrauen runterkommen "
    "herunterkommen zusammenhalten zusammenfinden sicherstellen gewährleisten "
    "zueinanderfinden näherkommen annähern"
)
#: Verbs of securing: what they secure stays a state even when a clause names it ("stellt
#: sicher, dass die Kinder versorgt sind") — independent writers label them vague.
SECURING_VERBS = _set("sicherstellen gewährleisten")
#: Topics one "works on" without an act one could see ("arbeitet an der Erziehung").
WORK_ON_TOPICS = _set(
    "erziehung problem problematik thema themen konflikt schwierigkeit haltung sich "
    "umgang kommunikation situation ziel ziele defizit"
)
#: States as a predicate that nobody can check without a measure ("die Wohnung ist
#: sauber", "dass es schön ist zuhause").
PREDICATE_STATES = _set("sauber schön gemütlich")
#: Nouns of putting in order ("die Regelung der Finanzen"): vague with a broad object.
ORDERING_NOUNS = _set("regelung ordnung organisation klärung")
#: Verbs of talking about something: what they talk about is a topic, not a target.
TALK_VERBS = _set("besprechen erörtern thematisieren")
#: Verbs of seeming: a quality "wirkt ruhiger" is somebody's impression, not an act.
SEEMING_VERBS = _set("wirken")
#: Adjectives that make a group or place a help ("heilpädagogische Gruppe").
HELP_MODIFIERS = _set("heilpädagogisch sozialpädagogisch intensivpädagogisch therapeutisch")
#: Adjectives that make a treatment a help ("in psychiatrischer Behandlung"); before other
#: nouns ("ein psychiatrischer Befund") they do not.
TREATMENT_MODIFIERS = _set("psychiatrisch psychotherapeutisch psychologisch ambulant")
TREATMENT_NOUNS = _set("behandlung betreuung versorgung station ambulanz sprechstunde")
#: Daily times: "bis 17 Uhr", "bis zum Abendessen" say how a day runs, not by when.
DAILY_TIMES = _set(
    "uhr abendessen mittagessen frühstück schulschluss schulende mittag abend morgen "
    "nacht schlafengehen feierabend unterrichtsende zubettgehen mitternacht"
)
#: Verbs that make an event the subject and hide who acts ("Die Rückführung erfolgt").
ACTORLESS_VERBS = _set("erfolgen stattfinden")
#: Abbreviations of help forms (case as written).
HELP_ABBREVIATIONS = frozenset(("SPFH", "HzE", "ISE", "EB", "SpFH"))
#: Verbs of giving help: in the passive ("wird … begleitet") or let happen ("lässt sich
#: beraten") they name a help.
HELP_VERBS = _set("beraten betreuen therapieren begleiten")
#: Verbs of helping: let happen by a professional ("lässt sich von der Suchtberaterin
#: helfen") a help; by a sister or a neighbour the family's own resource.
LET_HELP_VERBS = _set("helfen unterstützen")
#: States that a clause after them makes concrete ("hat geklärt, wer …", "sind sich einig,
#: wann …"); alone they are vague ("ist geklärt", "sind sich einig").
SETTLED_STATES = _set("klären geklärt einig")
#: Participles of being tied to a service ("ist in der Ambulanz angebunden"): a measure.
HELP_STATES = _set("anbinden unterbringen")
#: First parts of "-hilfe" compounds that name an everyday aid or a helping hand the
#: family arranges, not a help form ("Putzhilfe", "Merkhilfe", "Einschlafhilfe").
EVERYDAY_AIDS = _set(
    "putz einkauf einkaufs start gedächtnis merk erinnerung erinnerungs einschlaf "
    "orientierung orientierungs schwimm lese rechen formulierung formulierungs sitz "
    "geh hör seh trag nachbarschaft nachbarschafts"
)
#: Nouns of examining: an abstract noun after them is what is examined, not a target
#: ("eine Abklärung der Sprachentwicklung").
EXAMINATION_NOUNS = _set(
    "abklärung untersuchung diagnostik testung überprüfung begutachtung messung einschätzung"
)
#: Groups a person can "arrive in" in the sense of belonging ("ist in der Klasse
#: angekommen"): an inner state, not a journey.
SOCIAL_GROUPS = _set("gruppe klasse familie kita team verein mannschaft wohngruppe")
#: First parts of a "-kurs" compound that make it a leisure course a child or parent
#: takes for its own sake ("Schwimmkurs", "Tanzkurs"), not a help.
LEISURE_COURSES = _set(
    "schwimm tanz mal reit töpfer näh gitarren klavier musik ski kletter yoga zeichen "
    "theater sport turn judo karate ballett trommel foto fahrrad segel surf erste-hilfe "
    "erstehilfe"
)
#: Adverbs of degree or frequency that "so" leaves unquantified ("nicht mehr so oft").
SO_DEGREE = _set("oft häufig viel sehr stark schlimm laut")
#: Heads that make a compound a meeting, a paper or a thing although a vague word is its
#: first part ("Entwicklungsgespräch", "Entwicklungsbericht", "Förderplan").
CONCRETE_HEADS = _set(
    "gespräch bericht termin plan test bogen heft liste brief formular antrag ordner "
    "vertrag bescheid tabelle kalender"
)
#: Heads that make a concrete thing in a compound ("Wohnsituation" is a flat to find).
PLAIN_HEADS = _set("situation versicherung")
#: First parts that make an abstract head a concrete thing, a document or a service
#: ("Vaterschaftsanerkennung" is a paper at the registry office, "Stromversorgung" a
#: contract).
PLAIN_FIRST_PARTS = _set(
    "vaterschaft vaterschafts strom wasser gas heiz heizungs internet zahn impf "
    "behinderten schwerbehinderten kindersicherung steckdosensicherung datensicherung"
)
#: Offices, professionals and providers: as the subject of a main clause the family does not
#: act. Matched as a compound's head or the end of its lemma ("Schulsozialarbeiterin").
PROFESSIONALS = _set(
    "jugendamt amt sozialdienst fachdienst jobcenter fachkraft familienhelferin familienhelfer "
    "helferin helfer betreuerin betreuer beraterin berater therapeutin therapeut lehrerin "
    "lehrer lehrkraft erzieherin erzieher sozialarbeiterin sozialarbeiter sozialpädagogin "
    "sozialpädagoge vormund arzt ärztin polizei gericht familiengericht träger einrichtung "
    "wohngruppe hebamme tagesmutter tagesvater hausmeister vermieter vermieterin leitung "
    "erziehungsbeistand dienst schulbegleiterin schulbegleiter bewährungshelfer "
    "sprachmittlerin sprachmittler dolmetscherin dolmetscher mitarbeiterin mitarbeiter "
    "ausbilderin ausbilder frühförderin frühförderer familienkasse behörde agentur "
    "krankenkasse pflegekinderdienst wohnungsbaugesellschaft wohnungsgesellschaft "
    "hausverwaltung genossenschaft psychiater psychiaterin psychologe psychologin "
    "vormundin vormünderin vormundschaft verfahrensbeistand pflegedienst schulsozialarbeit "
    "tagesgruppe sachbearbeiterin sachbearbeiter"
)
#: Words that may stand in a subject noun phrase before its noun.
NOUN_PHRASE_TAGS = (
    "ART",
    "PPOSAT",
    "PIAT",
    "PDAT",
    "ADJ",
    "CARD",
    "NN",
    "NE",
    "APPRART",
    "APPR",
    "TRUNC",
)
