//! Coordinates as the charts write them.

/// A coordinate written with `N` decimals, as `{:.N}` writes it for the chart's values,
/// without a float formatter, an allocation or HTML escaping (digits and a point need
/// none). A page draws some two hundred of them.
#[derive(Debug, Clone, Copy)]
pub struct Fixed<const N: u32>(pub f64);

impl<const N: u32> std::fmt::Display for Fixed<N> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // More decimals than an i64 has digits would not fit the buffer below.
        const { assert!(N <= 18) };
        // Rounded to whole hundredths (or tenths) first: the chart's values are never a
        // half-way case, where `{:.N}` would round to even.
        let scaled = (self.0 * 10_f64.powi(N as i32)).round() as i64;
        // Written back to front into a buffer and handed over in one piece: the formatter's
        // own machinery, run for each of the digits' parts, cost more than the page's
        // arithmetic. An i64 has at most 19 digits, a sign and a point: 21 bytes.
        let mut buffer = [0u8; 21];
        let mut at = buffer.len();
        let mut digit = |at: &mut usize, byte: u8| {
            *at -= 1;
            buffer[*at] = byte;
        };
        let mut rest = scaled.unsigned_abs();
        for _ in 0..N {
            digit(&mut at, b'0' + (rest % 10) as u8);
            rest /= 10;
        }
        if N > 0 {
            digit(&mut at, b'.');
        }
        loop {
            digit(&mut at, b'0' + (rest % 10) as u8);
            rest /= 10;
            if rest == 0 {
                break;
            }
        }
        if scaled < 0 {
            digit(&mut at, b'-');
        }
        f.write_str(std::str::from_utf8(&buffer[at..]).map_err(|_| std::fmt::Error)?)
    }
}

impl<const N: u32> askama::filters::HtmlSafe for Fixed<N> {}

#[cfg(test)]
mod tests {
    use super::Fixed;

    #[test]
    fn fixed_writes_what_the_float_formatter_writes() {
        for value in [
            0.0, 0.04, 1.0, 14.285714, 28.571428, 42.857142, 99.99, 100.0, 160.0, 51.2, 229.87,
            -3.25001, 123456.789,
        ] {
            assert_eq!(
                Fixed::<1>(value).to_string(),
                format!("{value:.1}"),
                "{value}"
            );
            assert_eq!(
                Fixed::<2>(value).to_string(),
                format!("{value:.2}"),
                "{value}"
            );
        }
    }
}
