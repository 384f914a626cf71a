//! Typed text, checked by one rule wherever people type it: a note beside a card, an own card,
//! a name, a feedback request or comment. Each caller says how long its text may be and
//! whether it is a paragraph or a name; this module says which characters may be in it, so
//! the rule cannot drift between the places that use it (nor from the API's schemas, which
//! describe it once).

use unicode_normalization::UnicodeNormalization;

/// What kind of text is typed: it decides which control characters pass.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TextKind {
    /// Free text over lines: tab, line feed and carriage return are kept (a pasted list keeps
    /// its shape), `\r\n` becomes `\n`; every other control character is refused.
    Paragraphs,
    /// A name or a label, shown in lists and exports: in Unicode NFC (a letter with a
    /// separate accent is one letter), and no control character at all, not even a line
    /// break.
    Name,
}

/// Why typed text was refused. Callers map it onto their own error, with their own code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TextError {
    TooLong,
    ControlCharacters,
}

/// `input` trimmed and checked: at most `max_chars` characters (counted as typed, so a line
/// break sent as `\r\n` counts two, as the API's schemas count it) and only the characters
/// `kind` allows. Empty text passes; a caller that needs text checks for that itself.
pub(crate) fn clean(input: &str, max_chars: usize, kind: TextKind) -> Result<String, TextError> {
    let text: String = match kind {
        TextKind::Paragraphs => input.trim().to_owned(),
        TextKind::Name => input.trim().nfc().collect(),
    };
    if text.chars().count() > max_chars {
        return Err(TextError::TooLong);
    }
    if text.chars().any(|c| !allowed(c, kind)) {
        return Err(TextError::ControlCharacters);
    }
    Ok(match kind {
        TextKind::Paragraphs => text.replace("\r\n", "\n"),
        TextKind::Name => text,
    })
}

fn allowed(c: char, kind: TextKind) -> bool {
    !c.is_control() || (kind == TextKind::Paragraphs && matches!(c, '\n' | '\r' | '\t'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_keep_their_lines_and_refuse_other_control_characters() {
        let clean_text = |s: &str| clean(s, 10, TextKind::Paragraphs);
        assert_eq!(clean_text("  a\r\nb\tc \n").as_deref(), Ok("a\nb\tc"));
        assert_eq!(clean_text("a\u{0}b"), Err(TextError::ControlCharacters));
        assert_eq!(clean_text("a\u{1b}b"), Err(TextError::ControlCharacters));
        assert_eq!(clean_text(&"x".repeat(11)), Err(TextError::TooLong));
        assert_eq!(clean_text("").as_deref(), Ok(""));
    }

    #[test]
    fn names_are_one_line_in_nfc() {
        let name = |s: &str| clean(s, 3, TextKind::Name);
        assert_eq!(name(" Ba\u{0301}s ").as_deref(), Ok("Bás"));
        for bad in ["a\nb", "a\tb", "a\u{7f}"] {
            assert_eq!(name(bad), Err(TextError::ControlCharacters), "{bad:?}");
        }
        assert_eq!(name("abcd"), Err(TextError::TooLong));
    }
}
