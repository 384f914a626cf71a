use super::*;

/// The standard's domains as the content names them.
const DUTCH: [&str; 9] = [
    "Visiegestuurd werken",
    "Ontwikkeling van medewerkers",
    "Schoolontwikkeling",
    "Onderwijskwaliteit",
    "Verbinding met de (bredere) omgeving",
    "Cognitieve kwaliteiten",
    "Sociale kwaliteiten",
    "Psychologische kwaliteiten",
    "Zingevende kwaliteiten",
];
const ENGLISH: [&str; 9] = [
    "Vision-driven work",
    "Developing staff",
    "School development",
    "Quality of education",
    "Connecting with the (wider) environment",
    "Cognitive qualities",
    "Social qualities",
    "Psychological qualities",
    "Meaning-making qualities",
];

/// The checks every chart must pass: every name readable, none over another or over a dot,
/// all inside the view box.
fn assert_readable(names: &[&str]) {
    let frame = RadarFrame::new(names);
    assert_eq!(frame.labels.len(), names.len());
    let dots: Vec<(f64, f64, f64, f64)> = frame
        .spokes
        .iter()
        .map(|p| {
            let r = DOT_RADIUS + 1.0;
            (p.x - r, p.x + r, p.y - r, p.y + r)
        })
        .collect();
    for (i, label) in frame.labels.iter().enumerate() {
        let words: Vec<&str> = label.lines.iter().map(|(_, l)| l.as_str()).collect();
        if !label.shortened {
            assert_eq!(words.join(" "), names[i], "every word, in order");
        }
        assert!(label.lines.len() <= 3, "{:?}", label.lines);
        assert!(
            label.left() >= 0.0 && label.right() <= WIDTH,
            "{} within the width: {}..{}",
            names[i],
            label.left(),
            label.right()
        );
        assert!(label.top() >= frame.top && label.bottom() <= frame.top + frame.height);
        for (j, other) in frame.labels.iter().enumerate() {
            assert!(
                i == j || !label.overlaps(other),
                "{} overlaps {} ({} domains)",
                names[i],
                names[j],
                names.len()
            );
        }
        for (j, (left, right, top, bottom)) in dots.iter().enumerate() {
            let clear = label.right() <= *left
                || label.left() >= *right
                || label.bottom() <= *top
                || label.top() >= *bottom;
            assert!(clear, "{} covers the dot of spoke {j}", names[i]);
        }
    }
}

#[test]
fn one_or_two_domains_are_bars_three_and_more_a_radar() {
    assert_eq!(ChartKind::for_domains(0), ChartKind::Bars);
    assert_eq!(ChartKind::for_domains(1), ChartKind::Bars);
    assert_eq!(ChartKind::for_domains(2), ChartKind::Bars);
    assert_eq!(ChartKind::for_domains(3), ChartKind::Radar);
    assert_eq!(ChartKind::for_domains(9), ChartKind::Radar);
    assert_eq!(bar_percent(Some(4.0)), 100.0);
    assert_eq!(bar_percent(Some(2.0)), 50.0);
    assert_eq!(bar_percent(None), 0.0);
}

#[test]
fn three_domains_name_every_spoke_clear_of_the_dots() {
    assert_readable(&DUTCH[..3]);
    assert_readable(&[DUTCH[0], DUTCH[3], DUTCH[6]]);
    assert_readable(&ENGLISH[2..5]);
    let frame = RadarFrame::new(&DUTCH[..3]);
    assert_eq!(
        frame.labels[0].anchor,
        Anchor::Middle,
        "the top spoke's name"
    );
    assert_eq!(frame.labels[1].anchor, Anchor::Start);
    assert_eq!(frame.labels[2].anchor, Anchor::End);
    assert!(frame.labels[0].bottom() < frame.spokes[0].y - DOT_RADIUS);
}

#[test]
fn nine_domains_name_every_spoke_in_both_languages_without_shortening() {
    for names in [DUTCH, ENGLISH] {
        assert_readable(&names);
        let frame = RadarFrame::new(&names);
        assert!(
            frame.labels.iter().all(|l| !l.shortened),
            "{:?}",
            frame.labels
        );
    }
}

#[test]
fn any_count_from_three_to_twelve_with_long_names_stays_readable() {
    let long = "Leidinggeven aan de verbinding met de bredere omgeving van de school";
    for count in 3..=12 {
        let names: Vec<&str> = (0..count)
            .map(|i| if i % 2 == 0 { long } else { DUTCH[i % 9] })
            .collect();
        assert_readable(&names);
    }
}

#[test]
fn a_name_too_long_is_shortened_and_a_word_too_wide_cut() {
    let (lines, shortened) = labels::wrap("een twee drie vier vijf zes zeven acht negen", 4.0, 3);
    assert_eq!(lines.len(), 3);
    assert!(shortened && lines[2].ends_with('…'), "{lines:?}");
    let (lines, shortened) = labels::wrap("Onderwijskwaliteitsverbetering", 6.0, 3);
    assert!(shortened && lines[0].ends_with('…'), "{lines:?}");
    assert!(labels::text_width(&lines[0]) <= 6.0);
    let (lines, shortened) = labels::wrap("Visiegestuurd werken", 20.0, 3);
    assert_eq!(lines, ["Visiegestuurd werken"]);
    assert!(!shortened);
}

#[test]
fn the_first_spoke_points_up_and_a_full_score_reaches_its_end() {
    let frame = RadarFrame::new(&["a", "b", "c", "d"]);
    let corners = frame.corners(&[Some(4.0), Some(2.0), None, Some(9.0)]);
    let top = frame.spokes[0];
    assert!((top.x - frame.centre.x).abs() < 1e-9 && top.y < frame.centre.y);
    assert_eq!(corners[0], top);
    assert!((corners[1].x - (frame.centre.x + RADIUS / 2.0)).abs() < 1e-9);
    assert_eq!(corners[2], frame.centre, "unscored: the centre");
    assert_eq!(corners[3], frame.spokes[3], "no further than 4");
    assert_eq!(frame.rings.len(), 4);
    assert!(frame.top < -RADIUS && frame.top + frame.height > RADIUS);
}
