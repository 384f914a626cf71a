//! What De Linde's team answers in the demo's scans: per statement the team's mean room this
//! year and last with Sanne's estimate, who does not know, and each respondent's roles and
//! open answers.

/// Per statement: the team's mean room this school year and last (in tenths: 25 is 2.5 on a
/// scale of 1, least room, to 4), and Sanne's estimate as room (1–4). A team that works well
/// together and feels safe, but has little time to learn together, too many innovations at
/// once and a fixed meeting calendar; Sanne expects more room there than the team feels (her
/// largest gaps), and less initiative than the team shows. Meetings and the leadership's
/// openness improved since last year; the innovations got heavier.
pub(super) const ROOM: &[(&str, u8, u8, u8)] = &[
    ("ruimte-01", 26, 3, 24),
    ("ruimte-02", 30, 3, 29),
    ("ruimte-03", 31, 4, 30),
    ("ruimte-04", 28, 4, 26),
    ("ruimte-05", 29, 3, 28),
    ("ruimte-06", 25, 3, 24),
    ("ruimte-07", 38, 3, 36),
    ("ruimte-08", 24, 3, 21),
    ("ruimte-09", 30, 3, 28),
    ("belemmeren-01", 26, 3, 25),
    ("belemmeren-02", 34, 4, 33),
    ("belemmeren-03", 29, 3, 27),
    ("belemmeren-04", 33, 3, 32),
    ("belemmeren-05", 26, 3, 25),
    ("belemmeren-06", 23, 3, 20),
    ("belemmeren-07", 19, 3, 14),
    ("belemmeren-08", 25, 3, 24),
    ("belemmeren-09", 20, 3, 21),
    ("belemmeren-10", 31, 3, 30),
    ("samen-leren-01", 15, 3, 13),
    ("samen-leren-02", 21, 3, 20),
    ("samen-leren-03", 20, 3, 21),
    ("samen-leren-04", 19, 3, 19),
    ("samen-leren-05", 28, 3, 26),
    ("veranderen-01", 26, 3, 23),
    ("veranderen-02", 24, 3, 24),
    ("veranderen-03", 26, 3, 25),
    ("veranderen-04", 33, 3, 32),
    ("veranderen-05", 25, 3, 26),
    ("veranderen-06", 18, 3, 19),
    ("veranderen-07", 14, 3, 20),
    ("veranderen-08", 30, 3, 29),
    ("veranderen-09", 29, 3, 28),
    ("vertrouwen-01", 34, 4, 33),
    ("vertrouwen-02", 31, 3, 30),
    ("vertrouwen-03", 25, 3, 26),
    ("vertrouwen-04", 26, 3, 24),
    ("vertrouwen-05", 28, 3, 28),
    ("vertrouwen-06", 31, 3, 30),
    ("vertrouwen-07", 35, 3, 34),
    ("vertrouwen-08", 33, 3, 31),
    ("vertrouwen-09", 30, 3, 24),
    ("vertrouwen-10", 26, 3, 25),
    ("vertrouwen-11", 23, 3, 22),
    ("houding-01", 36, 4, 36),
    ("houding-02", 30, 3, 29),
    ("houding-03", 34, 3, 34),
    ("houding-04", 31, 3, 30),
    ("houding-05", 30, 3, 29),
    ("houding-06", 30, 2, 29),
    ("houding-07", 33, 3, 31),
    ("houding-08", 24, 3, 23),
    ("schoolleiding-01", 26, 4, 25),
    ("schoolleiding-02", 34, 4, 33),
    ("schoolleiding-03", 26, 3, 24),
    ("schoolleiding-04", 29, 3, 28),
    ("schoolleiding-05", 24, 3, 22),
    ("schoolleiding-06", 33, 3, 32),
    ("schoolleiding-07", 30, 3, 30),
    ("schoolleiding-08", 32, 4, 30),
];

/// How many answered "weet ik niet" this year and last. Half the team has not seen the
/// leadership after an incident, so that statement has too few ratings to be shown.
pub(super) const DONT_KNOW: &[(&str, usize, usize)] = &[
    ("belemmeren-04", 1, 0),
    ("samen-leren-05", 2, 2),
    ("vertrouwen-09", 1, 1),
    ("vertrouwen-11", 2, 1),
    ("schoolleiding-01", 1, 1),
    ("schoolleiding-07", 4, 3),
];

/// One respondent's roles ((role, fulfils it now, would like to)), the role they name under
/// "Anders" (empty for none), and their open answers: what gives room, what takes it away.
pub(super) struct Respondent {
    pub roles: &'static [(&'static str, bool, bool)],
    pub other_role: &'static str,
    pub gives: &'static str,
    pub limits: &'static str,
}

