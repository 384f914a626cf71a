//! The portfolio of one register cycle: the print view, a real PDF (read back with
//! `pdftotext` where it is installed, as CI has it) holding every domain, the activities and
//! the totals; the ZIP with the PDF and every evidence file; JSON; all of them attachments that
//! are never cached, and only one's own.

use std::io::Read;

use leidraad_domain::development::{Day, SchoolYear};
use leidraad_store::learning_log::{ActivityFields, NewEvidence};
use reqwest::StatusCode;
use reqwest::header::{CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_TYPE};

use crate::accounts::{Browser, world};
use crate::helpers::{TestApp, spawn_app};
use crate::learning_log::PDF;

const LEADER: &str = "school-leader@a.example";

/// A cycle begun a year ago with two activities (one certified, with a PDF as evidence) and a
/// plan theme about a card of the first domain.
async fn a_year_of_growth(app: &TestApp) {
    let person = crate::feedback::person(app, LEADER).await;
    let now = app.clock.now();
    let today = Day::today(now);
    let start = today.plus_days(-365);
    app.store
        .set_register_cycle(person, &start.to_string(), 100, now)
        .await
        .unwrap();
    let framework = app.state.library.frameworks[0].id.clone();
    let visie = vec!["visie".to_owned()];
    let card = vec!["visie-01".to_owned()];
    let course = ActivityFields {
        kind: "course",
        title: "Cursus verandermanagement",
        happened_on: &today.plus_days(-200).to_string(),
        minutes: 16 * 60,
        points: 40,
        framework_id: &framework,
        domains: &visie,
        cards: &card,
        themes: &[],
        learned: "Dat verandering tijd en taal nodig heeft.",
        differently: "Ik begin elk traject met het waarom.",
    };
    let leidraad_store::learning_log::Change::Done(id) = app
        .store
        .add_activity(person, course, None, now)
        .await
        .unwrap()
    else {
        panic!("the course is logged");
    };
    let reading = ActivityFields {
        kind: "reading",
        title: "Boek over eigenaarschap",
        happened_on: &today.plus_days(-30).to_string(),
        minutes: 5 * 60,
        points: 0,
        domains: &[],
        cards: &[],
        learned: "",
        differently: "",
        ..course
    };
    app.store
        .add_activity(person, reading, None, now)
        .await
        .unwrap();
    let file = NewEvidence {
        activity_id: Some(id),
        filename: "certificaat.pdf",
        content_type: "application/pdf",
        bytes: PDF,
    };
    app.store
        .add_evidence(person, file, 200 << 20, now)
        .await
        .unwrap();
    let year = SchoolYear::of(today);
    let plan = app
        .store
        .ensure_plan(person, i64::from(year.start_year()), &framework, now)
        .await
        .unwrap();
    let theme = leidraad_store::plans::NewTheme {
        title: "Visie zichtbaar in de klas",
        goal: "Wat we beloven, zie je in elke klas.",
        monitoring: "",
        status: "underway",
        source_kind: "own",
        source_id: None,
        source_item: "",
        cards: &card,
    };
    app.store
        .add_theme(person, plan.id, &theme, now)
        .await
        .unwrap();
}

fn attachment(response: &reqwest::Response, content_type: &str, name: &str) {
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()[CONTENT_TYPE], content_type);
    assert_eq!(
        response.headers()[CONTENT_DISPOSITION],
        format!("attachment; filename=\"{name}\"").as_str()
    );
    assert_eq!(response.headers()[CACHE_CONTROL], "no-store");
}

/// The PDF's text by `pdftotext`, or `None` on a machine without it (never where
/// `LEIDRAAD_REQUIRE_PDFTOTEXT` is set, as `scripts/test` sets it).
fn pdf_text(bytes: &[u8]) -> Option<String> {
    let dir = std::env::temp_dir().join(format!("leidraad-portfolio-{}", fastrand::u64(..)));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("portfolio.pdf");
    std::fs::write(&path, bytes).unwrap();
    let output = std::process::Command::new("pdftotext")
        .args(["-layout"])
        .arg(&path)
        .arg("-")
        .output();
    let output = match output {
        Ok(output) => output,
        Err(_) if std::env::var_os("LEIDRAAD_REQUIRE_PDFTOTEXT").is_none() => return None,
        Err(error) => panic!("pdftotext is required here: {error}"),
    };
    std::fs::remove_dir_all(&dir).unwrap();
    assert!(output.status.success(), "pdftotext read the portfolio");
    Some(String::from_utf8(output.stdout).unwrap())
}

