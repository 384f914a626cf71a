//! Accounts over real HTTP: setup, sign-in and its throttle, sessions, CSRF, invitations and
//! reset links through the outbox, the profile, the API with tokens, and the walls between
//! organisations (generated from the route table) and between roles.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use leidraad_domain::accounts::{
    Action, Actor, Membership, OrganisationId, Password, PersonId, Role, RoleSet, SchoolId, Target,
    decide, hash_password,
};
use leidraad_store::accounts::{NewInvitation, NewPerson};
use reqwest::StatusCode;
use reqwest::header::{LOCATION, SET_COOKIE};

use crate::helpers::{TestApp, spawn_app};

pub const PASSWORD: &str = "correct horse battery staple";

/// One hash for every test person: Argon2 is deliberately slow.
static PASSWORD_HASH: LazyLock<String> = LazyLock::new(|| {
    let password = Password::parse(PASSWORD, None).unwrap();
    hash_password(&password, [9; 16]).as_str().to_owned()
});

/// Two organisations. A has two schools and one person per role; B has its own admin.
pub struct World {
    pub org_a: OrganisationId,
    pub school_a1: SchoolId,
    pub school_a2: SchoolId,
    pub school_b: SchoolId,
    /// Role code → (email, person) in organisation A.
    pub people: BTreeMap<&'static str, (String, PersonId)>,
    pub admin_b: (String, PersonId),
    pub invitation_a: i64,
}

pub async fn add_person(app: &TestApp, email: &str, name: &str) -> PersonId {
    app.store
        .create_person(NewPerson {
            email,
            email_key: email,
            name,
            password_hash: &PASSWORD_HASH,
            now: app.clock.now(),
        })
        .await
        .unwrap()
}

/// An organisation made as the operator makes one (`leidraad admin organisation add`), with an
/// existing account as its admin.
async fn add_organisation(app: &TestApp, name: &str, admin_email: &str) -> OrganisationId {
    let request = leidraad_app::accounts::NewOrganisation {
        name,
        admin_email,
        admin_name: None,
        password: None,
    };
    let added = leidraad_app::accounts::add_organisation(&app.store, request, app.clock.now())
        .await
        .unwrap();
    assert!(!added.new_account);
    added.organisation
}

pub async fn world(app: &TestApp) -> World {
    let now = app.clock.now();
    let admin_a = add_person(app, "admin@a.example", "Ada Admin").await;
    let org_a = add_organisation(app, "Bestuur A", "admin@a.example").await;
    let school_a1 = app
        .store
        .create_school(org_a, "School A1", now)
        .await
        .unwrap();
    let school_a2 = app
        .store
        .create_school(org_a, "School A2", now)
        .await
        .unwrap();
    let admin_b_id = add_person(app, "admin@b.example", "Bert Buiten").await;
    let _org_b = add_organisation(app, "Bestuur B", "admin@b.example").await;
    let school_b = app
        .store
        .create_school(_org_b, "School B", now)
        .await
        .unwrap();
    let mut people = BTreeMap::new();
    people.insert("admin", ("admin@a.example".to_owned(), admin_a));
    for (code, school) in [
        ("board-member", None),
        ("school-leader", Some(school_a1)),
        ("staff", Some(school_a1)),
        ("coach", None),
    ] {
        let email = format!("{code}@a.example");
        let person = add_person(app, &email, &format!("Test {code}")).await;
        let role: Role = code.parse().unwrap();
        join(app, org_a, admin_a, person, &email, role.into(), school).await;
        people.insert(code, (email, person));
    }
    let invitation_a = app
        .store
        .create_invitation(NewInvitation {
            organisation: org_a,
            school: Some(school_a2),
            email: "open@a.example",
            roles: Role::Staff.into(),
            token_digest: "open-invitation",
            invited_by: admin_a,
            now,
            expires_at: now + 86_400,
        })
        .await
        .unwrap();
    World {
        org_a,
        school_a1,
        school_a2,
        school_b,
        people,
        admin_b: ("admin@b.example".to_owned(), admin_b_id),
        invitation_a,
    }
}

async fn join(
    app: &TestApp,
    organisation: OrganisationId,
    admin: PersonId,
    person: PersonId,
    email: &str,
    roles: RoleSet,
    school: Option<SchoolId>,
) {
    let token = format!("join-{}", person.get());
    app.store
        .create_invitation(NewInvitation {
            organisation,
            school,
            email,
            roles,
            token_digest: &token,
            invited_by: admin,
            now: app.clock.now(),
            expires_at: app.clock.now() + 60,
        })
        .await
        .unwrap();
    app.store
        .accept_invitation_as_person(&token, person, app.clock.now())
        .await
        .unwrap()
        .unwrap();
}

/// A browser: its own cookie jar, and the CSRF token of its session once signed in.
pub struct Browser<'a> {
    pub app: &'a TestApp,
    pub client: reqwest::Client,
    pub csrf: String,
}