pub(super) const THIS_YEAR: &[Respondent] = &[
    Respondent {
        roles: &[
            ("verstrekker-van-hulpmiddelen", true, true),
            ("leider", true, true),
        ],
        other_role: "",
        gives: "Dat ik in mijn eigen groep zelf mag kiezen hoe ik aan de leerdoelen werk. Sanne \
                vraagt wat ik nodig heb in plaats van te vertellen hoe het moet.",
        limits: "We werken tegelijk aan de nieuwe rekenmethode, de leesaanpak en het IKC-traject. \
                 Niets daarvan kan ik echt goed doen.",
    },
    Respondent {
        roles: &[
            ("verstrekker-van-hulpmiddelen", true, false),
            ("mentor", true, true),
            ("begeleider-in-de-klas", false, true),
        ],
        other_role: "",
        gives: "De collega's in mijn bouw. We springen voor elkaar in en ik kan altijd even \
                binnenlopen met een vraag.",
        limits: "De administratie rond toetsen en het leerlingvolgsysteem: veel invullen waarvan \
                 ik niet zie wat ermee gebeurt.",
    },
    Respondent {
        roles: &[
            ("didactisch-specialist", true, true),
            ("learning-facilitator", false, true),
            ("anders", true, true),
        ],
        other_role: "Cultuurcoördinator",
        gives: "Sinds dit jaar zijn er minder plenaire vergaderingen. De woensdagmiddag gebruik \
                ik nu echt om met mijn duo-collega de lessen voor te bereiden.",
        limits: "",
    },
    Respondent {
        roles: &[
            ("begeleider-in-de-klas", false, true),
            ("didactisch-specialist", false, true),
        ],
        other_role: "",
        gives: "",
        limits: "Ik zou graag eens bij een collega in de klas kijken, maar er is nooit \
                 vervanging. Dan blijft het bij plannen.",
    },
    Respondent {
        roles: &[
            ("verstrekker-van-hulpmiddelen", true, false),
            ("data-coach", true, true),
            ("curriculum-specialist", false, true),
        ],
        other_role: "",
        gives: "Dat fouten maken mag. Als een nieuwe aanpak niet werkt, praten we erover en \
                proberen we iets anders.",
        limits: "Besluiten van het bestuur die ineens bij ons op tafel liggen, zoals de nieuwe \
                 methode voor begrijpend lezen.",
    },
    Respondent {
        roles: &[("mentor", false, true)],
        other_role: "",
        gives: "Als startende leerkracht word ik goed begeleid, en ik mag meedenken in de \
                werkgroep rekenen.",
        limits: "De werkdruk. Na schooltijd zit de agenda vol met overleg, dus voorbereiden doe \
                 ik 's avonds.",
    },
    Respondent {
        roles: &[
            ("leider", true, false),
            ("curriculum-specialist", true, true),
            ("anders", true, true),
        ],
        other_role: "ICT-coördinator",
        gives: "Duidelijke afspraken over wat wel en niet moet. Dan weet ik waar mijn ruimte zit.",
        limits: "De vergaderingen liggen in augustus al voor het hele jaar vast. Als er iets \
                 speelt, is er geen plek om het te bespreken.",
    },
    Respondent {
        roles: &[
            ("verstrekker-van-hulpmiddelen", true, true),
            ("learning-facilitator", true, true),
            ("begeleider-in-de-klas", false, true),
            ("anders", false, true),
        ],
        other_role: "Coördinator meer- en hoogbegaafdheid",
        gives: "Uren in het taakbeleid voor de leerteams. Jammer dat die vaak opgaan aan andere \
                dingen.",
        limits: "Grote groepen met veel leerlingen die extra zorg nodig hebben. Dan blijft er \
                 weinig ruimte over om iets nieuws te proberen.",
    },
];

pub(super) const LAST_YEAR: &[Respondent] = &[
    Respondent {
        roles: &[("verstrekker-van-hulpmiddelen", true, true)],
        other_role: "",
        gives: "Een schoolleider die echt luistert.",
        limits: "Elke week een teamvergadering die vooral over mededelingen gaat. Dat kan ook in \
                 een mail.",
    },
    Respondent {
        roles: &[("mentor", true, true), ("leider", true, false)],
        other_role: "",
        gives: "Mijn eigen klas: daar bepaal ik wat er gebeurt.",
        limits: "Veel vergaderingen en weinig tijd om samen echt iets te ontwikkelen.",
    },
    Respondent {
        roles: &[
            ("didactisch-specialist", false, true),
            ("anders", true, true),
        ],
        other_role: "Cultuurcoördinator",
        gives: "",
        limits: "De methode schrijft precies voor wat ik per dag moet doen.",
    },
    Respondent {
        roles: &[("begeleider-in-de-klas", false, true)],
        other_role: "",
        gives: "De studiedagen waarop we zelf het onderwerp mochten kiezen.",
        limits: "",
    },
    Respondent {
        roles: &[
            ("data-coach", true, false),
            ("verstrekker-van-hulpmiddelen", true, false),
        ],
        other_role: "",
        gives: "Fijne collega's en korte lijnen.",
        limits: "Ik weet vaak niet waarover ik zelf mag beslissen en wat de schoolleiding wil \
                 bepalen.",
    },
    Respondent {
        roles: &[
            ("leider", true, true),
            ("curriculum-specialist", false, true),
        ],
        other_role: "",
        gives: "",
        limits: "Nieuwe plannen komen van bovenaf, zonder dat we weten waarom.",
    },
    Respondent {
        roles: &[("learning-facilitator", false, true)],
        other_role: "",
        gives: "Ruimte om met mijn bouw een eigen thema uit te werken.",
        limits: "Werkdruk.",
    },
];

/// The follow-up's answers so far: two from the onderbouw, one from the bovenbouw.
pub(super) const FOLLOW_UP: &[(usize, Respondent)] = &[
    (
        0,
        Respondent {
            roles: &[("verstrekker-van-hulpmiddelen", true, true)],
            other_role: "",
            gives: "Dat we in de onderbouw zelf de thema's kiezen.",
            limits: "Nog steeds te veel tegelijk: het IKC-traject vraagt veel van ons.",
        },
    ),
    (
        0,
        Respondent {
            roles: &[
                ("mentor", true, true),
                ("begeleider-in-de-klas", false, true),
            ],
            other_role: "",
            gives: "",
            limits: "",
        },
    ),
    (
        1,
        Respondent {
            roles: &[
                ("curriculum-specialist", true, true),
                ("anders", true, true),
            ],
            other_role: "ICT-coördinator",
            gives: "De nieuwe leerteams: eindelijk tijd om samen naar ons rekenonderwijs te kijken.",
            limits: "",
        },
    ),
];
