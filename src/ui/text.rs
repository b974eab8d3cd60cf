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

/// First visible card so that `selected` is on screen.
pub fn scroll_offset(selected: usize, visible: usize) -> usize {
    if visible == 0 {
        selected
    } else {
        (selected + 1).saturating_sub(visible)
    }
}

/// Wraps a title into at most `lines` lines of `width` cells, the last cut with `…`.
/// Breaks at spaces; text without spaces (CJK, long words) breaks where the width ends.
pub fn wrap_title(title: &str, width: usize, lines: usize) -> Vec<String> {
    let clean = clean(title);
    let mut out: Vec<String> = Vec::new();
    let mut rest = clean.trim();
    while out.len() + 1 < lines.max(1) && self::width(rest) > width {
        let mut space = 0;
        let mut edge = 0;
        let mut used = 0;
        for (at, c) in rest.char_indices() {
            used += unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
            if used > width {
                break;
            }
            edge = at + c.len_utf8();
            if c == ' ' {
                space = at;
            }
        }
        let cut = if space > 0 { space } else { edge };
        if cut == 0 {
            break;
        }
        out.push(rest[..cut].to_string());
        rest = rest[cut..].trim_start();
    }
    out.push(fit(rest, width));
    out
}

/// 2412 → "2,412".
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
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

    #[test]
    fn thousands_separators() {
        assert_eq!(thousands(7), "7");
        assert_eq!(thousands(2412), "2,412");
        assert_eq!(thousands(1_000_000), "1,000,000");
    }

    #[test]
    fn titles_wrap_on_words_and_cut_the_last_line() {
        assert_eq!(
            wrap_title("Patch the VPN gateways", 12, 2),
            vec!["Patch the", "VPN gateways"]
        );
        assert_eq!(
            wrap_title("Patch the VPN gateways now please", 12, 2),
            vec!["Patch the", "VPN gateway…"]
        );
        assert_eq!(wrap_title("Short", 12, 2), vec!["Short"]);
        assert_eq!(
            wrap_title("Unbreakablewordhere", 8, 2),
            vec!["Unbreaka", "bleword…"]
        );
        assert_eq!(
            wrap_title("東京オフィスのネットワーク", 8, 2),
            vec!["東京オフ", "ィスの…"]
        );
        assert_eq!(wrap_title("Two words", 5, 1), vec!["Two …"]);
    }

    #[test]
    fn offset_keeps_selection_visible() {
        assert_eq!(scroll_offset(0, 5), 0);
        assert_eq!(scroll_offset(4, 5), 0);
        assert_eq!(scroll_offset(5, 5), 1);
        assert_eq!(scroll_offset(3, 0), 3);
    }
}
