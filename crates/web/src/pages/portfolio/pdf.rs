//! The portfolio as a PDF: the document's blocks laid out on A4 pages in Helvetica, the font
//! every PDF reader has, so no font file ships. Text is written in WinAnsi, which holds every
//! letter Dutch and English use (ë, é, ’, –, €); anything else becomes "?". Lines are broken by
//! Helvetica's own widths, pages when a line would cross the bottom margin.

use pdf_writer::{Content, Finish, Name, Pdf, Rect, Ref, Str};

use super::document::Block;

const WIDTH: f32 = 595.0;
const HEIGHT: f32 = 842.0;
const MARGIN: f32 = 56.0;
const BOTTOM: f32 = 64.0;

/// Font, size, line height and space above, per kind of block.
#[derive(Clone, Copy)]
struct Style {
    bold: bool,
    size: f32,
    leading: f32,
    above: f32,
    indent: f32,
}

fn style(block: &Block) -> Style {
    let s = |bold, size: f32, above, indent| Style {
        bold,
        size,
        leading: size * 1.35,
        above,
        indent,
    };
    match block {
        Block::Title(_) => s(true, 22.0, 0.0, 0.0),
        Block::Heading(_) => s(true, 15.0, 18.0, 0.0),
        Block::Subheading(_) => s(true, 11.5, 10.0, 0.0),
        Block::Item(_) => s(true, 10.5, 8.0, 0.0),
        Block::Meta(_) => s(false, 9.0, 1.0, 0.0),
        Block::Text(_) => s(false, 10.0, 3.0, 0.0),
        Block::Bullet(_) => s(false, 10.0, 2.0, 12.0),
        Block::Fact(_, _) => s(false, 10.5, 2.0, 0.0),
        Block::PageBreak => s(false, 10.0, 0.0, 0.0),
    }
}

/// A line of text at its place on a page.
struct Placed {
    bold: bool,
    size: f32,
    x: f32,
    y: f32,
    text: String,
}

/// Pages of laid-out lines.
struct Layout {
    pages: Vec<Vec<Placed>>,
    y: f32,
}

impl Layout {
    fn new() -> Layout {
        Layout {
            pages: vec![Vec::new()],
            y: HEIGHT - MARGIN,
        }
    }

    fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = HEIGHT - MARGIN;
    }

    fn line(&mut self, style: Style, x: f32, text: String) {
        if self.y - style.leading < BOTTOM {
            self.new_page();
        }
        self.y -= style.leading;
        let page = self.pages.last_mut().expect("a page is always open");
        page.push(Placed {
            bold: style.bold,
            size: style.size,
            x,
            y: self.y,
            text,
        });
    }

    fn block(&mut self, block: &Block) {
        let style = style(block);
        if matches!(block, Block::PageBreak) {
            if !self.pages.last().is_some_and(Vec::is_empty) {
                self.new_page();
            }
            return;
        }
        if self.y < HEIGHT - MARGIN {
            self.y -= style.above;
        }
        // A heading never ends a page alone: it starts the next one when little room is left.
        if matches!(
            block,
            Block::Heading(_) | Block::Subheading(_) | Block::Item(_)
        ) && self.y - style.leading * 3.0 < BOTTOM
        {
            self.new_page();
        }
        let left = MARGIN + style.indent;
        match block {
            Block::Fact(label, value) => {
                let label_width = 200.0;
                self.line(style, left, label.clone());
                let page = self.pages.last_mut().expect("a page is always open");
                page.push(Placed {
                    bold: true,
                    size: style.size,
                    x: left + label_width,
                    y: self.y,
                    text: value.clone(),
                });
            }
            Block::Bullet(text) => {
                for (i, line) in wrap(text, style, WIDTH - MARGIN - left)
                    .into_iter()
                    .enumerate()
                {
                    self.line(style, left, line);
                    if i == 0 {
                        let y = self.y;
                        let page = self.pages.last_mut().expect("a page is always open");
                        page.push(Placed {
                            bold: false,
                            size: style.size,
                            x: left - 10.0,
                            y,
                            text: "•".to_owned(),
                        });
                    }
                }
            }
            other => {
                for line in wrap(other.text(), style, WIDTH - MARGIN - left) {
                    self.line(style, left, line);
                }
            }
        }
    }
}

