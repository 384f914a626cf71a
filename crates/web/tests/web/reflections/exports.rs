//! Downloads that open where people open them: CSV for Dutch Excel (a byte order mark,
//! semicolons, words instead of codes, formulas defused), XLSX workbooks read back, and the
//! print view's page margins.

use std::io::Read;

use reqwest::StatusCode;
use serde_json::json;

use super::*;
use crate::accounts::{Browser, world};
use crate::helpers::spawn_app;

/// Every file of an XLSX workbook (a zip archive), by name.
fn unzip(bytes: &[u8]) -> std::collections::BTreeMap<String, String> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip archive");
    (0..archive.len())
        .map(|i| {
            let mut file = archive.by_index(i).unwrap();
            let mut text = String::new();
            file.read_to_string(&mut text).unwrap();
            (file.name().unwrap().to_string(), text)
        })
        .collect()
}

fn header<'r>(response: &'r reqwest::Response, name: &str) -> &'r str {
    response.headers()[name].to_str().unwrap()
}

/// A finished reflection on two domains: visie-01 on "vanzelfsprekend", starred, with a note
/// a spreadsheet would run; the rest unsorted.
async fn reflection(leader: &Browser<'_>, organisation: i64) -> i64 {
    let id = start(
        leader,
        organisation,
        json!({"domains": ["visie", "sociaal"]}),
    )
    .await;
    let saved = answer(
        leader,
        id,
        "visie-01",
        json!({"pile": 4, "starred": true, "note": "=HYPERLINK(\"x\"); zie \"plan\""}),
    )
    .await;
    assert_eq!(saved.status(), StatusCode::OK);
    sort(leader, id, &["sociaal-01"], 1).await;
    finish(leader, id).await;
    id
}

#[tokio::test]
async fn the_reflection_csv_opens_in_dutch_excel_with_words_not_codes() {
    let app = spawn_app().await;
    let world = world(&app).await;
    let leader = Browser::signed_in(&app, "school-leader@a.example").await;
    let id = reflection(&leader, world.org_a.get()).await;
    let response = leader.get(&format!("/reflecties/{id}/export.csv")).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(header(&response, "content-type"), "text/csv; charset=utf-8");
    assert_eq!(header(&response, "cache-control"), "no-store");
    let disposition = header(&response, "content-disposition").to_owned();
    assert!(
        disposition.starts_with("attachment; filename=\"leidraad-zelfreflectie-")
            && disposition.ends_with(&format!("-{id}.csv\"")),
        "{disposition}"
    );
    let bytes = response.bytes().await.unwrap();
    assert_eq!(&bytes[..3], b"\xef\xbb\xbf", "a UTF-8 byte order mark");
    let csv = std::str::from_utf8(&bytes[3..]).unwrap();
    let lines: Vec<&str> = csv.split("\r\n").collect();
    assert_eq!(
        lines[0],
        "\"Domein\";\"Kaart\";\"Stapel\";\"Wil ik aan werken\";\"Focuskaart\";\"Notitie\";\"Bewijs\";\"Kaartcode\""
    );
    assert_eq!(
        lines.len(),
        1 + 7 + 7 + 1,
        "a line per card, and the last CRLF"
    );
    let first = lines[1];
    assert!(
        first.starts_with("\"Visiegestuurd werken\";\"Ik ")
            && first.contains(";\"vanzelfsprekend\";\"ja\";\"nee\";")
            && first.ends_with(";\"visie-01\""),
        "{first}"
    );
    assert!(
        first.contains(";\"'=HYPERLINK(\"\"x\"\"); zie \"\"plan\"\"\";"),
        "the formula defused, the quotes doubled, the semicolon kept inside: {first}"
    );
    assert!(csv.contains(";\"nog niet gesorteerd\";\"nee\";\"nee\";"));
    assert!(csv.contains("\"Sociale kwaliteiten\";") && csv.contains(";\"nog niet\";"));
}

