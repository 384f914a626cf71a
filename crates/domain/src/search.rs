//! Search over every card of every deck, in both languages, ignoring case and accents
//! ("creeer" finds "creëer"), with the matched parts marked for display.

use memchr::memmem::Finder;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use crate::content::{Card, DialogueCard, Framework, Library};
use crate::language::Language;

/// Longer queries are refused: nobody types 200 characters into a card search, and the limit
/// keeps the cost of a request bounded.
pub const MAX_QUERY_CHARS: usize = 200;
pub const MAX_QUERY_TERMS: usize = 12;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SearchQueryError {
    #[error("the search query is empty")]
    Empty,
    #[error("the search query is longer than {MAX_QUERY_CHARS} characters")]
    TooLong,
    #[error("the search query has more than {MAX_QUERY_TERMS} words")]
    TooManyTerms,
}

/// A validated query: its words, folded for comparison.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchQuery {
    text: String,
    terms: Vec<String>,
}

impl SearchQuery {
    pub fn parse(input: &str) -> Result<Self, SearchQueryError> {
        let text = input.trim();
        if text.chars().count() > MAX_QUERY_CHARS {
            return Err(SearchQueryError::TooLong);
        }
        let mut terms: Vec<String> = Vec::new();
        for word in fold(text).split_whitespace() {
            if !terms.iter().any(|t| t == word) {
                terms.push(word.to_owned());
            }
        }
        if terms.is_empty() {
            return Err(SearchQueryError::Empty);
        }
        if terms.len() > MAX_QUERY_TERMS {
            return Err(SearchQueryError::TooManyTerms);
        }
        Ok(SearchQuery {
            text: text.to_owned(),
            terms,
        })
    }

    /// The query as the person typed it (trimmed).
    pub fn as_str(&self) -> &str {
        &self.text
    }
}

/// Lower case without accents or typographic quotes and dashes: the form in which texts are
/// compared. Every input char yields zero or more output chars.
pub fn fold(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    for c in text.chars() {
        fold_char(c, &mut |f| folded.push(f));
    }
    folded
}

/// Passes the folded form of `c` (zero or more chars) to `emit`. ASCII, by far the most common
/// input, takes a path without allocation or Unicode tables.
fn fold_char(c: char, emit: &mut impl FnMut(char)) {
    if c.is_ascii() {
        emit(c.to_ascii_lowercase());
        return;
    }
    let c = match c {
        '‘' | '’' | '‚' | '‛' | '´' => '\'',
        '“' | '”' | '„' => '"',
        '–' | '—' | '‐' | '‑' => '-',
        other => other,
    };
    for d in c.nfd().filter(|d| !is_combining_mark(*d)) {
        for lower in d.to_lowercase() {
            emit(lower);
        }
    }
}

/// A piece of displayed text, either plain or matched by the query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Segment {
    Plain(String),
    Match(String),
}

impl Segment {
    pub fn text(&self) -> &str {
        match self {
            Segment::Plain(t) | Segment::Match(t) => t,
        }
    }

    pub fn is_match(&self) -> bool {
        matches!(self, Segment::Match(_))
    }
}

/// Splits `text` into plain and matched segments, marking every occurrence of every term.
pub fn highlight(text: &str, query: &SearchQuery) -> Vec<Segment> {
    // Fold char by char, remembering which original char each folded char came from, so that
    // a match in the folded text maps back onto the original spelling.
    let originals: Vec<(usize, char)> = text.char_indices().collect();
    let mut folded: Vec<char> = Vec::new();
    let mut origin: Vec<usize> = Vec::new();
    for (index, &(_, c)) in originals.iter().enumerate() {
        fold_char(c, &mut |f| {
            folded.push(f);
            origin.push(index);
        });
    }
    let mut marked = vec![false; originals.len()];
    for term in &query.terms {
        let term: Vec<char> = term.chars().collect();
        if term.len() > folded.len() {
            continue;
        }
        for start in 0..=folded.len() - term.len() {
            if folded[start..start + term.len()] == term[..] {
                for &o in &origin[start..start + term.len()] {
                    marked[o] = true;
                }
            }
        }
    }
    let mut segments: Vec<Segment> = Vec::new();
    for (index, &(_, c)) in originals.iter().enumerate() {
        match (segments.last_mut(), marked[index]) {
            (Some(Segment::Match(t)), true) | (Some(Segment::Plain(t)), false) => t.push(c),
            (_, true) => segments.push(Segment::Match(c.to_string())),
            (_, false) => segments.push(Segment::Plain(c.to_string())),
        }
    }
    segments
}

#[derive(Debug, Clone, Copy)]
pub enum HitItem<'a> {
    Card(&'a Card),
    Dialogue(&'a DialogueCard),
}

#[derive(Debug, Clone)]
pub struct SearchHit<'a> {
    pub framework: &'a Framework,
    pub item: HitItem<'a>,
    /// The languages in which every word of the query was found.
    pub languages: Vec<Language>,
}

struct Entry {
    framework: usize,
    item: EntryItem,
    /// Folded text per language, in [`Language::ALL`] order.
    folded: [String; 2],
}