/// `text` broken into lines no wider than `width` points; paragraphs keep their line breaks.
fn wrap(text: &str, style: Style, width: f32) -> Vec<String> {
    let mut lines = Vec::new();
    for paragraph in text.lines() {
        let mut line = String::new();
        for word in paragraph.split_whitespace() {
            let candidate = if line.is_empty() {
                word.to_owned()
            } else {
                format!("{line} {word}")
            };
            if line.is_empty() || text_width(&candidate, style) <= width {
                line = candidate;
            } else {
                lines.push(std::mem::take(&mut line));
                line = word.to_owned();
            }
        }
        lines.push(line);
    }
    lines
}

fn text_width(text: &str, style: Style) -> f32 {
    let units: u32 = text.chars().map(|c| u32::from(glyph_width(c))).sum();
    // Helvetica-Bold runs about 6 % wider than the regular cut.
    let factor = if style.bold { 1.06 } else { 1.0 };
    units as f32 * style.size / 1000.0 * factor
}

/// Helvetica's advance widths (per 1000 units of the font size) for the letters the
/// portfolio writes; accented letters take their base letter's width.
fn glyph_width(c: char) -> u16 {
    let base = match c {
        'à'..='å' => 'a',
        'è'..='ë' => 'e',
        'ì'..='ï' => 'i',
        'ò'..='ö' => 'o',
        'ù'..='ü' => 'u',
        'À'..='Å' => 'A',
        'È'..='Ë' => 'E',
        'Ì'..='Ï' => 'I',
        'Ò'..='Ö' => 'O',
        'Ù'..='Ü' => 'U',
        'ç' => 'c',
        'ñ' => 'n',
        other => other,
    };
    match base {
        ' ' | '.' | ',' | ':' | ';' | '!' | 'f' | 't' | '/' | 'I' | '[' | ']' => 278,
        'i' | 'j' | 'l' => 222,
        'r' | '-' | '(' | ')' | '`' => 333,
        'c' | 'k' | 's' | 'v' | 'x' | 'y' | 'z' | 'J' => 500,
        'm' | 'M' => 833,
        'w' => 722,
        'A' | 'B' | 'E' | 'K' | 'P' | 'S' | 'V' | 'X' | 'Y' | '&' => 667,
        'C' | 'D' | 'H' | 'N' | 'R' | 'U' => 722,
        'F' | 'T' | 'Z' => 611,
        'G' | 'O' | 'Q' => 778,
        'L' => 556,
        'W' => 944,
        '%' => 889,
        '\'' | '‘' | '’' => 222,
        '"' | '“' | '”' => 333,
        '–' => 556,
        '—' | '…' => 1000,
        '•' => 350,
        _ => 556,
    }
}

/// A character in WinAnsiEncoding, the standard fonts' encoding; "?" for one it lacks.
fn win_ansi(c: char) -> u8 {
    match c {
        ' '..='~' => c as u8,
        '\u{a0}'..='\u{ff}' => u8::try_from(u32::from(c)).unwrap_or(b'?'),
        '€' => 0x80,
        '‚' => 0x82,
        '„' => 0x84,
        '…' => 0x85,
        '‘' => 0x91,
        '’' => 0x92,
        '“' => 0x93,
        '”' => 0x94,
        '•' => 0x95,
        '–' => 0x96,
        '—' => 0x97,
        '™' => 0x99,
        _ => b'?',
    }
}

fn encode(text: &str) -> Vec<u8> {
    text.chars().map(win_ansi).collect()
}