#[tokio::test]
async fn the_portfolio_holds_every_domain_the_activities_and_the_totals_as_pdf_zip_and_json() {
    let app = spawn_app().await;
    world(&app).await;
    a_year_of_growth(&app).await;
    let leader = Browser::signed_in(&app, LEADER).await;

    let view = leader.get("/portfolio").await;
    assert_eq!(view.status(), StatusCode::OK);
    let html = view.text().await.unwrap();
    for shown in [
        "Portfolio van Test school-leader",
        "Cursus verandermanagement",
        "Bewijsstuk: certificaat.pdf",
        "Visie zichtbaar in de klas",
        "href=\"/portfolio.pdf\"",
    ] {
        assert!(html.contains(shown), "{shown} in the print view");
    }

    let response = leader.get("/portfolio.pdf").await;
    attachment(&response, "application/pdf", "portfolio.pdf");
    let pdf = response.bytes().await.unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    if let Some(text) = pdf_text(&pdf) {
        let framework = &app.state.library.frameworks[0];
        for (index, domain) in framework.domains.iter().enumerate() {
            let heading = format!("{}. {}", index + 1, domain.title.nl);
            assert!(text.contains(&heading), "{heading} in\n{text}");
        }
        for shown in [
            "Cursus verandermanagement",
            "Boek over eigenaarschap",
            "Wat ik leerde: Dat verandering tijd en taal nodig heeft.",
            "Bewijsstuk: certificaat.pdf",
            "Registerpunten in deze periode",
            "Nog nodig (punten)",
            "Visie zichtbaar in de klas",
        ] {
            assert!(text.contains(shown), "{shown} in\n{text}");
        }
        let points = text
            .lines()
            .find(|l| l.contains("Registerpunten in deze periode"))
            .unwrap();
        assert!(points.trim_end().ends_with("40"), "{points}");
        let needed = text.lines().find(|l| l.contains("Nog nodig")).unwrap();
        assert!(needed.trim_end().ends_with("60"), "{needed}");
    }

    let response = leader.get("/portfolio.zip").await;
    attachment(&response, "application/zip", "portfolio.zip");
    let bytes = response.bytes().await.unwrap();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes.to_vec())).unwrap();
    let names: Vec<String> = archive
        .file_names()
        .map(|name| name.unwrap().into_owned())
        .collect();
    assert!(names.contains(&"portfolio.pdf".to_owned()), "{names:?}");
    let evidence = names
        .iter()
        .find(|n| n.ends_with("-certificaat.pdf"))
        .unwrap()
        .clone();
    let mut kept = Vec::new();
    archive
        .by_name(&evidence)
        .unwrap()
        .read_to_end(&mut kept)
        .unwrap();
    assert_eq!(kept, PDF, "the evidence file as it was uploaded");

    let response = leader.get("/portfolio.json").await;
    attachment(&response, "application/json", "portfolio.json");
    let json: serde_json::Value = response.json().await.unwrap();
    assert_eq!(json["total_points"], 40);
    assert_eq!(json["cycle"]["still_needed"], 60);
    assert_eq!(
        json["domains"][0]["activities"][0]["title"],
        "Cursus verandermanagement"
    );
    assert_eq!(
        json["domains"].as_array().unwrap().len(),
        10,
        "nine domains and the rest"
    );

    // The API says the same, and gives the same PDF.
    let api: serde_json::Value = leader.get("/api/v1/portfolio").await.json().await.unwrap();
    assert_eq!(api["total_points"], 40);
    assert_eq!(api["domains"], json["domains"]);
    let response = leader.get("/api/v1/portfolio/pdf").await;
    attachment(&response, "application/pdf", "portfolio.pdf");
    assert!(response.bytes().await.unwrap().starts_with(b"%PDF-"));

    // Someone else's portfolio is their own: the coach's holds none of this.
    let coach = Browser::signed_in(&app, "coach@a.example").await;
    let theirs = coach
        .get("/portfolio.json")
        .await
        .json::<serde_json::Value>()
        .await
        .unwrap();
    assert_eq!(theirs["total_points"], 0);
    assert_eq!(theirs["cycle"], serde_json::Value::Null);
}