enum EntryItem {
    Card(usize),
    Dialogue(usize),
}

/// The folded texts of a library, built once at start-up so a search only compares strings.
pub struct SearchIndex {
    entries: Vec<Entry>,
}

impl SearchIndex {
    pub fn new(library: &Library) -> Self {
        let mut entries = Vec::new();
        for (f, framework) in library.frameworks.iter().enumerate() {
            for (i, card) in framework.cards.iter().enumerate() {
                entries.push(Entry {
                    framework: f,
                    item: EntryItem::Card(i),
                    folded: Language::ALL.map(|l| fold(card.text.get(l))),
                });
            }
            for (i, card) in framework.dialogue_cards.iter().enumerate() {
                entries.push(Entry {
                    framework: f,
                    item: EntryItem::Dialogue(i),
                    folded: Language::ALL.map(|l| fold(&dialogue_text(card, l))),
                });
            }
        }
        SearchIndex { entries }
    }

    /// Every card that holds all words of the query, in `only` or in any language. Cards that
    /// hold the query as one phrase come first; otherwise the deck's own order is kept.
    pub fn search<'a>(
        &self,
        library: &'a Library,
        query: &SearchQuery,
        only: Option<Language>,
    ) -> Vec<SearchHit<'a>> {
        // One prepared searcher per word, reused over every text: cheaper than preparing a
        // substring search for each of the few hundred texts.
        let terms: Vec<Finder> = query
            .terms
            .iter()
            .map(|t| Finder::new(t.as_bytes()))
            .collect();
        let phrase = query.terms.join(" ");
        let phrase = Finder::new(phrase.as_bytes());
        let mut hits: Vec<(bool, SearchHit<'a>)> = Vec::new();
        for entry in &self.entries {
            let languages: Vec<Language> = Language::ALL
                .into_iter()
                .zip(&entry.folded)
                .filter(|(l, _)| only.is_none_or(|o| o == *l))
                .filter(|(_, text)| terms.iter().all(|t| t.find(text.as_bytes()).is_some()))
                .map(|(l, _)| l)
                .collect();
            if languages.is_empty() {
                continue;
            }
            let is_phrase = entry
                .folded
                .iter()
                .any(|t| phrase.find(t.as_bytes()).is_some());
            let framework = &library.frameworks[entry.framework];
            let item = match entry.item {
                EntryItem::Card(i) => HitItem::Card(&framework.cards[i]),
                EntryItem::Dialogue(i) => HitItem::Dialogue(&framework.dialogue_cards[i]),
            };
            hits.push((
                !is_phrase,
                SearchHit {
                    framework,
                    item,
                    languages,
                },
            ));
        }
        // A stable sort keeps deck order within each group.
        hits.sort_by_key(|(not_phrase, _)| *not_phrase);
        hits.into_iter().map(|(_, hit)| hit).collect()
    }
}

fn dialogue_text(card: &DialogueCard, language: Language) -> String {
    match &card.follow_up {
        Some(f) => format!("{}\n{}", card.question.get(language), f.get(language)),
        None => card.question.get(language).to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_removes_case_accents_and_typographic_marks() {
        assert_eq!(
            fold("Ik creëer ÉÉN ‘waartoe’ – beïnvloeden"),
            "ik creeer een 'waartoe' - beinvloeden"
        );
    }

    #[test]
    fn a_query_is_trimmed_deduplicated_and_bounded() {
        let query = SearchQuery::parse("  Creëer creeer visie ").unwrap();
        assert_eq!(query.terms, ["creeer", "visie"]);
        assert_eq!(query.as_str(), "Creëer creeer visie");
        assert_eq!(SearchQuery::parse("   "), Err(SearchQueryError::Empty));
        assert_eq!(
            SearchQuery::parse(&"a".repeat(10_000)),
            Err(SearchQueryError::TooLong)
        );
        assert!(SearchQuery::parse(&"a".repeat(MAX_QUERY_CHARS)).is_ok());
        let many = (0..13)
            .map(|i| format!("w{i}"))
            .collect::<Vec<_>>()
            .join(" ");
        assert_eq!(
            SearchQuery::parse(&many),
            Err(SearchQueryError::TooManyTerms)
        );
    }

    #[test]
    fn highlighting_marks_the_original_spelling() {
        let query = SearchQuery::parse("creeer NETWERK").unwrap();
        let segments = highlight("Ik creëer en benut netwerken", &query);
        assert_eq!(
            segments,
            [
                Segment::Plain("Ik ".into()),
                Segment::Match("creëer".into()),
                Segment::Plain(" en benut ".into()),
                Segment::Match("netwerk".into()),
                Segment::Plain("en".into()),
            ]
        );
    }

    #[test]
    fn highlighting_text_without_a_match_gives_one_plain_segment() {
        let query = SearchQuery::parse("zzz").unwrap();
        assert_eq!(highlight("abc", &query), [Segment::Plain("abc".into())]);
        assert!(highlight("", &query).is_empty());
    }
}
