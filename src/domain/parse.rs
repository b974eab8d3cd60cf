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

/// A KPI value as people type it: a number, with the KPI's unit after it allowed (`37%` for a
/// KPI in `%`, `12 days` for one in days).
pub fn parse_kpi_number(text: &str, unit: &str) -> Result<Option<f64>, String> {
    let text = text.trim();
    let unit = unit.trim();
    // The unit first (`45 k€` is 45 in k€, not 45,000), unless it starts with a digit (`45`
    // in a KPI whose unit is `5` is 45).
    let starts_with_digit = unit.starts_with(|c: char| c.is_ascii_digit());
    if !unit.is_empty() && !starts_with_digit {
        let end = text.len().saturating_sub(unit.len());
        if let (Some(head), Some(tail)) = (text.get(..end), text.get(end..))
            && tail.eq_ignore_ascii_case(unit)
            && let Ok(n) = parse_number(head)
        {
            return Ok(n);
        }
    }
    parse_number(text).map_err(|_| format!("\"{text}\" is not a number ({NUMBER_HELP})"))
}

/// What a KPI's target says, as plans write it.
#[derive(Debug, Clone, PartialEq)]
pub enum KpiTarget {
    /// No target.
    None,
    /// The value aimed for: `45`, `37%`, `=-5` for a negative one.
    Value(f64),
    /// A change from the baseline: `+4`, `-20 days`, `+4 points`.
    Change(f64),
}

/// Reads a KPI target: a value (the KPI's unit after it allowed), a signed number for a change
/// from the baseline (`+4`, `-20`, with `points`, `pts` or `pp` after it allowed), or `=` and a
/// number for a negative value.
pub fn parse_kpi_target(text: &str, unit: &str) -> Result<KpiTarget, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(KpiTarget::None);
    }
    if let Some(value) = text.strip_prefix('=') {
        return Ok(parse_kpi_number(value, unit)?.map_or(KpiTarget::None, KpiTarget::Value));
    }
    if text.starts_with(['+', '-']) {
        let lower = text.to_ascii_lowercase();
        let bare = ["points", "point", "pts", "pp"]
            .iter()
            .find_map(|w| lower.strip_suffix(w))
            .map_or(text, |rest| &text[..rest.len()]);
        let change = parse_kpi_number(bare, unit).map_err(|_| {
            format!("\"{text}\" is not a change: write +4 or -20 (from the baseline)")
        })?;
        return Ok(change.map_or(KpiTarget::None, KpiTarget::Change));
    }
    Ok(parse_kpi_number(text, unit)?.map_or(KpiTarget::None, KpiTarget::Value))
}

/// A KPI target for a form field or a sheet cell, read back by [`parse_kpi_target`].
pub fn show_kpi_target(target: Option<f64>, change: Option<f64>) -> String {
    match (target, change) {
        (Some(t), _) if t.is_sign_negative() => format!("={}", show_number(t)),
        (Some(t), _) => show_number(t),
        (None, Some(c)) if c.is_sign_negative() => show_number(c),
        (None, Some(c)) => format!("+{}", show_number(c)),
        (None, None) => String::new(),
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
    fn kpi_values_may_carry_their_unit_and_targets_may_be_changes() {
        assert_eq!(parse_kpi_number("37%", "%"), Ok(Some(37.0)));
        assert_eq!(parse_kpi_number("12 days", "days"), Ok(Some(12.0)));
        assert_eq!(
            parse_kpi_number("45 k€", "k€"),
            Ok(Some(45.0)),
            "the unit, not thousands"
        );
        assert_eq!(parse_kpi_number("30m", "m"), Ok(Some(30.0)));
        assert_eq!(parse_kpi_number("45", "5"), Ok(Some(45.0)));
        assert_eq!(parse_kpi_number("45k", ""), Ok(Some(45_000.0)));
        assert!(parse_kpi_number("37%", "days").is_err());
        assert_eq!(parse_kpi_target("45", ""), Ok(KpiTarget::Value(45.0)));
        assert_eq!(parse_kpi_target("80 %", "%"), Ok(KpiTarget::Value(80.0)));
        assert_eq!(
            parse_kpi_target("+4 points", ""),
            Ok(KpiTarget::Change(4.0))
        );
        assert_eq!(
            parse_kpi_target("-20 days", "days"),
            Ok(KpiTarget::Change(-20.0))
        );
        assert_eq!(parse_kpi_target("=-5", ""), Ok(KpiTarget::Value(-5.0)));
        assert_eq!(parse_kpi_target(" ", ""), Ok(KpiTarget::None));
        assert!(parse_kpi_target("around 80%", "%").is_err());
        for (target, change) in [
            (Some(45.0), None),
            (Some(-5.0), None),
            (None, Some(4.0)),
            (None, Some(-20.5)),
            (Some(-0.0), None),
            (None, Some(-0.0)),
            (None, None),
        ] {
            let text = show_kpi_target(target, change);
            let back = match parse_kpi_target(&text, "").unwrap() {
                KpiTarget::Value(v) => (Some(v), None),
                KpiTarget::Change(c) => (None, Some(c)),
                KpiTarget::None => (None, None),
            };
            assert_eq!(back, (target, change), "{text}");
        }
    }

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
