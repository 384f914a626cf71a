//! The learning log's rules: activities as typed, and evidence judged by its bytes.

use super::*;
use crate::{SourceFile, load_library};

fn library() -> crate::Library {
    let file = |name: &str, text: &str| SourceFile {
        path: format!("beroepsstandaard-schoolleiders/{name}"),
        text: text.into(),
    };
    load_library(&[
        file(
            "framework.toml",
            include_str!("../../../../content/beroepsstandaard-schoolleiders/framework.toml"),
        ),
        file(
            "cards.toml",
            include_str!("../../../../content/beroepsstandaard-schoolleiders/cards.toml"),
        ),
        file(
            "dialogue-cards.toml",
            include_str!("../../../../content/beroepsstandaard-schoolleiders/dialogue-cards.toml"),
        ),
    ])
    .expect("the real content loads")
}

#[test]
fn hours_take_a_comma_or_a_point_and_become_minutes() {
    for (typed, minutes) in [
        ("1,5", 90),
        ("1.5", 90),
        ("2", 120),
        (" 0,25 ", 15),
        (",5", 30),
        ("", 0),
        ("0", 0),
        ("1000", 60_000),
        ("0,01", 1),
    ] {
        assert_eq!(parse_hours(typed), Ok(minutes), "{typed:?}");
    }
    for bad in [
        "-1", "-0,5", "1000,5", "1001", "1,555", "1,5,5", "een", "1e3", ".", "+2",
    ] {
        assert_eq!(
            parse_hours(bad),
            Err(DevelopmentError::ActivityHoursInvalid),
            "{bad:?}"
        );
    }
    assert_eq!(format_hours(90, true), "1,5");
    assert_eq!(format_hours(90, false), "1.5");
    assert_eq!(format_hours(120, true), "2");
    assert_eq!(format_hours(15, false), "0.25");
}

#[test]
fn points_are_whole_numbers_up_to_a_hundred() {
    assert_eq!(parse_points(""), Ok(0));
    assert_eq!(parse_points("40"), Ok(40));
    assert_eq!(parse_points("100"), Ok(100));
    for bad in ["-5", "101", "2.5", "tien", "1000"] {
        assert_eq!(
            parse_points(bad),
            Err(DevelopmentError::ActivityPointsInvalid),
            "{bad}"
        );
    }
}

#[test]
fn an_activity_is_checked_field_by_field() {
    let library = library();
    let framework = library.default_framework().unwrap();
    let form = ActivityForm {
        kind: "course",
        title: "Cursus verandermanagement",
        day: "2026-03-12",
        hours: "6",
        minutes: None,
        points: "20",
        domains: vec!["visie"],
        cards: vec!["medewerkers-02", "visie-01"],
        learned: "Veel.\r\nEcht.",
        differently: "",
    };
    let activity = Activity::parse(framework, &form).unwrap();
    assert_eq!(activity.kind, ActivityKind::Course);
    assert_eq!(activity.minutes, 360);
    assert_eq!(activity.domains, ["visie", "medewerkers"]);
    assert_eq!(activity.cards, ["visie-01", "medewerkers-02"]);
    assert_eq!(activity.learned, "Veel.\nEcht.");

    let refused = |change: fn(&mut ActivityForm<'static>), code: &str| {
        let mut bad = form.clone();
        change(&mut bad);
        let error = Activity::parse(framework, &bad).unwrap_err();
        assert_eq!(error.code(), code);
    };
    refused(|f| f.cards = vec!["elders-01"], "activity-card-unknown");
    refused(|f| f.domains = vec!["elders"], "activity-domain-unknown");
    refused(|f| f.kind = "vakantie", "activity-kind-unknown");
    refused(|f| f.day = "12-03-2026", "date-invalid");
    refused(|f| f.hours = "-2", "activity-hours-invalid");
    refused(|f| f.points = "-10", "activity-points-invalid");
    refused(|f| f.minutes = Some(-1), "activity-hours-invalid");
    refused(|f| f.minutes = Some(60_001), "activity-hours-invalid");
    let api = ActivityForm {
        minutes: Some(7),
        hours: "not read",
        ..form.clone()
    };
    assert_eq!(Activity::parse(framework, &api).unwrap().minutes, 7);
    refused(|f| f.title = "a\u{1b}b", "activity-title-invalid");
    refused(|f| f.title = " ", "activity-title-invalid");
    refused(|f| f.learned = "a\u{0}b", "activity-text-invalid");
}

const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";

