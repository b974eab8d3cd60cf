//! Charts in the terminal: the goal detail draws its KPIs' readings over dated time where
//! there is room (below the text, or beside it on a wide screen) and never pushes text out
//! of reach; the check-ins screen draws both sides' scores on a tall screen. Where a chart
//! does not fit (80x24) the screen keeps the sparkline and the numbers, and no braille.

mod common;

use common::{draw, press, sample_app, screen_text};

fn braille(text: &str) -> usize {
    text.chars()
        .filter(|c| ('\u{2801}'..='\u{28FF}').contains(c))
        .count()
}

/// The goal detail of the first goal at `w`×`h`, scrolled to its end.
fn goal_detail_end(w: u16, h: u16) -> String {
    let mut app = sample_app();
    app.view.viewport = (w, h);
    press(&mut app, "Tab Enter End");
    screen_text(&draw(&mut app, w, h))
}

#[test]
fn the_goal_detail_draws_charts_where_they_fit_and_its_text_stays_in_reach() {
    for (w, h) in [
        (80, 24),
        (90, 30),
        (100, 34),
        (100, 50),
        (120, 40),
        (150, 48),
        (160, 48),
        (200, 60),
    ] {
        let screen = goal_detail_end(w, h);
        assert!(
            screen.contains("id g-o2c00001"),
            "{w}x{h}: the end of the text can be scrolled to\n{screen}"
        );
        let drawn = braille(&screen);
        let wide = w >= 160;
        let tall = h >= 50;
        if wide || tall {
            assert!(drawn > 20, "{w}x{h}: a chart is drawn\n{screen}");
            assert!(
                screen.contains("Days sales outstanding (days) ↓"),
                "{w}x{h}"
            );
            assert!(
                screen.contains("••• target 33"),
                "{w}x{h}: the key names the target"
            );
        }
        if h <= 34 || w < 90 {
            assert_eq!(drawn, 0, "{w}x{h}: no room, no chart\n{screen}");
        }
    }
}

#[test]
fn at_80x24_the_kpis_keep_a_sparkline_and_their_first_and_latest_readings() {
    let mut app = sample_app();
    app.view.viewport = (80, 24);
    press(&mut app, "Tab Enter");
    let screen = screen_text(&draw(&mut app, 80, 24));
    assert_eq!(braille(&screen), 0);
    // The sample's DSO readings: 41 on 25 Jul … 37 on 16 Nov, five of them.
    assert!(
        screen.contains("█▇▅▃▁    41 (25 Jul 26) → 37 (16 Nov 26), 5 readings"),
        "{screen}"
    );
}

#[test]
fn the_checkins_screen_draws_both_sides_on_a_tall_screen_and_numbers_at_80x24() {
    let mut app = sample_app();
    press(&mut app, "5");
    let small = screen_text(&draw(&mut app, 80, 24));
    assert_eq!(braille(&small), 0, "{small}");
    assert!(small.contains("Business 4 5 6"), "{small}");
    let large = screen_text(&draw(&mut app, 160, 48));
    assert!(braille(&large) > 20, "{large}");
    assert!(large.contains("⠤⠒ business  ••• IT"));
    assert!(
        large.contains("▶Wed 28 Oct 2026"),
        "the history still lists the latest"
    );
}
