//! The report's figures in words, shared by its HTML and Markdown so both say the same.

use super::{Delivered, Report, RiskLine, Work};

/// What the report's terms mean, as its first page explains them.
pub const READING: [(&str, &str); 9] = [
    (
        "Active work",
        "initiatives not done and not dropped; the share that serves a goal counts only these",
    ),
    (
        "Promise",
        "the first target ever set for an initiative: kept when the work was done on or before it; broken when done after it, dropped after it, or still open past it (open work past its first date counts as broken even when it has been re-planned). Work whose first date has not come yet has promised nothing yet. The figure covers all work ever promised, not only since the last review",
    ),
    (
        "Slip",
        "a target moved later; pulling a date in is not a slip, and time passing is not a move",
    ),
    (
        "Median delay",
        "over every initiative delivered late, open past its first date, or moved later: how many days after the first promise it was delivered, or is now due (today, for work already late)",
    ),
    (
        "High risk",
        "severity of 15 or more out of 25, severity being likelihood (1-5) × impact (1-5)",
    ),
    (
        "Unsupported goal",
        "no active initiative linked strongly or partly, not overdue, due by the end of next month",
    ),
    (
        "KPI progress",
        "how far from the baseline to the target the latest reading is",
    ),
    (
        "Gap",
        "what the alignment check flags: work serving no goal, a goal with no KPI or nothing on track, a KPI whose progress cannot be worked out, work with no business case or IT owner, work planned before what it needs",
    ),
    (
        "Not measured or updated lately",
        "a KPI with no reading, or active work with no update, for more than 30 days",
    ),
];

/// Promise keeping in words, every count named: "5 of 13 promises kept (38%) · 5 delivered
/// late · 3 open past their first date · median delay 57 days across 9 late or moved-later
/// initiatives".
pub fn promise_words(p: &crate::domain::review::Promise) -> String {
    let Some(share) = p.share() else {
        return "no promise due yet".into();
    };
    let mut words = format!(
        "{} of {} {} kept ({})",
        p.kept,
        p.due(),
        if p.due() == 1 { "promise" } else { "promises" },
        crate::domain::alignment::percent(share)
    );
    for (n, what) in [
        (p.delivered_late, "delivered late"),
        (p.dropped_late, "dropped late"),
        (p.open_late, "open past their first date"),
    ] {
        if n > 0 {
            words.push_str(&format!(" · {n} {what}"));
        }
    }
    if let Some(d) = p.median_delay {
        words.push_str(&format!(
            " · median delay {d} {} across {} late or moved-later {}",
            if d == 1 { "day" } else { "days" },
            p.delayed,
            if p.delayed == 1 {
                "initiative"
            } else {
                "initiatives"
            }
        ));
    }
    words
}

impl Report {
    /// Deliveries since the report's day done on or before their first promise.
    pub fn delivered_on_time(&self) -> usize {
        self.delivered
            .iter()
            .filter(|d| d.late.is_some_and(|l| l <= 0))
            .count()
    }

    /// KPIs not measured lately, then open work not updated lately, in words.
    pub fn stale_lines(&self) -> Vec<String> {
        let mut lines = self.stale_kpis.clone();
        lines.extend(
            self.stale_work
                .iter()
                .map(|(title, days)| format!("{title}: not updated for {days} days")),
        );
        lines
    }

    /// Open actions past their due date.
    pub fn actions_overdue(&self) -> usize {
        self.actions
            .iter()
            .filter(|a| a.due.ends_with("(OVERDUE)"))
            .count()
    }

    /// The first page's lines of figures: what happened since the report's day, then how
    /// things stand now.
    pub fn headline(&self) -> [String; 2] {
        [
            format!(
                "Since {}: {} delivered ({} on time against the first promise) · {}",
                self.since.day.format("%-d %b %Y"),
                self.delivered.len(),
                self.delivered_on_time(),
                counted(self.slips.len(), "slip", "slips"),
            ),
            format!(
                "Now: {} past their current target · {} without mitigation · {} · {} open ({} overdue) · {} not measured or updated lately",
                self.overdue.len(),
                counted(self.unmitigated.len(), "high risk", "high risks"),
                counted(self.gaps.len(), "gap", "gaps"),
                counted(self.actions.len(), "action", "actions"),
                self.actions_overdue(),
                self.stale_lines().len(),
            ),
        ]
    }
}

fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The latest check-in's gap in words: "both sides agree", "IT rates it 2 higher than the
/// business".
pub fn gap_words(gap: i16) -> String {
    match gap {
        0 => "both sides agree".to_string(),
        g if g > 0 => format!("the business rates it {g} higher than IT"),
        g => format!("IT rates it {} higher than the business", -g),
    }
}

impl Delivered {
    /// Against its first promise: "on time", "23 days late", "no date was promised".
    pub fn against_promise(&self) -> String {
        match self.late {
            None => "no date was promised".into(),
            Some(d) if d <= 0 => "on time".into(),
            Some(1) => "1 day late".into(),
            Some(d) => format!("{d} days late"),
        }
    }
}

impl RiskLine {
    /// "16 of 25 (likelihood 4 × impact 4)".
    pub fn severity_words(&self) -> String {
        format!(
            "{} of 25 (likelihood {} × impact {})",
            self.severity, self.likelihood, self.impact
        )
    }
}

impl Work {
    /// Its cost in words when known: "€540,000".
    pub fn cost_words(&self, currency: &str) -> Option<String> {
        self.cost.map(|c| money(c, currency))
    }
}

/// "€1,200,000" (or "1,200,000" without a currency); fractions keep two decimals.
pub fn money(n: f64, currency: &str) -> String {
    let cents = (n.abs() * 100.0).round();
    let digits = format!("{:.0}", (cents / 100.0).trunc());
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    let rest = cents % 100.0;
    if rest > 0.0 {
        grouped.push_str(&format!(".{rest:02.0}"));
    }
    let sign = if n < 0.0 { "-" } else { "" };
    format!("{sign}{currency}{grouped}")
}
