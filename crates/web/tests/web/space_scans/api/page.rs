//! The questionnaire page's way in (the cookie and the page's form token), and a board's scan
//! across schools.

use super::*;

/// The form token of the questionnaire page, as the page derives it from the link (see
/// `leidraad_web`'s `rater_link::csrf_token`) and its script sends it.
fn page_token(link: &str) -> String {
    digest_of(&format!("leidraad-link-form:{link}"))
}

#[tokio::test]
async fn the_questionnaire_page_saves_with_its_cookie_and_form_token_and_a_board_scans_schools() {
    let app = spawn_app().await;
    let world = world(&app).await;
    // A board member starts one scan across two schools: a unit (and shared link) for each.
    let board = api_token(&app, BOARD).await;
    let mut body = new_scan(&app, &world);
    body["schools"] = json!([world.school_a1.get(), world.school_a2.get()]);
    body["threshold"] = json!(3);
    let created = start(&app, &board, body).await;
    let labels: Vec<&Value> = created["units"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| &u["label"])
        .collect();
    assert_eq!(labels, [&json!("School A1"), &json!("School A2")]);
    let link = respondent(&app, &created["units"][1]).await;
    let cookie = format!("leidraad_scan={link}");
    let put = |token: Option<String>| {
        let mut request = app
            .client
            .put(app.url("/api/v1/respondent/answers/ruimte-01"))
            .header(COOKIE, &cookie)
            .header("sec-fetch-site", "same-origin")
            .json(&json!({"answer": "oneens"}));
        if let Some(token) = token {
            request = request.header("x-csrf-token", token);
        }
        request.send()
    };
    let without = put(None).await.unwrap();
    assert_eq!(refused(without, StatusCode::FORBIDDEN).await, "cross-site");
    let wrong = put(Some(page_token("another"))).await.unwrap();
    assert_eq!(refused(wrong, StatusCode::FORBIDDEN).await, "cross-site");
    let id = created["id"].as_i64().unwrap();
    assert_eq!(
        stored(&app, id, &[&link])
            .await
            .matches("DraftItem")
            .count(),
        0
    );
    let saved = put(Some(page_token(&link))).await.unwrap();
    assert_eq!(saved.status(), StatusCode::OK);
    let form: Value = app
        .client
        .get(app.url("/api/v1/respondent"))
        .header(COOKIE, &cookie)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(form["unit"], "School A2");
    assert_eq!(form["draft"]["ratings"], json!({"ruimte-01": "oneens"}));
    app.stop().await;
}