/// The blocks as a PDF document. `footer` is written at the foot of every page with its
/// number and the count ("… · 2 / 7").
pub fn render(blocks: &[Block], title: &str, footer: &str) -> Vec<u8> {
    let mut layout = Layout::new();
    for block in blocks {
        layout.block(block);
    }
    let pages = layout.pages;
    let mut pdf = Pdf::new();
    let catalog = Ref::new(1);
    let tree = Ref::new(2);
    let regular = Ref::new(3);
    let bold = Ref::new(4);
    let info = Ref::new(5);
    let first_page = 10;
    let page_refs: Vec<Ref> = (0..pages.len())
        .map(|i| Ref::new(first_page + 2 * i32::try_from(i).unwrap_or(0)))
        .collect();
    pdf.catalog(catalog).pages(tree);
    pdf.pages(tree)
        .kids(page_refs.iter().copied())
        .count(i32::try_from(pages.len()).unwrap_or(i32::MAX));
    pdf.document_info(info).title(pdf_writer::TextStr(title));
    pdf.type1_font(regular)
        .base_font(Name(b"Helvetica"))
        .encoding_predefined(Name(b"WinAnsiEncoding"));
    pdf.type1_font(bold)
        .base_font(Name(b"Helvetica-Bold"))
        .encoding_predefined(Name(b"WinAnsiEncoding"));
    let count = pages.len();
    for (index, (lines, page_ref)) in pages.iter().zip(&page_refs).enumerate() {
        let content_ref = Ref::new(page_ref.get() + 1);
        let mut page = pdf.page(*page_ref);
        page.media_box(Rect::new(0.0, 0.0, WIDTH, HEIGHT));
        page.parent(tree);
        page.contents(content_ref);
        let mut resources = page.resources();
        let mut fonts = resources.fonts();
        fonts.pair(Name(b"F1"), regular);
        fonts.pair(Name(b"F2"), bold);
        fonts.finish();
        resources.finish();
        page.finish();
        let mut content = Content::new();
        for line in lines {
            write_text(
                &mut content,
                line.bold,
                line.size,
                line.x,
                line.y,
                &line.text,
            );
        }
        let foot = format!("{footer} · {} / {count}", index + 1);
        write_text(&mut content, false, 8.0, MARGIN, 36.0, &foot);
        pdf.stream(content_ref, &content.finish());
    }
    pdf.finish()
}

fn write_text(content: &mut Content, bold: bool, size: f32, x: f32, y: f32, text: &str) {
    content.begin_text();
    content.set_font(Name(if bold { b"F2" } else { b"F1" }), size);
    content.next_line(x, y);
    content.show(Str(&encode(text)));
    content.end_text();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dutch_letters_are_in_win_ansi_and_strangers_become_a_question_mark() {
        assert_eq!(encode("Creëer – ‘je’ €"), b"Cre\xeber \x96 \x91je\x92 \x80");
        assert_eq!(encode("✓"), b"?");
    }

    #[test]
    fn long_text_wraps_within_the_width_and_keeps_its_line_breaks() {
        let style = style(&Block::Text(String::new()));
        let text = "woord ".repeat(60) + "\nnieuwe regel";
        let lines = wrap(&text, style, 300.0);
        assert!(lines.len() > 3);
        assert!(lines.iter().all(|l| text_width(l, style) <= 300.0));
        assert_eq!(lines.last().map(String::as_str), Some("nieuwe regel"));
    }

    #[test]
    fn a_long_document_takes_several_pages_and_is_a_pdf() {
        let blocks: Vec<Block> = (0..200)
            .map(|i| Block::Text(format!("Regel {i} met wat tekst")))
            .collect();
        let bytes = render(&blocks, "Portfolio", "Sanne");
        assert!(bytes.starts_with(b"%PDF-"));
        let text = String::from_utf8_lossy(&bytes);
        let pages: usize = text
            .split("/Count ")
            .nth(1)
            .and_then(|rest| rest.split_whitespace().next())
            .and_then(|n| n.parse().ok())
            .expect("a page count");
        assert!(pages > 2, "{pages} pages");
    }
}
