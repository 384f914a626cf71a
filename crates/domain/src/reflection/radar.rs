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
        let centre = size / 2.0;
        let radius = size * 0.34;
        let at = |index: usize, score: f64| {
            let angle = -PI / 2.0 + 2.0 * PI * index as f64 / means.len().max(1) as f64;
            let r = radius * score.clamp(0.0, 4.0) / 4.0;
            RadarPoint {
                x: centre + r * angle.cos(),
                y: centre + r * angle.sin(),
            }
        };
        let polygon =
            |points: &[RadarPoint]| points.iter().map(|p| p.svg()).collect::<Vec<_>>().join(" ");
        let corners: Vec<RadarPoint> = means
            .iter()
            .enumerate()
            .map(|(i, mean)| at(i, mean.unwrap_or(0.0)))
            .collect();
        RadarChart {
            size,
            spokes: (0..means.len()).map(|i| at(i, 4.0)).collect(),
            labels: (0..means.len()).map(|i| at(i, 4.9)).collect(),
            rings: (1..=4)
                .map(|score| {
                    let ring: Vec<RadarPoint> =
                        (0..means.len()).map(|i| at(i, f64::from(score))).collect();
                    polygon(&ring)
                })
                .collect(),
            shape: polygon(&corners),
            corners,
        }
    }
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
}