#[test]
fn documents_and_images_are_known_by_their_bytes() {
    assert_eq!(sniff(b"%PDF-1.4\n..."), Ok(EvidenceType::Pdf));
    assert_eq!(sniff(PNG), Ok(EvidenceType::Png));
    assert_eq!(sniff(b"\xff\xd8\xff\xe0\0\x10JFIF"), Ok(EvidenceType::Jpeg));
    assert_eq!(sniff(b"GIF89a\x01\0"), Ok(EvidenceType::Gif));
    assert_eq!(sniff(b"RIFF\x10\0\0\0WEBPVP8 "), Ok(EvidenceType::Webp));
    let zip = |names: &[&str]| {
        let mut bytes = b"PK\x03\x04".to_vec();
        bytes.extend([0u8; 26]);
        for name in names {
            bytes.extend(name.as_bytes());
        }
        bytes
    };
    assert_eq!(
        sniff(&zip(&["[Content_Types].xml", "word/document.xml"])),
        Ok(EvidenceType::Docx)
    );
    assert_eq!(
        sniff(&zip(&["[Content_Types].xml", "xl/workbook.xml"])),
        Ok(EvidenceType::Xlsx)
    );
    assert_eq!(
        sniff(&zip(&["[Content_Types].xml", "ppt/slides/slide1.xml"])),
        Ok(EvidenceType::Pptx)
    );
    assert_eq!(
        sniff(&zip(&[
            "mimetype",
            "application/vnd.oasis.opendocument.textPK"
        ])),
        Ok(EvidenceType::Odt)
    );
    let ole = |stream: &str| {
        let mut bytes = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1".to_vec();
        bytes.extend([0u8; 100]);
        bytes.extend(stream.encode_utf16().flat_map(u16::to_le_bytes));
        bytes
    };
    assert_eq!(sniff(&ole("WordDocument")), Ok(EvidenceType::Doc));
    assert_eq!(sniff(&ole("Workbook")), Ok(EvidenceType::Xls));
    assert_eq!(sniff(&ole("PowerPoint Document")), Ok(EvidenceType::Ppt));
    for kind in [EvidenceType::Pdf, EvidenceType::Docx, EvidenceType::Odp] {
        assert_eq!(
            EvidenceType::from_content_type(kind.content_type()),
            Some(kind)
        );
    }
}

#[test]
fn programs_pages_scripts_and_strangers_are_refused() {
    let refused = Err(DevelopmentError::EvidenceTypeRefused);
    for bytes in [
        &b"<!DOCTYPE html><html><script>alert(1)</script>"[..],
        b"<html><body>",
        b"  <svg xmlns='http://www.w3.org/2000/svg'>",
        b"<?xml version='1.0'?><svg>",
        b"\x7fELF\x02\x01\x01",
        b"MZ\x90\0\x03\0\0\0",
        b"\xcf\xfa\xed\xfe\x07\0\0\x01",
        b"\xca\xfe\xba\xbe",
        b"#!/bin/sh\nrm -rf /",
        b"PK\x03\x04 just a zip with a jar inside",
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 an installer",
        b"plain text",
        b"",
    ] {
        assert_eq!(
            sniff(bytes),
            refused,
            "{:?}",
            String::from_utf8_lossy(bytes)
        );
    }
    // A Word file with macros can run code when opened.
    let mut docm = b"PK\x03\x04".to_vec();
    docm.extend(b"[Content_Types].xml word/ word/vbaProject.bin");
    assert_eq!(sniff(&docm), refused);
}

#[test]
fn sizes_and_the_quota_have_limits() {
    assert_eq!(check_size(MAX_FILE_BYTES), Ok(()));
    assert_eq!(
        check_size(MAX_FILE_BYTES + 1),
        Err(DevelopmentError::EvidenceTooLarge)
    );
    assert_eq!(check_size(0), Err(DevelopmentError::EvidenceTypeRefused));
    assert_eq!(check_quota(MAX_PERSON_BYTES - 10, 10), Ok(()));
    assert_eq!(
        check_quota(MAX_PERSON_BYTES - 10, 11),
        Err(DevelopmentError::EvidenceQuotaFull)
    );
    let mut big = b"%PDF-".to_vec();
    big.resize(MAX_FILE_BYTES + 1, b' ');
    assert_eq!(
        check_evidence("groot.pdf", &big),
        Err(DevelopmentError::EvidenceTooLarge)
    );
}

#[test]
fn filenames_are_shown_clean_with_the_right_extension() {
    let pdf = EvidenceType::Pdf;
    assert_eq!(clean_filename("Certificaat.PDF", pdf), "Certificaat.pdf");
    assert_eq!(
        clean_filename("C:\\Users\\sanne\\cert.pdf", pdf),
        "cert.pdf"
    );
    assert_eq!(clean_filename("../../etc/passwd", pdf), "passwd.pdf");
    assert_eq!(clean_filename("a\u{0}b\u{1b}[31m.pdf", pdf), "ab[31m.pdf");
    assert_eq!(clean_filename(".hidden.pdf", pdf), "hidden.pdf");
    assert_eq!(clean_filename("", pdf), "bewijs.pdf");
    assert_eq!(clean_filename("pdf", pdf), "bewijs.pdf");
    assert_eq!(clean_filename("foto.jpeg", EvidenceType::Jpeg), "foto.jpeg");
    assert_eq!(clean_filename("foto.pdf", EvidenceType::Png), "foto.png");
    assert_eq!(clean_filename("say \"hi\".pdf", pdf), "say hi.pdf");
    assert_eq!(clean_filename("evil\u{202e}fdp.exe", pdf), "evilfdp.pdf");
    let long = clean_filename(&format!("{}.pdf", "é".repeat(300)), pdf);
    assert_eq!(long.chars().count(), 120);
    assert!(long.ends_with(".pdf"));
}
