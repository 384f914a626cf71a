//! Accounts over real HTTP: setup, sign-in and its throttle, sessions, CSRF, invitations and
//! reset links through the outbox, the profile, the API with tokens, and the walls between
//! organisations (generated from the route table) and between roles.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use leidraad_domain::accounts::{
    OrganisationId, Password, PersonId, Role, RoleSet, SchoolId, hash_password,
};
use leidraad_store::accounts::{NewInvitation, NewPerson};
use reqwest::StatusCode;
use reqwest::header::LOCATION;

use crate::helpers::TestApp;

mod care;
mod invitations;
mod members;
mod personal;
mod reset;
mod sign_in;

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

pub async fn join(
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
        let html = self.get("/account").await.text().await.unwrap();
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
