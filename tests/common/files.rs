//! A roadmap file on disk with an app and its saver, ticked as the event loop would.

use super::{TODAY, date, now};
use alignmap::app::{App, Clock, Source};
use alignmap::domain::{IdGen, Roadmap};
use alignmap::runtime::saver::Saver;
use alignmap::storage::{self, Opened};
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// A sample roadmap file, opened as a session would open it.
pub struct Fixture {
    pub dir: tempfile::TempDir,
    pub path: PathBuf,
    pub app: App,
    pub saver: Saver,
    pub clock: Instant,
}

impl Fixture {
    /// A roadmap file holding the sample, opened as a session would open it.
    pub fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("roadmap.ron");
        storage::save(&path, &super::sample_app().roadmap).unwrap();
        let Opened::Loaded(roadmap, known) = storage::open_or_create(&path, "x").unwrap() else {
            panic!("the file exists")
        };
        let clock = Clock::fixed(date(TODAY), now());
        let app = App::builder(roadmap, clock)
            .source(Source::File(path.clone()))
            .ids(IdGen::with_seed(3))
            .build();
        let saver = Saver::new(&app, Some(known));
        Fixture {
            dir,
            path,
            app,
            saver,
            clock: Instant::now(),
        }
    }

    /// Ticks the saver now, then lets `secs` seconds pass, ticking as the event loop would;
    /// a save started on its own thread is finished before the next tick (it takes
    /// milliseconds, a tick is 250 ms).
    pub fn wait(&mut self, secs: u64) {
        self.tick();
        for _ in 0..secs * 4 {
            self.clock += Duration::from_millis(250);
            self.tick();
        }
    }

    pub fn tick(&mut self) {
        self.saver.tick(&mut self.app, self.clock);
        self.saver.settle(&mut self.app, self.clock);
    }

    pub fn on_disk(&self) -> Roadmap {
        storage::load(&self.path).unwrap()
    }

    /// Another program rewrites the file with a different roadmap name.
    pub fn external_edit(&self, name: &str) -> Roadmap {
        let mut theirs = self.on_disk();
        theirs.name = name.into();
        storage::save(&self.path, &theirs).unwrap();
        theirs
    }

    pub fn siblings(&self, part: &str) -> Vec<PathBuf> {
        let dir = self.path.parent().unwrap();
        let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.file_name().unwrap().to_string_lossy().contains(part))
            .collect();
        found.sort();
        found
    }
}