impl<'a> Browser<'a> {
    pub fn new(app: &'a TestApp) -> Browser<'a> {
        Browser {
            app,
            client: reqwest::Client::builder()
                .cookie_store(true)
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .unwrap(),
            csrf: String::new(),
        }
    }

    pub async fn signed_in(app: &'a TestApp, email: &str) -> Browser<'a> {
        let mut browser = Browser::new(app);
        let response = browser
            .post("/inloggen", &[("email", email), ("password", PASSWORD)])
            .await;
        assert_eq!(
            response.status(),
            StatusCode::SEE_OTHER,
            "sign-in of {email}"
        );
        browser.refresh_csrf().await;
        browser
    }

    pub async fn refresh_csrf(&mut self) {
        let html = self.get("/profiel").await.text().await.unwrap();
        self.csrf = csrf_in(&html).unwrap_or_default();
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client.get(self.app.url(path)).send().await.unwrap()
    }

    /// A form POST with the session's CSRF token, as the page's own form would send it.
    pub async fn post(&self, path: &str, fields: &[(&str, &str)]) -> reqwest::Response {
        let mut fields: Vec<(&str, &str)> = fields.to_vec();
        if !self.csrf.is_empty() {
            fields.push(("csrf_token", &self.csrf));
        }
        self.client
            .post(self.app.url(path))
            .form(&fields)
            .send()
            .await
            .unwrap()
    }

    pub async fn request(&self, method: reqwest::Method, path: &str) -> reqwest::Response {
        let mut request = self.client.request(method.clone(), self.app.url(path));
        if path.starts_with("/api/") && method != reqwest::Method::GET {
            request = request.header("x-csrf-token", &self.csrf).json(
                &serde_json::json!({"roles": ["staff"], "name": "X", "email": "x@a.example"}),
            );
        } else if method == reqwest::Method::POST {
            request = request.form(&[
                ("csrf_token", self.csrf.as_str()),
                ("name", "X"),
                ("email", "x@a.example"),
                ("role", "staff"),
            ]);
        } else if method != reqwest::Method::GET {
            request = request.header("x-csrf-token", &self.csrf).json(
                &serde_json::json!({"roles": ["staff"], "name": "X", "email": "x@a.example"}),
            );
        }
        request.send().await.unwrap()
    }
}

pub fn csrf_in(html: &str) -> Option<String> {
    let marker = r#"name="csrf_token" value=""#;
    let start = html.find(marker)? + marker.len();
    Some(html[start..start + 64].to_owned())
}

fn location(response: &reqwest::Response) -> String {
    response
        .headers()
        .get(LOCATION)
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default()
}

/// The newest mail in the outbox, as text, once the queue has been worked off.
pub async fn newest_mail(app: &TestApp) -> String {
    app.mail_settled().await;
    let mut files: Vec<_> = std::fs::read_dir(&app.outbox)
        .expect("the outbox exists")
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    decode_mail(&std::fs::read_to_string(files.last().expect("a mail")).unwrap())
}

/// The mail as a reader sees it: quoted-printable soft breaks joined and escapes undone.
pub fn decode_mail(raw: &str) -> String {
    if !raw.contains("Content-Transfer-Encoding: quoted-printable") {
        return raw.to_owned();
    }
    let joined = raw.replace("=\r\n", "").replace("=\n", "");
    let mut out = Vec::new();
    let bytes = joined.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let escape = bytes[i] == b'=' && i + 2 < bytes.len();
        match escape
            .then(|| u8::from_str_radix(&joined[i + 1..i + 3], 16).ok())
            .flatten()
        {
            Some(byte) => {
                out.push(byte);
                i += 3;
            }
            None => {
                out.push(bytes[i]);
                i += 1;
            }
        }
    }
    String::from_utf8(out).unwrap()
}

pub fn link_in(mail: &str, path: &str) -> String {
    let start = mail.find(path).expect("the link is in the mail");
    mail[start..start + path.len() + 64].to_owned()
}

#[tokio::test]
async fn a_fresh_install_leads_to_setup_which_refuses_nonsense_and_runs_once() {
    let app = spawn_app().await;
    let response = app.get("/inloggen").await;
    assert_eq!(location(&response), "/installatie");
    let browser = Browser::new(&app);
    for (organisation, email, password, again, code) in [
        (
            "",
            "a@b.example",
            PASSWORD,
            PASSWORD,
            "Vul de naam van de organisatie in",
        ),
        (
            "Bestuur",
            "geen-adres",
            PASSWORD,
            PASSWORD,
            "geen geldig e-mailadres",
        ),
        (
            "Bestuur",
            "a@b.example",
            "kort",
            "kort",
            "minstens 12 tekens",
        ),
        (
            "Bestuur",
            "a@b.example",
            "password1234",
            "password1234",
            "veelgebruikte",
        ),
        (
            "Bestuur",
            "a@b.example",
            PASSWORD,
            "iets anders dan dat",
            "niet gelijk",
        ),
    ] {
        let response = browser
            .post(
                "/installatie",
                &[
                    ("organisation", organisation),
                    ("name", "Ada"),
                    ("email", email),
                    ("password", password),
                    ("password_again", again),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::BAD_REQUEST);
        let html = response.text().await.unwrap();
        assert!(html.contains(code), "{code}: {html}");
        assert_eq!(app.store.count_people().await.unwrap(), 0, "nothing stored");
    }
    let fields = [
        ("organisation", "Bestuur Noord"),
        ("name", "Ada"),
        ("email", "Ada@Noord.example"),
        ("password", PASSWORD),
        ("password_again", PASSWORD),
    ];
    let response = browser.post("/installatie", &fields).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert!(location(&response).starts_with("/organisaties/"));
    let html = browser
        .get(&location(&response))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        html.contains("Bestuur Noord") && html.contains("beheerder"),
        "{html}"
    );
    let second = Browser::new(&app).post("/installatie", &fields).await;
    assert_eq!(second.status(), StatusCode::NOT_FOUND);
    assert_eq!(app.store.count_people().await.unwrap(), 1);
}

#[tokio::test]
async fn signing_in_sets_a_fresh_strict_cookie_and_refuses_both_unknown_and_wrong_alike() {
    let app = spawn_app().await;
    let world = world(&app).await;
    let browser = Browser::new(&app);
    let wrong = browser
        .post(
            "/inloggen",
            &[
                ("email", "admin@a.example"),
                ("password", "not the password"),
            ],
        )
        .await;
    let unknown = browser
        .post(
            "/inloggen",
            &[
                ("email", "nobody@a.example"),
                ("password", "not the password"),
            ],
        )
        .await;
    assert_eq!(
        (wrong.status(), unknown.status()),
        (StatusCode::UNAUTHORIZED, StatusCode::UNAUTHORIZED)
    );
    let (wrong, unknown) = (wrong.text().await.unwrap(), unknown.text().await.unwrap());
    assert!(wrong.contains("horen niet bij elkaar"));
    assert_eq!(
        wrong.replace("admin@a.example", "X"),
        unknown.replace("nobody@a.example", "X"),
        "the same answer for a known and an unknown email"
    );

    let mut cookies = Vec::new();
    for _ in 0..2 {
        let response = Browser::new(&app)
            .post(
                "/inloggen",
                &[
                    ("email", "ADMIN@a.example"),
                    ("password", PASSWORD),
                    ("terug", "/profiel"),
                ],
            )
            .await;
        assert_eq!(location(&response), "/profiel");
        let cookie = response
            .headers()
            .get(SET_COOKIE)
            .unwrap()
            .to_str()
            .unwrap()
            .to_owned();
        for attribute in [
            "leidraad_session=",
            "HttpOnly",
            "SameSite=Lax",
            "Path=/",
            "Max-Age=43200",
        ] {
            assert!(cookie.contains(attribute), "{cookie}");
        }
        cookies.push(cookie);
    }
    assert_ne!(cookies[0], cookies[1], "a new session id at every sign-in");
    assert_eq!(
        app.store
            .sessions_of(world.people["admin"].1)
            .await
            .unwrap()
            .len(),
        2
    );
    let outside = browser
        .post(
            "/inloggen",
            &[
                ("email", "admin@a.example"),
                ("password", PASSWORD),
                ("terug", "//evil.example"),
            ],
        )
        .await;
    assert_eq!(location(&outside), "/", "never back to another site");
}

#[tokio::test]
async fn state_never_changes_without_the_session_token_or_from_another_site() {
    let app = spawn_app().await;
    let world = world(&app).await;
    let admin = Browser::signed_in(&app, "admin@a.example").await;
    let path = format!("/organisaties/{}/scholen", world.org_a);
    let without_token = admin
        .client
        .post(app.url(&path))
        .form(&[("name", "Sneaky")])
        .send()
        .await
        .unwrap();
    assert_eq!(without_token.status(), StatusCode::FORBIDDEN);
    assert!(
        without_token
            .text()
            .await
            .unwrap()
            .contains("Verzoek geweigerd")
    );
    let cross_site = admin
        .client
        .post(app.url(&path))
        .header("origin", "https://evil.example")
        .form(&[("name", "Sneaky"), ("csrf_token", admin.csrf.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(cross_site.status(), StatusCode::FORBIDDEN);
    let fetch_site = admin
        .client
        .post(app.url(&path))
        .header("sec-fetch-site", "cross-site")
        .form(&[("name", "Sneaky"), ("csrf_token", admin.csrf.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(fetch_site.status(), StatusCode::FORBIDDEN);
    assert_eq!(
        app.store.schools(world.org_a).await.unwrap().len(),
        2,
        "no school added"
    );
    let proper = admin.post(&path, &[("name", "School A3")]).await;
    assert_eq!(proper.status(), StatusCode::SEE_OTHER);
    assert_eq!(app.store.schools(world.org_a).await.unwrap().len(), 3);
}

#[tokio::test]
async fn sessions_end_on_sign_out_when_idle_and_when_old() {
    let app = spawn_app().await;
    world(&app).await;
    let browser = Browser::signed_in(&app, "admin@a.example").await;
    assert_eq!(browser.get("/profiel").await.status(), StatusCode::OK);
    app.clock.advance(29 * 60);
    assert_eq!(
        browser.get("/profiel").await.status(),
        StatusCode::OK,
        "29 idle minutes"
    );
    app.clock.advance(31 * 60);
    let expired = browser.get("/profiel").await;
    assert_eq!(expired.status(), StatusCode::SEE_OTHER, "31 idle minutes");
    assert_eq!(location(&expired), "/inloggen?terug=%2Fprofiel");

    let browser = Browser::signed_in(&app, "admin@a.example").await;
    for _ in 0..25 {
        app.clock.advance(29 * 60);
        if browser.get("/profiel").await.status() != StatusCode::OK {
            break;
        }
    }
    assert_eq!(
        browser.get("/profiel").await.status(),
        StatusCode::SEE_OTHER,
        "12 hours at most"
    );

    let browser = Browser::signed_in(&app, "admin@a.example").await;
    let jar_copy = browser.get("/profiel").await;
    assert_eq!(jar_copy.status(), StatusCode::OK);
    assert_eq!(
        browser.post("/uitloggen", &[]).await.status(),
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        browser.get("/profiel").await.status(),
        StatusCode::SEE_OTHER
    );
}

#[tokio::test]
async fn a_person_sees_their_sessions_and_ends_another_one() {
    let app = spawn_app().await;
    let world = world(&app).await;
    let laptop = Browser::signed_in(&app, "admin@a.example").await;
    let phone = Browser::signed_in(&app, "admin@a.example").await;
    let sessions = app
        .store
        .sessions_of(world.people["admin"].1)
        .await
        .unwrap();
    assert_eq!(sessions.len(), 2);
    let html = laptop.get("/profiel").await.text().await.unwrap();
    assert!(html.contains("deze sessie"));
    let phone_session = sessions.iter().map(|s| s.id).max().unwrap();
    let response = laptop
        .post(&format!("/profiel/sessies/{phone_session}/beeindigen"), &[])
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        phone.get("/profiel").await.status(),
        StatusCode::SEE_OTHER,
        "the phone is out"
    );
    assert_eq!(laptop.get("/profiel").await.status(), StatusCode::OK);
    let other = Browser::signed_in(&app, "staff@a.example").await;
    let laptop_session = app
        .store
        .sessions_of(world.people["admin"].1)
        .await
        .unwrap()[0]
        .id;
    let response = other
        .post(
            &format!("/profiel/sessies/{laptop_session}/beeindigen"),
            &[],
        )
        .await;
    assert_eq!(
        response.status(),
        StatusCode::NOT_FOUND,
        "never someone else's session"
    );
    assert_eq!(laptop.get("/profiel").await.status(), StatusCode::OK);
}

#[tokio::test]
async fn failed_sign_ins_are_throttled_but_a_reset_still_gets_the_person_in() {
    let app = spawn_app().await;
    world(&app).await;
    let browser = Browser::new(&app);
    for attempt in 0..10 {
        let response = browser
            .post(
                "/inloggen",
                &[
                    ("email", "admin@a.example"),
                    ("password", "wrong password here"),
                ],
            )
            .await;
        assert_eq!(
            response.status(),
            StatusCode::UNAUTHORIZED,
            "attempt {attempt}"
        );
    }
    let throttled = browser
        .post(
            "/inloggen",
            &[("email", "admin@a.example"), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(
        throttled.status(),
        StatusCode::TOO_MANY_REQUESTS,
        "even the right password waits"
    );
    // 30 s after the tenth failure; the attempts themselves may have taken a second or two.
    let retry_after: i64 = throttled.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((25..=30).contains(&retry_after), "{retry_after}");
    assert!(
        throttled
            .text()
            .await
            .unwrap()
            .contains("Te veel mislukte pogingen")
    );

    let response = browser
        .post("/wachtwoord-vergeten", &[("email", "admin@a.example")])
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let link = link_in(&newest_mail(&app).await, "/wachtwoord-herstellen/");
    let new_password = "a brand new passphrase";
    let response = browser
        .post(
            &link,
            &[("password", new_password), ("password_again", new_password)],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let response = browser
        .post(
            "/inloggen",
            &[("email", "admin@a.example"), ("password", new_password)],
        )
        .await;
    assert_eq!(
        response.status(),
        StatusCode::SEE_OTHER,
        "the reset lifted the account's throttle"
    );
}

#[tokio::test]
async fn a_reset_link_works_once_for_an_hour_sends_no_referrer_and_ends_all_sessions() {
    let app = spawn_app().await;
    world(&app).await;
    let old_session = Browser::signed_in(&app, "staff@a.example").await;
    let browser = Browser::new(&app);
    let unknown = browser
        .post("/wachtwoord-vergeten", &[("email", "nobody@a.example")])
        .await;
    let known = browser
        .post("/wachtwoord-vergeten", &[("email", "staff@a.example")])
        .await;
    assert_eq!(
        unknown.text().await.unwrap().replace("nobody", "X"),
        known.text().await.unwrap().replace("staff", "X"),
        "the same answer for known and unknown emails"
    );
    let bad = browser
        .post("/wachtwoord-vergeten", &[("email", "geen adres")])
        .await;
    assert_eq!(bad.status(), StatusCode::BAD_REQUEST);

    let mail = newest_mail(&app).await;
    assert!(
        mail.contains("To: staff@a.example") && mail.contains("Nieuw wachtwoord voor Leidraad"),
        "{mail}"
    );
    let link = link_in(&mail, "/wachtwoord-herstellen/");
    let page = browser.get(&link).await;
    assert_eq!(page.headers()["referrer-policy"], "no-referrer");
    let weak = browser
        .post(
            &link,
            &[
                ("password", "password1234"),
                ("password_again", "password1234"),
            ],
        )
        .await;
    assert_eq!(weak.status(), StatusCode::BAD_REQUEST);
    assert_eq!(weak.headers()["referrer-policy"], "no-referrer");
    let fresh = "another good passphrase";
    let done = browser
        .post(&link, &[("password", fresh), ("password_again", fresh)])
        .await;
    assert_eq!(location(&done), "/inloggen?melding=wachtwoord-gewijzigd");
    assert_eq!(
        old_session.get("/profiel").await.status(),
        StatusCode::SEE_OTHER,
        "old sessions end"
    );
    let again = browser
        .post(
            &link,
            &[
                ("password", "yet another passphrase"),
                ("password_again", "yet another passphrase"),
            ],
        )
        .await;
    assert_eq!(again.status(), StatusCode::CONFLICT, "single use");

    browser
        .post("/wachtwoord-vergeten", &[("email", "staff@a.example")])
        .await;
    let late = link_in(&newest_mail(&app).await, "/wachtwoord-herstellen/");
    app.clock.advance(3601);
    assert_eq!(
        browser.get(&late).await.status(),
        StatusCode::CONFLICT,
        "an hour at most"
    );
    assert_eq!(
        browser
            .get("/wachtwoord-herstellen/nonsense")
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn an_admin_invites_and_the_invitee_joins_with_name_and_password() {
    let app = spawn_app().await;
    let world = world(&app).await;
    let admin = Browser::signed_in(&app, "admin@a.example").await;
    let path = format!("/organisaties/{}/uitnodigingen", world.org_a);
    let before = app.store.invitations(world.org_a).await.unwrap().len();
    for (email, role) in [
        ("geen-adres", "staff"),
        ("nieuw@a.example", "king"),
        ("nieuw@a.example", ""),
    ] {
        let response = admin.post(&path, &[("email", email), ("role", role)]).await;
        assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{email} {role}");
    }
    let foreign_school = world.school_b.to_string();
    let response = admin
        .post(
            &path,
            &[
                ("email", "nieuw@a.example"),
                ("role", "staff"),
                ("school", &foreign_school),
            ],
        )
        .await;
    assert_eq!(
        response.status(),
        StatusCode::BAD_REQUEST,
        "a school of another organisation"
    );
    assert_eq!(
        app.store.invitations(world.org_a).await.unwrap().len(),
        before,
        "nothing stored"
    );

    let school = world.school_a2.to_string();
    let response = admin
        .post(
            &path,
            &[
                ("email", "Nieuw@A.example"),
                ("role", "staff"),
                ("role", "coach"),
                ("school", &school),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let html = response.text().await.unwrap();
    let link = link_in(&html, "/uitnodiging/");
    assert!(
        newest_mail(&app).await.contains(&link),
        "the mailed link is the shown link"
    );

    let invitee = Browser::new(&app);
    let page = invitee.get(&link).await.text().await.unwrap();
    assert!(page.contains("Bestuur A") && page.contains("teamlid") && page.contains("coach"));
    let short = invitee
        .post(
            &link,
            &[
                ("name", "Nina"),
                ("password", "kort"),
                ("password_again", "kort"),
            ],
        )
        .await;
    assert_eq!(short.status(), StatusCode::BAD_REQUEST);
    assert!(
        app.store
            .person_by_email("nieuw@a.example")
            .await
            .unwrap()
            .is_none()
    );
    let joined = invitee
        .post(
            &link,
            &[
                ("name", "Nina Nieuw"),
                ("password", PASSWORD),
                ("password_again", PASSWORD),
            ],
        )
        .await;
    assert_eq!(location(&joined), format!("/organisaties/{}", world.org_a));
    let nina = app
        .store
        .person_by_email("nieuw@a.example")
        .await
        .unwrap()
        .unwrap();
    let member = app
        .store
        .member(world.org_a, nina.id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(member.roles, RoleSet::from([Role::Staff, Role::Coach]));
    assert_eq!(member.schools, [world.school_a2]);
    assert_eq!(
        invitee.get("/profiel").await.status(),
        StatusCode::OK,
        "signed in at once"
    );
    assert_eq!(
        Browser::new(&app).get(&link).await.status(),
        StatusCode::CONFLICT,
        "used once"
    );

    let revoke = format!(
        "/organisaties/{}/uitnodigingen/{}/intrekken",
        world.org_a, world.invitation_a
    );
    assert_eq!(
        admin.post(&revoke, &[]).await.status(),
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        admin.post(&revoke, &[]).await.status(),
        StatusCode::NOT_FOUND,
        "revoked already"
    );
    let log = app.store.audit_log(world.org_a, 50).await.unwrap();
    let events: Vec<_> = log
        .iter()
        .map(|e| format!("{} {}", e.event, e.outcome))
        .collect();
    for expected in [
        "invitation created",
        "invitation accepted",
        "invitation revoked",
        "sign-in succeeded",
    ] {
        assert!(
            events.iter().any(|e| e == expected),
            "{expected} in {events:?}"
        );
    }
}

#[tokio::test]
async fn an_invitation_expires_after_seven_days() {
    let app = spawn_app().await;
    let world = world(&app).await;
    let admin = Browser::signed_in(&app, "admin@a.example").await;
    let path = format!("/organisaties/{}/uitnodigingen", world.org_a);
    let html = admin
        .post(&path, &[("email", "laat@a.example"), ("role", "staff")])
        .await
        .text()
        .await
        .unwrap();
    let link = link_in(&html, "/uitnodiging/");
    app.clock.advance(7 * 86_400 - 60);
    assert_eq!(Browser::new(&app).get(&link).await.status(), StatusCode::OK);
    app.clock.advance(120);
    let late = Browser::new(&app).get(&link).await;
    assert_eq!(late.status(), StatusCode::CONFLICT);
    assert!(late.text().await.unwrap().contains("verlopen"));
}

#[tokio::test]
async fn the_last_admin_stays_and_roles_change_with_an_audit_trail() {
    let app = spawn_app().await;
    let world = world(&app).await;
    let admin = Browser::signed_in(&app, "admin@a.example").await;
    let me = world.people["admin"].1;
    let path = format!("/organisaties/{}/leden/{me}", world.org_a);
    let response = admin.post(&path, &[("role", "staff")]).await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("minstens één beheerder")
    );
    let removed = admin.post(&format!("{path}/verwijderen"), &[]).await;
    assert_eq!(removed.status(), StatusCode::CONFLICT);
    assert!(
        app.store
            .member(world.org_a, me)
            .await
            .unwrap()
            .unwrap()
            .roles
            .contains(Role::Admin)
    );

    let coach = world.people["coach"].1;
    let path = format!("/organisaties/{}/leden/{coach}", world.org_a);
    let school = world.school_a1.to_string();
    let response = admin
        .post(
            &path,
            &[
                ("role", "coach"),
                ("role", "school-leader"),
                ("school", &school),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let member = app.store.member(world.org_a, coach).await.unwrap().unwrap();
    assert_eq!(
        member.roles,
        RoleSet::from([Role::SchoolLeader, Role::Coach])
    );
    let log = app.store.audit_log(world.org_a, 10).await.unwrap();
    assert!(
        log.iter()
            .any(|e| e.event == "role-change" && e.detail == "coach>school-leader,coach")
    );
    assert_eq!(
        admin
            .post(&format!("{path}/verwijderen"), &[])
            .await
            .status(),
        StatusCode::SEE_OTHER
    );
    assert_eq!(app.store.member(world.org_a, coach).await.unwrap(), None);
}

#[tokio::test]
async fn api_tokens_are_made_on_the_profile_used_as_bearer_and_revoked() {
    let app = spawn_app().await;
    let world = world(&app).await;
    let browser = Browser::signed_in(&app, "school-leader@a.example").await;
    let empty = browser.post("/profiel/tokens", &[("name", "  ")]).await;
    assert_eq!(empty.status(), StatusCode::BAD_REQUEST);
    let html = browser
        .post("/profiel/tokens", &[("name", "rapportage")])
        .await
        .text()
        .await
        .unwrap();
    let marker = r#"id="new-token">"#;
    let start = html.find(marker).unwrap() + marker.len();
    let token = &html[start..start + 64];
    let me = app
        .client
        .get(app.url("/api/v1/me"))
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    assert_eq!(me.status(), StatusCode::OK);
    let me: serde_json::Value = me.json().await.unwrap();
    assert_eq!(me["email"], "school-leader@a.example");
    assert_eq!(me["organisations"][0]["roles"][0], "school-leader");
    // A bearer request needs no CSRF token: a browser never attaches one on its own.
    let members = app
        .client
        .get(app.url(&format!("/api/v1/organisations/{}/members", world.org_a)))
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    let members: serde_json::Value = members.json().await.unwrap();
    let names: Vec<&str> = members["members"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["email"].as_str().unwrap())
        .collect();
    assert_eq!(
        names.len(),
        2,
        "only the members of the leader's own school: {names:?}"
    );

    let tokens = app
        .store
        .api_tokens_of(world.people["school-leader"].1)
        .await
        .unwrap();
    let revoke = browser
        .post(&format!("/profiel/tokens/{}/intrekken", tokens[0].id), &[])
        .await;
    assert_eq!(revoke.status(), StatusCode::SEE_OTHER);
    let after = app
        .client
        .get(app.url("/api/v1/me"))
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    assert_eq!(after.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(after.headers()["www-authenticate"], "Bearer");
    assert_eq!(after.headers()["content-type"], "application/problem+json");
    let garbage = app
        .client
        .get(app.url("/api/v1/me"))
        .bearer_auth("nonsense")
        .send()
        .await
        .unwrap();
    assert_eq!(garbage.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(
        app.get("/api/v1/me").await.status(),
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn the_api_manages_schools_members_and_invitations_with_clear_refusals() {
    let app = spawn_app().await;
    let world = world(&app).await;
    let browser = Browser::signed_in(&app, "admin@a.example").await;
    let html = browser
        .post("/profiel/tokens", &[("name", "script")])
        .await
        .text()
        .await
        .unwrap();
    let start = html.find(r#"id="new-token">"#).unwrap() + 15;
    let token = html[start..start + 64].to_owned();
    let api = |method: reqwest::Method, path: String| {
        app.client
            .request(method, app.url(&path))
            .bearer_auth(&token)
    };
    let org = world.org_a;
    let created = api(
        reqwest::Method::POST,
        format!("/api/v1/organisations/{org}/schools"),
    )
    .json(&serde_json::json!({"name": "School A3"}))
    .send()
    .await
    .unwrap();
    assert_eq!(created.status(), StatusCode::CREATED);
    let duplicate = api(
        reqwest::Method::POST,
        format!("/api/v1/organisations/{org}/schools"),
    )
    .json(&serde_json::json!({"name": "School A3"}))
    .send()
    .await
    .unwrap();
    assert_eq!(duplicate.status(), StatusCode::CONFLICT);
    let problem: serde_json::Value = duplicate.json().await.unwrap();
    assert_eq!(problem["code"], "school-name-taken");
    let nonsense = api(
        reqwest::Method::POST,
        format!("/api/v1/organisations/{org}/schools"),
    )
    .header("content-type", "application/json")
    .body("{not json")
    .send()
    .await
    .unwrap();
    assert_eq!(nonsense.status(), StatusCode::BAD_REQUEST);

    let staff = world.people["staff"].1;
    let bad_role = api(
        reqwest::Method::PATCH,
        format!("/api/v1/organisations/{org}/members/{staff}"),
    )
    .json(&serde_json::json!({"roles": ["king"]}))
    .send()
    .await
    .unwrap();
    assert_eq!(bad_role.status(), StatusCode::BAD_REQUEST);
    let foreign = api(
        reqwest::Method::PATCH,
        format!("/api/v1/organisations/{org}/members/{staff}"),
    )
    .json(&serde_json::json!({"roles": ["staff"], "schools": [world.school_b.get()]}))
    .send()
    .await
    .unwrap();
    assert_eq!(foreign.status(), StatusCode::BAD_REQUEST);
    assert_eq!(
        app.store.member(org, staff).await.unwrap().unwrap().schools,
        [world.school_a1],
        "unchanged"
    );
    let promoted = api(reqwest::Method::PATCH, format!("/api/v1/organisations/{org}/members/{staff}"))
        .json(&serde_json::json!({"roles": ["staff", "school-leader"], "schools": [world.school_a2.get()]}))
        .send()
        .await
        .unwrap();
    assert_eq!(promoted.status(), StatusCode::NO_CONTENT);

    let invited = api(
        reqwest::Method::POST,
        format!("/api/v1/organisations/{org}/invitations"),
    )
    .json(&serde_json::json!({"email": "script@a.example", "roles": ["staff"]}))
    .send()
    .await
    .unwrap();
    assert_eq!(invited.status(), StatusCode::CREATED);
    let invited: serde_json::Value = invited.json().await.unwrap();
    assert!(invited["link"].as_str().unwrap().contains("/uitnodiging/"));
    let id = invited["id"].as_i64().unwrap();
    let stored = app.store.invitations(org).await.unwrap().len();
    let list: serde_json::Value = api(
        reqwest::Method::GET,
        format!("/api/v1/organisations/{org}/invitations"),
    )
    .send()
    .await
    .unwrap()
    .json()
    .await
    .unwrap();
    assert_eq!(list["invitations"].as_array().unwrap().len(), stored);
    let revoked = api(
        reqwest::Method::DELETE,
        format!("/api/v1/organisations/{org}/invitations/{id}"),
    )
    .send()
    .await
    .unwrap();
    assert_eq!(revoked.status(), StatusCode::NO_CONTENT);

    let openapi = app.get_json("/api/v1/openapi.json").await;
    for path in [
        "/api/v1/me",
        "/api/v1/organisations/{org}/members/{person}",
        "/api/v1/me/tokens",
    ] {
        assert!(openapi["paths"].get(path).is_some(), "{path} documented");
    }
    assert_eq!(
        openapi["components"]["securitySchemes"]["bearer"]["scheme"],
        "bearer"
    );
}

#[tokio::test]
async fn a_person_downloads_their_data_and_deletes_their_account() {
    let app = spawn_app().await;
    let world = world(&app).await;
    let browser = Browser::signed_in(&app, "staff@a.example").await;
    let json = browser.get("/profiel/gegevens.json").await;
    assert_eq!(json.status(), StatusCode::OK);
    assert!(
        json.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .contains("attachment")
    );
    let data: serde_json::Value = json.json().await.unwrap();
    assert_eq!(data["account"]["email"], "staff@a.example");
    assert_eq!(data["memberships"][0]["schools"][0], "School A1");
    assert!(
        data.to_string().find("argon2").is_none(),
        "no password hash"
    );
    let csv = browser
        .get("/profiel/gegevens/lidmaatschappen.csv")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        csv.starts_with("\"organisation_id\",\"organisation\""),
        "{csv}"
    );
    assert!(
        csv.contains("\"Bestuur A\",\"staff\",\"School A1\""),
        "{csv}"
    );
    assert_eq!(
        browser.get("/profiel/gegevens/anders.csv").await.status(),
        StatusCode::NOT_FOUND
    );

    let wrong = browser
        .post(
            "/profiel/verwijderen",
            &[("current_password", "not my password")],
        )
        .await;
    assert_eq!(wrong.status(), StatusCode::BAD_REQUEST);
    let staff = world.people["staff"].1;
    assert!(app.store.person(staff).await.unwrap().is_some());
    let deleted = browser
        .post("/profiel/verwijderen", &[("current_password", PASSWORD)])
        .await;
    assert_eq!(location(&deleted), "/inloggen?melding=account-verwijderd");
    assert_eq!(app.store.person(staff).await.unwrap(), None);
    assert_eq!(app.store.member(world.org_a, staff).await.unwrap(), None);
    assert!(app.store.sessions_of(staff).await.unwrap().is_empty());
    assert!(app.store.personal_data(staff).await.unwrap().is_none());
    let log = app.store.audit_log(world.org_a, 50).await.unwrap();
    assert!(log.iter().any(|e| e.event == "erasure"));
    assert!(
        log.iter()
            .all(|e| e.actor_name.as_deref() != Some("Test staff")),
        "the name is gone from the log"
    );

    let admin = Browser::signed_in(&app, "admin@a.example").await;
    let last = admin
        .post("/profiel/verwijderen", &[("current_password", PASSWORD)])
        .await;
    assert_eq!(
        last.status(),
        StatusCode::CONFLICT,
        "the last admin stays until replaced"
    );
}

/// A fingerprint of everything an outsider could try to change.
async fn snapshot(app: &TestApp, world: &World) -> String {
    let org = world.org_a;
    let store = &app.store;
    format!(
        "{:?}|{:?}|{:?}|{:?}",
        store.organisation(org).await.unwrap(),
        store.schools(org).await.unwrap(),
        store.members(org).await.unwrap(),
        store.invitations(org).await.unwrap(),
    )
}

/// Fills a route pattern with organisation A's ids.
fn path_in_a(pattern: &str, world: &World) -> String {
    pattern
        .replace("{org}", &world.org_a.to_string())
        .replace("{school}", &world.school_a1.to_string())
        .replace("{person}", &world.people["staff"].1.to_string())
        .replace("{invitation}", &world.invitation_a.to_string())
}

#[tokio::test]
async fn every_organisation_route_answers_an_outsider_404_and_changes_nothing() {
    let app = spawn_app().await;
    let world = world(&app).await;
    let outsider = Browser::signed_in(&app, &world.admin_b.0).await;
    let before = snapshot(&app, &world).await;
    let routes = leidraad_web::organisation_route_table();
    assert!(routes.len() >= 20, "{routes:?}");
    for (method, pattern) in routes {
        let path = path_in_a(pattern, &world);
        assert!(!path.contains('{'), "an unfilled parameter in {pattern}");
        let response = outsider.request(method.clone(), &path).await;
        assert_eq!(
            response.status(),
            StatusCode::NOT_FOUND,
            "{method} {path} as an outsider"
        );
        // The same route with an id that exists nowhere answers the same.
        let missing = path.replacen(&format!("/{}", world.org_a), "/987654", 1);
        let response = outsider.request(method.clone(), &missing).await;
        assert_eq!(
            response.status(),
            StatusCode::NOT_FOUND,
            "{method} {missing}"
        );
    }
    assert_eq!(snapshot(&app, &world).await, before);
}

/// The action each organisation route asks the policy about; a new route must be added here
/// or the matrix test fails.
fn action_of(method: &reqwest::Method, pattern: &str) -> (Action, bool) {
    use Action::*;
    let manage = |a| (a, true);
    match (method.as_str(), pattern.trim_start_matches("/api/v1")) {
        (
            "GET",
            "/organisaties/{org}" | "/organisations/{org}" | "/organisations/{org}/schools",
        ) => (ViewOrganisation, false),
        ("POST", "/organisaties/{org}/naam") => manage(ManageOrganisation),
        ("POST", p) if p.contains("scholen") || p.ends_with("/schools") => manage(ManageSchools),
        ("GET", "/organisaties/{org}/leden/{person}") => (ManageMembers, false),
        ("GET", "/organisations/{org}/members") => (ViewMembers, false),
        ("POST" | "PATCH" | "DELETE", p) if p.contains("leden") || p.contains("members") => {
            manage(ManageMembers)
        }
        ("GET", "/organisations/{org}/invitations") => (ViewInvitations, false),
        (_, p) if p.contains("uitnodigingen") || p.contains("invitations") => {
            manage(ManageInvitations)
        }
        ("GET", "/organisaties/{org}/logboek") => (ViewAuditLog, false),
        ("GET", "/organisaties/{org}/postvak-uit") => (ViewOutbox, false),
        other => panic!("no action known for {other:?}: add the route to action_of"),
    }
}

#[tokio::test]
async fn every_role_gets_exactly_what_the_policy_grants_on_every_organisation_route() {
    let app = spawn_app().await;
    let world = world(&app).await;
    for (code, (email, person)) in &world.people {
        if *code == "admin" {
            continue; // The admin's writes would change the world for the others; see below.
        }
        let browser = Browser::signed_in(&app, email).await;
        let memberships = app.store.memberships_of(*person).await.unwrap();
        let actor = memberships.iter().fold(Actor::new(*person), |actor, m| {
            actor.with_membership(
                Membership::new(m.organisation.organisation_id(), m.roles)
                    .in_schools(m.schools.clone()),
            )
        });
        let before = snapshot(&app, &world).await;
        for (method, pattern) in leidraad_web::organisation_route_table() {
            let (action, _) = action_of(&method, pattern);
            let path = path_in_a(pattern, &world);
            let response = browser.request(method.clone(), &path).await;
            let status = response.status();
            let members_by_school = pattern.ends_with("/members") && code == &"school-leader";
            let allowed = decide(&actor, action, &Target::organisation(world.org_a)).is_allowed()
                || members_by_school;
            if allowed {
                assert!(
                    status.is_success() || status.is_redirection(),
                    "{code} {method} {path}: {status}"
                );
            } else {
                assert_eq!(status, StatusCode::FORBIDDEN, "{code} {method} {path}");
            }
        }
        assert_eq!(
            snapshot(&app, &world).await,
            before,
            "{code} changed nothing"
        );
    }
    // The admin may do everything; only the page routes that read are walked, so the world
    // stays intact (the writes are covered by the flows above).
    let admin = Browser::signed_in(&app, "admin@a.example").await;
    for (method, pattern) in leidraad_web::organisation_route_table() {
        if method == reqwest::Method::GET {
            let path = path_in_a(pattern, &world);
            assert_eq!(
                admin.request(method.clone(), &path).await.status(),
                StatusCode::OK,
                "admin GET {path}"
            );
        }
    }
}

#[tokio::test]
async fn an_admin_renames_the_organisation_and_nonsense_changes_nothing() {
    let app = spawn_app().await;
    let world = world(&app).await;
    let admin = Browser::signed_in(&app, "admin@a.example").await;
    let path = format!("/organisaties/{}/naam", world.org_a);
    let page = admin
        .get(&format!("/organisaties/{}", world.org_a))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        page.contains(&format!(r#"action="{path}""#)),
        "the page offers the form"
    );
    let long = "x".repeat(121);
    for name in ["   ", long.as_str()] {
        let response = admin.post(&path, &[("name", name)]).await;
        assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    }
    let unchanged = app.store.organisation(world.org_a).await.unwrap().unwrap();
    assert_eq!(unchanged.name, "Bestuur A");
    let renamed = admin.post(&path, &[("name", "  Stichting A  ")]).await;
    assert_eq!(renamed.status(), StatusCode::SEE_OTHER);
    let organisation = app.store.organisation(world.org_a).await.unwrap().unwrap();
    assert_eq!(organisation.name, "Stichting A");
    let english = admin
        .client
        .post(app.url(&path))
        .header("accept-language", "en")
        .form(&[("name", ""), ("csrf_token", admin.csrf.as_str())])
        .send()
        .await
        .unwrap();
    assert!(
        english
            .text()
            .await
            .unwrap()
            .contains("Enter the name of the organisation")
    );
}

#[tokio::test]
async fn a_changed_role_takes_effect_on_the_very_next_request() {
    let app = spawn_app().await;
    let world = world(&app).await;
    let staff = Browser::signed_in(&app, "staff@a.example").await;
    let invitations = format!("/api/v1/organisations/{}/invitations", world.org_a);
    assert_eq!(
        staff.get(&invitations).await.status(),
        StatusCode::FORBIDDEN
    );
    let admin = Browser::signed_in(&app, "admin@a.example").await;
    let member = format!(
        "/organisaties/{}/leden/{}",
        world.org_a, world.people["staff"].1
    );
    let promoted = admin
        .post(&member, &[("role", "staff"), ("role", "admin")])
        .await;
    assert_eq!(promoted.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        staff.get(&invitations).await.status(),
        StatusCode::OK,
        "at once"
    );
    let demoted = admin.post(&member, &[("role", "staff")]).await;
    assert_eq!(demoted.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        staff.get(&invitations).await.status(),
        StatusCode::FORBIDDEN,
        "at once"
    );
}