#[tokio::test]
async fn the_reflection_and_account_workbooks_open_with_a_sheet_per_table() {
    let app = spawn_app().await;
    let world = world(&app).await;
    let leader = Browser::signed_in(&app, "school-leader@a.example").await;
    let id = reflection(&leader, world.org_a.get()).await;
    let response = leader.get(&format!("/reflecties/{id}/export.xlsx")).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(
        header(&response, "content-type"),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    );
    assert_eq!(header(&response, "cache-control"), "no-store");
    assert!(header(&response, "content-disposition").ends_with(&format!("-{id}.xlsx\"")));
    let files = unzip(&response.bytes().await.unwrap());
    let book = &files["xl/workbook.xml"];
    assert!(
        book.contains("name=\"Kaarten\"") && book.contains("name=\"Per domein\""),
        "{book}"
    );
    let strings = &files["xl/sharedStrings.xml"];
    for word in [
        "Domein",
        "Kaartcode",
        "vanzelfsprekend",
        "ja",
        "nee",
        "Visiegestuurd werken",
    ] {
        assert!(strings.contains(&format!(">{word}<")), "{word}");
    }
    assert!(
        strings.contains("=HYPERLINK(\"x\"); zie \"plan\"")
            || strings.contains("=HYPERLINK(&quot;x&quot;); zie &quot;plan&quot;"),
        "a note stays text, as typed"
    );
    let cards = &files["xl/worksheets/sheet1.xml"];
    assert!(!cards.contains("<f>"), "no formula anywhere");
    assert!(
        cards.contains("<cols>") && cards.contains("customWidth=\"1\""),
        "widths"
    );
    assert!(
        cards.contains("<pane ") && cards.contains("state=\"frozen\""),
        "the header stays"
    );
    assert!(files["xl/styles.xml"].contains("<b/>"), "a bold header");
    let domains = &files["xl/worksheets/sheet2.xml"];
    assert!(
        domains.contains("<v>4</v>"),
        "a mean as a number: {domains}"
    );

    let account = leader.get("/account/gegevens.xlsx").await;
    assert_eq!(account.status(), StatusCode::OK);
    assert_eq!(header(&account, "cache-control"), "no-store");
    assert_eq!(
        header(&account, "content-disposition"),
        "attachment; filename=\"leidraad-mijn-gegevens.xlsx\""
    );
    let files = unzip(&account.bytes().await.unwrap());
    let book = &files["xl/workbook.xml"];
    for sheet in ["Lidmaatschappen", "Sessies", "API-sleutels", "Logboek"] {
        assert!(book.contains(&format!("name=\"{sheet}\"")), "{sheet}");
    }
    let strings = &files["xl/sharedStrings.xml"];
    assert!(strings.contains(">schoolleider<") && strings.contains(">Bestuur A<"));
    assert!(
        strings.contains(">inloggen<") && strings.contains(">gelukt<"),
        "the audit log in words: {strings}"
    );

    let csv = leader.get("/account/gegevens/sessies.csv").await;
    let bytes = csv.bytes().await.unwrap();
    let text = std::str::from_utf8(&bytes).unwrap();
    assert!(
        text.starts_with("\u{feff}\"Ingelogd op\";\"Laatst actief\";\"Browser\"\r\n"),
        "{text}"
    );
    assert!(
        !text.contains(";\"17"),
        "times as people read them, not seconds"
    );
}

#[tokio::test]
async fn the_print_view_has_page_margins_and_the_card_sheets_none() {
    let app = spawn_app().await;
    let world = world(&app).await;
    let leader = Browser::signed_in(&app, "school-leader@a.example").await;
    let id = reflection(&leader, world.org_a.get()).await;
    let print = leader.get(&format!("/reflecties/{id}/afdrukken")).await;
    assert_eq!(print.status(), StatusCode::OK);
    let page = print.text().await.unwrap();
    assert!(page.contains("<body class=\"reflection-print\">"));
    assert!(page.contains("<table class=\"data-table print-cards\">"));
    let css_path = page
        .split("rel=\"stylesheet\" href=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("the stylesheet");
    let css = leader.get(css_path).await.text().await.unwrap();
    assert!(
        css.contains("@page { size: A4; margin: 16mm 14mm; }"),
        "margins by default"
    );
    assert!(css.contains("@page card-sheets { size: A4; margin: 0; }"));
    assert!(
        css.contains(".print-view { page: card-sheets; }"),
        "only the sheets to the edge"
    );
    assert!(!css.contains("@page { size: A4; margin: 0; }"));
    assert!(css.contains(".print-cards { table-layout: fixed; }"));
}
