//! The geometry of the radar chart: one spoke per domain, the mean score (1–4) as the
//! distance from the centre. The web layer draws it as SVG; this module only computes points,
//! so the chart is testable and identical on every page and print.

use std::f64::consts::PI;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RadarPoint {
    pub x: f64,
    pub y: f64,
}

impl RadarPoint {
    fn svg(self) -> String {
        format!("{:.1},{:.1}", self.x, self.y)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct RadarChart {
    pub size: f64,
    /// The end of each spoke (score 4), clockwise from the top.
    pub spokes: Vec<RadarPoint>,
    /// Where each spoke's label goes, a little beyond its end.
    pub labels: Vec<RadarPoint>,
    /// The rings for scores 1, 2, 3 and 4, as SVG `points`.
    pub rings: Vec<String>,
    /// The profile's shape as SVG `points`; an unscored domain sits at the centre.
    pub shape: String,
    /// The shape's corners, for dots on the chart.
    pub corners: Vec<RadarPoint>,
}

impl RadarChart {
    /// A chart of `size` × `size` for the means of the domains in order.
    pub fn new(means: &[Option<f64>], size: f64) -> RadarChart {
        let frame = RadarFrame::new(means.len(), size);
        let corners = frame.corners(means);
        RadarChart {
            size,
            spokes: frame.spokes,
            labels: frame.labels,
            rings: frame.rings,
            shape: polygon(&corners),
            corners,
        }
    }
}

/// What a chart draws whatever the scores: the same for every chart of as many domains, so
/// a page can keep it and compute only the corners of each profile.
#[derive(Debug, Clone, PartialEq)]
pub struct RadarFrame {
    pub size: f64,
    /// As [`RadarChart::spokes`].
    pub spokes: Vec<RadarPoint>,
    /// As [`RadarChart::labels`].
    pub labels: Vec<RadarPoint>,
    /// As [`RadarChart::rings`].
    pub rings: Vec<String>,
}

impl RadarFrame {
    /// The frame of a `size` × `size` chart of `count` domains.
    pub fn new(count: usize, size: f64) -> RadarFrame {
        let at = |index, score| point(size, count, index, score);
        RadarFrame {
            size,
            spokes: (0..count).map(|i| at(i, 4.0)).collect(),
            labels: (0..count).map(|i| at(i, 4.9)).collect(),
            rings: (1..=4)
                .map(|score| {
                    let ring: Vec<RadarPoint> =
                        (0..count).map(|i| at(i, f64::from(score))).collect();
                    polygon(&ring)
                })
                .collect(),
        }
    }

    /// The profile's shape: one corner per domain, the means in the frame's order; an
    /// unscored domain sits at the centre. As [`RadarChart::corners`].
    pub fn corners(&self, means: &[Option<f64>]) -> Vec<RadarPoint> {
        let count = self.spokes.len();
        means
            .iter()
            .enumerate()
            .map(|(i, mean)| point(self.size, count, i, mean.unwrap_or(0.0)))
            .collect()
    }
}

/// Where `score` lies on spoke `index` of `count`, clockwise from the top.
fn point(size: f64, count: usize, index: usize, score: f64) -> RadarPoint {
    let centre = size / 2.0;
    let radius = size * 0.34;
    let angle = -PI / 2.0 + 2.0 * PI * index as f64 / count.max(1) as f64;
    let r = radius * score.clamp(0.0, 4.0) / 4.0;
    RadarPoint {
        x: centre + r * angle.cos(),
        y: centre + r * angle.sin(),
    }
}

/// Points as SVG `points`.
fn polygon(points: &[RadarPoint]) -> String {
    points.iter().map(|p| p.svg()).collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_spoke_points_up_and_a_full_score_reaches_its_end() {
        let chart = RadarChart::new(&[Some(4.0), Some(2.0), None, Some(1.0)], 400.0);
        assert_eq!(chart.spokes.len(), 4);
        let top = chart.spokes[0];
        assert!((top.x - 200.0).abs() < 1e-9 && top.y < 200.0);
        assert_eq!(chart.corners[0], top);
        let half = chart.corners[1];
        assert!(
            (half.x - (200.0 + 400.0 * 0.34 / 2.0)).abs() < 1e-9,
            "{half:?}"
        );
        assert_eq!(
            chart.corners[2],
            RadarPoint { x: 200.0, y: 200.0 },
            "unscored: the centre"
        );
        assert_eq!(chart.rings.len(), 4);
        assert_eq!(chart.shape.split(' ').count(), 4);
    }

    #[test]
    fn a_frame_kept_for_a_domain_count_draws_the_same_chart() {
        let means = [Some(3.4), None, Some(1.0), Some(2.25), Some(4.0)];
        let chart = RadarChart::new(&means, 320.0);
        let frame = RadarFrame::new(means.len(), 320.0);
        assert_eq!(frame.spokes, chart.spokes);
        assert_eq!(frame.labels, chart.labels);
        assert_eq!(frame.rings, chart.rings);
        assert_eq!(frame.corners(&means), chart.corners);
    }
}
