//! [`Builder`]: the one way to make an [`App`], for the command line, the tests and the
//! benchmarks alike, so none of them sets App's parts one by one.

use super::{App, Clock, Settings, Source};
use crate::domain::{IdGen, Roadmap};

/// How an app starts: the roadmap and the clock, and what differs from the defaults (the
/// in-memory sample's source, ids seeded with 0, the file path as its location, editable,
/// 80x24 until the terminal is measured, the default settings).
#[must_use]
pub struct Builder {
    roadmap: Roadmap,
    clock: Clock,
    source: Source,
    ids: IdGen,
    location: Option<String>,
    read_only: Option<String>,
    viewport: Option<(u16, u16)>,
    settings: Option<Settings>,
}

impl Builder {
    pub(super) fn new(roadmap: Roadmap, clock: Clock) -> Self {
        Builder {
            roadmap,
            clock,
            source: Source::Demo,
            ids: IdGen::with_seed(0),
            location: None,
            read_only: None,
            viewport: None,
            settings: None,
        }
    }

    /// Where the roadmap is saved.
    pub fn source(mut self, source: Source) -> Self {
        self.source = source;
        self
    }

    /// Where new ids come from.
    pub fn ids(mut self, ids: IdGen) -> Self {
        self.ids = ids;
        self
    }

    /// Where the roadmap lives, as the title bar shows it (default: the file's path).
    pub fn location(mut self, location: String) -> Self {
        self.location = Some(location);
        self
    }

    /// Edits are refused, for this reason (None: editable).
    pub fn read_only(mut self, why: Option<String>) -> Self {
        self.read_only = why;
        self
    }

    /// The screen size (columns, rows) until the terminal says otherwise.
    pub fn viewport(mut self, columns: u16, rows: u16) -> Self {
        self.viewport = Some((columns, rows));
        self
    }

    /// Keys, thresholds, theme and where preferences are kept.
    pub fn settings(mut self, settings: Settings) -> Self {
        self.settings = Some(settings);
        self
    }

    /// The app, with everything derived from the roadmap worked out.
    pub fn build(self) -> App {
        let mut app = App::new(self.roadmap, self.source, self.clock, self.ids);
        if let Some(location) = self.location {
            app.session.location = location;
        }
        app.session.read_only = self.read_only;
        if let Some(viewport) = self.viewport {
            app.view.viewport = viewport;
        }
        if let Some(settings) = self.settings {
            // Nothing derived yet depends on them: the review queue is worked out on first use.
            app.settings = settings;
        }
        app
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn clock() -> Clock {
        let today = NaiveDate::from_ymd_opt(2026, 12, 2).unwrap();
        Clock::fixed(today, today.and_hms_opt(9, 0, 0).unwrap().and_utc())
    }

    #[test]
    fn the_defaults_are_an_editable_in_memory_roadmap_at_80x24() {
        let app = App::builder(Roadmap::new("r"), clock()).build();
        assert_eq!(app.session.source, Source::Demo);
        assert_eq!(app.session.location, "sample roadmap in memory");
        assert_eq!(app.session.read_only, None);
        assert_eq!(app.view.viewport, (80, 24));
    }

    #[test]
    fn each_setting_given_is_the_one_the_app_starts_with() {
        let mut settings = Settings::default();
        settings.thresholds.slips = 5;
        let app = App::builder(Roadmap::new("r"), clock())
            .source(Source::File("/x/roadmap.ron".into()))
            .location("~/roadmap.ron".into())
            .read_only(Some("a snapshot".into()))
            .viewport(200, 60)
            .settings(settings)
            .build();
        assert_eq!(app.session.source, Source::File("/x/roadmap.ron".into()));
        assert_eq!(app.session.location, "~/roadmap.ron");
        assert_eq!(app.session.read_only.as_deref(), Some("a snapshot"));
        assert_eq!(app.view.viewport, (200, 60));
        assert_eq!(app.settings.thresholds.slips, 5);
        let default_location = App::builder(Roadmap::new("r"), clock())
            .source(Source::File("/x/roadmap.ron".into()))
            .build();
        assert_eq!(default_location.session.location, "/x/roadmap.ron");
    }
}
