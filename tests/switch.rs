//! The switcher on the real binary in a pseudo-terminal: one roadmap is saved and released,
//! the other opens in the same terminal, keys keep reaching the app (one input reader for
//! the whole process), and closing the window then saves the second one.
#![allow(clippy::unwrap_used)] // test code

mod common;

use alignmap::domain::{Roadmap, Status};
use alignmap::storage;
use common::pty::Home;

#[test]
fn switching_saves_the_first_roadmap_opens_the_second_and_a_hang_up_then_saves_that_one() {
    let home = Home::new();
    let sample = alignmap::sample::sample(common::date(common::TODAY), common::now()).unwrap();
    storage::save(&home.roadmap(), &sample).unwrap();
    let retail = home.dir.path().join("retail.ron");
    storage::save(&retail, &Roadmap::new("Retail stores")).unwrap();
    let first = sample.active_in_board_order()[0].id.clone();

    let mut app = home.start(&[]);
    app.send(b"x"); // the first Now card is done
    app.send(b"O"); // the switcher: retail.ron, roadmap.ron (open, highlighted)
    app.send(b"k\r"); // up to retail.ron, Enter
    let lock = home.dir.path().join("roadmap.lock");
    assert!(!lock.exists(), "the first roadmap's lock is released");
    let saved = storage::load(&home.roadmap()).unwrap();
    assert_eq!(saved.initiative(&first).unwrap().status, Status::Done);
    assert!(
        home.dir.path().join("retail.lock").exists(),
        "the second is locked"
    );
    app.send(b"o"); // in the empty roadmap: load the sample
    app.close_window();
    assert_eq!(app.exit_code(), 129);
    let second = storage::load(&retail).unwrap();
    assert_eq!(second.initiatives.len(), sample.initiatives.len());
    assert!(!home.dir.path().join("retail.lock").exists());
    assert!(
        !home.dir.path().join("state.ron").exists(),
        "a --file session's folder is not the data directory: nothing remembered there"
    );
}
