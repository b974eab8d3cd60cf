//! Making user text safe and tidy on screen: control characters become visible placeholders,
//! long text is cut with an ellipsis at a display-width boundary.

use std::borrow::Cow;
use unicode_width::UnicodeWidthChar;

/// Replaces every control character (C0, DEL, C1, and line/paragraph separators) with a
/// visible placeholder, so text from a file can never move the cursor, change colours or set
/// the clipboard. ESC shows as `␛`, other C0 as their control picture, C1 and the rest as `�`.
pub fn clean(text: &str) -> Cow<'_, str> {
    if !text.chars().any(needs_cleaning) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| match c {
                '\t' => ' ',
                '\u{0}'..='\u{1f}' => char::from_u32(0x2400 + c as u32).unwrap_or('�'),
                '\u{7f}' => '␡',
                c if needs_cleaning(c) => '�',
                c => c,
            })
            .collect(),
    )
}

fn needs_cleaning(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{2028}' | '\u{2029}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Multi-line text (a summary, notes) as cleaned lines: real line breaks start a new line
/// instead of showing as `␊`; every other control character still shows as its placeholder.
pub fn lines(text: &str) -> Vec<String> {
    text.split('\n')
        .map(|line| clean(line.strip_suffix('\r').unwrap_or(line)).into_owned())
        .collect()
}

/// Display width of text in terminal cells.
pub fn width(text: &str) -> usize {
    text.chars().map(|c| c.width().unwrap_or(0)).sum()
}

/// Cleans `text` and cuts it to `max` cells, ending with `…` when cut.
pub fn fit(text: &str, max: usize) -> String {
    let text = clean(text);
    if width(&text) <= max {
        return text.into_owned();
    }
    if max == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > max - 1 {
            break;
        }
        used += w;
        out.push(c);
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_become_visible() {
        assert_eq!(clean("a\u{1b}[31mb\u{7}\r\n"), "a␛[31mb␇␍␊");
        assert_eq!(lines("one\r\ntwo\n\u{1b}x"), ["one", "two", "␛x"]);
        assert_eq!(clean("osc\u{9d}52"), "osc�52");
        assert_eq!(clean("rtl\u{202e}x"), "rtl�x");
        assert!(matches!(clean("plain ✓ 日本"), Cow::Borrowed(_)));
    }

    #[test]
    fn fit_cuts_at_cell_width_including_wide_characters() {
        assert_eq!(fit("hello world", 5), "hell…");
        assert_eq!(fit("日本語のテキスト", 7), "日本語…");
        assert_eq!(fit("short", 10), "short");
        assert_eq!(fit("x", 0), "");
        assert!(width(&fit("👩‍💻 team", 4)) <= 4);
    }
}
