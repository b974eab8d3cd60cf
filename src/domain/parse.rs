//! Reading values as people type them: numbers with separators and suffixes, tag lists.

/// How numbers may be typed, shown under number fields.
pub const NUMBER_HELP: &str = "a number: 37.5, 1,200, 45k or 1.2M · empty for none";

/// Parses a number as people type it: `37.5`, `1,200`, `1 200`, `45k`, `1.2M`, `€3,000`.
pub fn parse_number(text: &str) -> Result<Option<f64>, String> {
    let cleaned: String = text
        .trim()
        .chars()
        .filter(|c| !matches!(c, ',' | ' ' | '_' | '€' | '$' | '£' | '\u{a0}'))
        .collect();
    if cleaned.is_empty() {
        return Ok(None);
    }
    let (digits, factor) = match cleaned.chars().last() {
        Some('k' | 'K') => (&cleaned[..cleaned.len() - 1], 1e3),
        Some('M' | 'm') => (&cleaned[..cleaned.len() - 1], 1e6),
        _ => (cleaned.as_str(), 1.0),
    };
    match digits.parse::<f64>() {
        Ok(n) if n.is_finite() => Ok(Some(n * factor)),
        _ => Err(format!(
            "\"{}\" is not a number ({NUMBER_HELP})",
            text.trim()
        )),
    }
}

/// A number for a form field: whole numbers without decimals, others as typed.
pub fn show_number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{n:.0}")
    } else {
        format!("{n}")
    }
}

/// Splits a tags field on commas (a tag may contain spaces), leading `+` or `#` dropped,
/// duplicates removed.
pub fn parse_tags(text: &str) -> Vec<String> {
    let mut tags: Vec<String> = Vec::new();
    for tag in text.split(',') {
        let tag = tag.trim().trim_start_matches(['+', '#']);
        if !tag.is_empty() && !tags.iter().any(|t| t == tag) {
            tags.push(tag.to_string());
        }
    }
    tags
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_read_as_people_type_them() {
        assert_eq!(parse_number("37.5"), Ok(Some(37.5)));
        assert_eq!(parse_number(" 1,200 "), Ok(Some(1200.0)));
        assert_eq!(parse_number("€45k"), Ok(Some(45_000.0)));
        assert_eq!(parse_number("1.2M"), Ok(Some(1_200_000.0)));
        assert_eq!(parse_number("-3"), Ok(Some(-3.0)));
        assert_eq!(parse_number(""), Ok(None));
        for bad in ["abc", "NaN", "inf", "1e999", "k", "12x"] {
            assert!(parse_number(bad).is_err(), "{bad}");
        }
        assert_eq!(show_number(45_000.0), "45000");
        assert_eq!(show_number(7.56), "7.56");
    }
}
