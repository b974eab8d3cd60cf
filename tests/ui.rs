//! Rendering into ratatui's TestBackend: snapshots of whole screens, plus style and safety checks.
#![allow(clippy::unwrap_used)] // test code

mod common;

use alignmap::domain::Roadmap;
use common::{TODAY, app_with, draw, press, sample_app, screen_text};
use ratatui::style::{Color, Modifier};

#[test]
fn board_80x24() {
    let mut app = sample_app();
    insta::assert_snapshot!(draw(&mut app, 80, 24).backend());
}

#[test]
fn board_160x48() {
    let mut app = sample_app();
    press(&mut app, "l j");
    insta::assert_snapshot!(draw(&mut app, 160, 48).backend());
}

#[test]
fn empty_board_offers_the_sample() {
    let mut app = app_with(Roadmap::new("My roadmap"), TODAY);
    let terminal = draw(&mut app, 100, 30);
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn edit_form_80x24() {
    let mut app = sample_app();
    press(&mut app, "e Tab Tab Tab Tab");
    insta::assert_snapshot!(draw(&mut app, 80, 24).backend());
}

#[test]
fn goal_detail_100x30() {
    let mut app = sample_app();
    press(&mut app, "Tab Enter");
    insta::assert_snapshot!(draw(&mut app, 100, 30).backend());
}

#[test]
fn delete_goal_confirmation_100x30() {
    let mut app = sample_app();
    press(&mut app, "Tab d");
    insta::assert_snapshot!(draw(&mut app, 100, 30).backend());
}

#[test]
fn help_lists_every_bound_command() {
    let mut app = sample_app();
    press(&mut app, "?");
    let text = screen_text(&draw(&mut app, 120, 140));
    for (command, _) in app.settings.keymap.entries(alignmap::app::Context::Browse) {
        assert!(text.contains(command.describe()), "help misses {command:?}");
    }
    assert!(text.contains("Shift-←"), "keys are shown by their names");
}

#[test]
fn the_selected_card_is_marked_without_colour() {
    let mut app = sample_app();
    app.settings.theme = alignmap::domain::prefs::ThemeName::Mono;
    let terminal = draw(&mut app, 80, 24);
    let buffer = terminal.backend().buffer();
    let text = screen_text(&terminal);
    let row = text
        .lines()
        .position(|l| l.contains("▶ Patch the VPN"))
        .unwrap();
    let x = text
        .lines()
        .nth(row)
        .unwrap()
        .chars()
        .position(|c| c == '▶')
        .unwrap();
    let cell = &buffer[(u16::try_from(x + 2).unwrap(), u16::try_from(row).unwrap())];
    assert!(
        cell.modifier.contains(Modifier::REVERSED),
        "selected card is reversed"
    );
    let coloured = buffer
        .content
        .iter()
        .any(|c| c.fg != Color::Reset || c.bg != Color::Reset);
    assert!(!coloured, "monochrome draws no colour at all");
}

#[test]
fn overdue_is_written_out_not_only_coloured() {
    let mut app = sample_app();
    let text = screen_text(&draw(&mut app, 80, 24));
    assert!(text.contains("OVERDUE 2d"), "{text}");
}

#[test]
fn hostile_text_never_reaches_the_terminal_as_control_bytes() {
    let mut app = sample_app();
    let hostile =
        "\u{1b}]52;c;ZXZpbA==\u{7}\u{1b}[2J\u{9b}31m\rBEL\u{7} 日本語 👩‍💻 e\u{301} \u{202e}txt";
    for i in &mut app.roadmap.initiatives {
        i.title = hostile.into();
        i.summary = hostile.into();
    }
    app.roadmap.goals[0].title = hostile.into();
    app.roadmap.goals[0].code = "\u{1b}[1m".into();
    app.refresh();
    for keys in ["", "Enter", "e", "Tab Enter", "Tab d"] {
        let mut app = app.clone();
        press(&mut app, keys);
        for (w, h) in [(80, 24), (160, 48)] {
            let terminal = draw(&mut app, w, h);
            let bad = terminal.backend().buffer().content.iter().find(|c| {
                c.symbol()
                    .chars()
                    .any(|ch| ch.is_control() || ('\u{202a}'..='\u{202e}').contains(&ch))
            });
            assert!(
                bad.is_none(),
                "control character on screen after {keys:?}: {bad:?}"
            );
        }
    }
}

#[test]
fn every_size_from_0x0_to_200x60_draws_without_panic() {
    let mut app = sample_app();
    let modes = ["", "Enter", "e", "?", "Tab d", "Tab"];
    for keys in modes {
        let mut app = app.clone();
        press(&mut app, keys);
        for w in (0..=200).step_by(7) {
            for h in (0..=60).step_by(3) {
                draw(&mut app, w, h);
            }
        }
    }
    let small = screen_text(&draw(&mut app, 30, 8));
    assert!(small.contains("Enlarge"), "{small}");
}

#[test]
fn a_long_column_shows_its_position_and_keeps_the_selection_visible() {
    let mut app = sample_app();
    let template = app.roadmap.initiatives[0].clone();
    for n in 0..2_400 {
        let mut extra = template.clone();
        extra.id = alignmap::domain::InitiativeId(format!("i-bulk{n:05}"));
        extra.title = format!("Bulk item {n:04}");
        extra.target = alignmap::domain::Target::day(common::date("2027-06-30"));
        app.roadmap.initiatives.push(extra);
    }
    app.refresh();
    press(&mut app, "l l l");
    let total = app.derived.columns[3].len();
    assert_eq!(total, 2_405);
    let text = screen_text(&draw(&mut app, 100, 30));
    assert!(text.contains(" 1/2,405 "), "{text}");
    press(&mut app, "G");
    let text = screen_text(&draw(&mut app, 100, 30));
    assert!(text.contains(" 2,405/2,405 "), "{text}");
    let last = app.selected_initiative().unwrap().title.clone();
    let first_word = last.split(' ').next().unwrap();
    assert!(
        text.contains(&format!("▶ {first_word}")),
        "selected card on screen: {text}"
    );
    assert!(text.contains("Next year · 2,405"), "{text}");
    app.view.viewport = (100, 30);
    press(&mut app, "PageUp");
    let page =
        alignmap::ui::board::cards_per_column(alignmap::ui::layout::areas((100, 30), 6).board);
    assert_eq!(app.view.cursor[3], total - 1 - page);
}

#[test]
fn a_detail_taller_than_the_screen_says_there_is_more() {
    let mut app = sample_app();
    app.roadmap.initiatives[1].notes = "A long note. ".repeat(80);
    app.refresh();
    press(&mut app, "Enter");
    let text = screen_text(&draw(&mut app, 80, 24));
    assert!(text.contains("↓ more"), "{text}");
    for _ in 0..60 {
        press(&mut app, "j");
    }
    let text = screen_text(&draw(&mut app, 80, 24));
    assert!(
        text.contains("↑ more") && text.contains("updated"),
        "scrolled to the end: {text}"
    );
}

#[test]
fn search_matches_are_marked_and_underlined_without_colour() {
    let mut app = sample_app();
    app.settings.theme = alignmap::domain::prefs::ThemeName::Mono;
    press(&mut app, "/");
    common::type_text(&mut app, "backup");
    press(&mut app, "Enter j");
    let terminal = draw(&mut app, 100, 30);
    let text = screen_text(&terminal);
    let row = text
        .lines()
        .position(|l| l.contains("• ERP"))
        .expect("a match marker");
    let line = text.lines().nth(row).unwrap();
    let col = line.chars().position(|c| c == '•').unwrap() + 6; // "• ERP " then "backup"
    let cell =
        &terminal.backend().buffer()[(u16::try_from(col).unwrap(), u16::try_from(row).unwrap())];
    assert_eq!(cell.symbol(), "b");
    assert!(
        cell.modifier.contains(Modifier::UNDERLINED),
        "the matched word is underlined"
    );
}

#[test]
fn light_and_high_contrast_themes_paint_their_background_everywhere_including_popups() {
    use alignmap::domain::prefs::ThemeName;
    for (theme, paper) in [
        (ThemeName::Light, Color::Rgb(255, 255, 255)),
        (ThemeName::HighContrast, Color::Rgb(0, 0, 0)),
    ] {
        for keys in ["", "Enter", "e", "?", "Tab d"] {
            let mut app = sample_app();
            app.settings.theme = theme;
            press(&mut app, keys);
            let terminal = draw(&mut app, 100, 30);
            let buffer = terminal.backend().buffer();
            let unpainted = buffer
                .content
                .iter()
                .filter(|c| c.bg == Color::Reset)
                .count();
            assert_eq!(
                unpainted, 0,
                "{theme:?} after {keys:?}: cells left on the terminal's background"
            );
            let text = screen_text(&terminal);
            let row = text.lines().position(|l| l.contains('▶')).unwrap();
            let on_paper = (0..100)
                .filter(|x| buffer[(*x, u16::try_from(row).unwrap())].bg == paper)
                .count();
            assert!(
                on_paper < 100,
                "{theme:?}: the selected row stands out from the page"
            );
        }
    }
}

#[test]
fn board_80x24_light_theme() {
    let mut app = sample_app();
    app.settings.theme = alignmap::domain::prefs::ThemeName::Light;
    insta::assert_snapshot!(draw(&mut app, 80, 24).backend());
}

#[test]
fn the_public_view_hides_notes_everywhere_and_says_public() {
    let mut app = sample_app();
    press(&mut app, "P");
    let text = screen_text(&draw(&mut app, 100, 30));
    assert!(text.contains(" PUBLIC "), "{text}");
    // The blocked licence card carries an internal note.
    press(&mut app, "j j Enter");
    let detail = screen_text(&draw(&mut app, 100, 30));
    assert!(detail.contains("Renew the Microsoft"), "{detail}");
    assert!(
        !detail.contains("procurement"),
        "notes hidden in the detail: {detail}"
    );
    press(&mut app, "Esc e");
    let form = screen_text(&draw(&mut app, 100, 30));
    assert!(
        !form.contains("Notes") && !form.contains("procurement"),
        "no notes field: {form}"
    );
    press(&mut app, "Esc / ");
    common::type_text(&mut app, "procurement");
    assert!(
        app.matches().is_empty(),
        "search does not reveal what hidden notes say"
    );
    press(&mut app, "Esc P Enter");
    let detail = screen_text(&draw(&mut app, 100, 30));
    assert!(
        detail.contains("procurement"),
        "shown again outside the public view: {detail}"
    );
}

#[test]
fn clicking_a_card_or_goal_selects_what_is_drawn_there_and_the_wheel_moves() {
    use alignmap::app::{Pane, Target};
    use alignmap::domain::Horizon;
    let mut app = sample_app();
    let text = screen_text(&draw(&mut app, 100, 30));
    // The screen cell where `needle` starts (every character on this screen is one cell wide).
    let find = |needle: &str| {
        let (row, line) = text
            .lines()
            .enumerate()
            .find(|(_, l)| l.contains(needle))
            .unwrap();
        let x = line[..line.find(needle).unwrap()].chars().count();
        (u16::try_from(x).unwrap(), u16::try_from(row).unwrap())
    };
    let (x, y) = find("ERP backup");
    let target = alignmap::ui::hit::hit(&app, x, y).unwrap();
    assert_eq!(target, Target::Card(Horizon::NextWeek, 2));
    app.click(target);
    assert_eq!(
        app.selected_initiative().unwrap().title,
        "ERP backup restore drill"
    );
    let (x, y) = find("Handle 3x order volume");
    app.click(alignmap::ui::hit::hit(&app, x, y).unwrap());
    assert_eq!(
        (app.view.pane, app.selected_goal().unwrap().code.as_str()),
        (Pane::Goals, "EU")
    );
    let (x, y) = find("Laptop refresh");
    app.wheel(alignmap::ui::hit::hit(&app, x, y).unwrap(), true);
    assert_eq!(
        (app.view.pane, app.view.column, app.view.cursor[3]),
        (Pane::Board, Horizon::NextYear, 1)
    );
    assert_eq!(
        alignmap::ui::hit::hit(&app, 0, 0),
        None,
        "the header is not clickable"
    );
}

#[test]
fn presentation_80x24() {
    let mut app = sample_app();
    press(&mut app, "p");
    insta::assert_snapshot!(draw(&mut app, 80, 24).backend());
}

#[test]
fn presentation_closes_with_what_needs_a_decision_and_what_was_decided() {
    let mut app = sample_app();
    app.settings.theme = alignmap::domain::prefs::ThemeName::Light;
    press(&mut app, "c");
    common::type_text(
        &mut app,
        "decision: Fund the data warehouse next quarter #data",
    );
    press(&mut app, "Enter p End");
    let text = screen_text(&draw(&mut app, 80, 24));
    for expected in [
        "Where we stand",
        "Goals with no work they can count on (1)",
        "DATA One trusted number",
        "High risks without a mitigation (2)",
        "Decided in this session (1)",
        "Fund the data warehouse next quarter",
    ] {
        assert!(text.contains(expected), "{expected:?} missing: {text}");
    }
    insta::assert_snapshot!(
        "presentation_closing_80x24_light",
        draw(&mut app, 80, 24).backend()
    );
    // A goal page flags what the room must not miss.
    press(&mut app, "Home");
    let o2c = screen_text(&draw(&mut app, 80, 24));
    assert!(o2c.contains("⚠ High risk, no mitigation:"), "{o2c}");
    for _ in 0..5 {
        press(&mut app, "Right");
    }
    let data = screen_text(&draw(&mut app, 80, 24));
    assert!(data.contains("UNSUPPORTED · none by 31 Dec"), "{data}");
    assert!(data.contains("(no target set)"), "{data}");
    assert!(!data.contains("n/a of the way"), "{data}");
}

#[test]
fn column_footers_at_80x24_are_never_cut_whatever_the_day() {
    let days = [
        "2026-11-22",
        "2026-12-06",
        "2026-12-27",
        "2027-01-31",
        "2027-02-28",
    ];
    for (today, full) in days.iter().flat_map(|d| [(*d, false), (*d, true)]) {
        // The sample, and a roadmap with more cards than any column shows (its position
        // "1/40" then takes room from the window).
        let roadmap = if full {
            alignmap::generate::roadmap(6, 300, 1, common::date(today))
        } else {
            alignmap::sample::sample(common::date(common::TODAY), common::now()).unwrap()
        };
        let mut app = common::app_with(roadmap, today);
        // Every column focused in turn, so each shows its position beside its window.
        for column in 0..4 {
            let text = screen_text(&draw(&mut app, 80, 24));
            let footer = text
                .lines()
                .find(|l| l.starts_with('└') || l.starts_with('┗'))
                .unwrap()
                .to_string();
            assert!(!footer.contains('…'), "{today}, column {column}: {footer}");
            press(&mut app, "l");
        }
    }
}

#[test]
fn presentation_240x67() {
    let mut app = sample_app();
    press(&mut app, "p l");
    insta::assert_snapshot!(draw(&mut app, 240, 67).backend());
}

#[test]
fn presentation_reads_in_light_and_high_contrast_with_status_in_words() {
    use alignmap::domain::prefs::ThemeName;
    for theme in [ThemeName::Light, ThemeName::HighContrast, ThemeName::Mono] {
        for (w, h) in [(80, 24), (240, 67)] {
            let mut app = sample_app();
            app.settings.theme = theme;
            press(&mut app, "p l");
            let terminal = draw(&mut app, w, h);
            let text = screen_text(&terminal);
            assert!(text.contains("PUBLIC"), "{theme:?} {w}x{h}");
            assert!(
                text.contains("OVERDUE"),
                "overdue said in words: {theme:?} {w}x{h}\n{text}"
            );
            assert!(text.contains("◐"), "status by symbol: {theme:?} {w}x{h}");
            if theme != ThemeName::Mono {
                let unpainted = terminal
                    .backend()
                    .buffer()
                    .content
                    .iter()
                    .filter(|c| c.bg == Color::Reset)
                    .count();
                assert_eq!(unpainted, 0, "{theme:?} {w}x{h} paints its background");
            }
        }
    }
}

#[test]
fn a_read_only_session_hints_only_what_it_can_do() {
    let mut app = sample_app();
    app.session.read_only = Some("roadmap.ron is open in alignmap pid 7".into());
    let text = screen_text(&draw(&mut app, 100, 30));
    let hints = text.lines().last().unwrap();
    assert!(
        hints.contains("? help") && hints.contains("q quit"),
        "{hints}"
    );
    assert!(
        !hints.contains("capture") && !hints.contains("edit"),
        "{hints}"
    );
    assert!(
        text.lines()
            .next()
            .unwrap()
            .contains("READ-ONLY · roadmap.ron is open in alignmap pid 7")
    );
}

#[test]
fn the_session_summary_names_what_was_added_moved_and_changed() {
    let mut app = sample_app();
    press(&mut app, "R");
    assert!(
        screen_text(&draw(&mut app, 100, 30)).contains("Nothing has changed in this session yet.")
    );
    press(&mut app, "Esc c");
    common::type_text(&mut app, "Payroll to SaaS #cost !next-month");
    press(&mut app, "Enter h h L s i Enter");
    press(&mut app, "p Esc");
    assert!(
        matches!(app.mode, alignmap::app::Mode::Summary { .. }),
        "leaving the presentation recaps"
    );
    let text = screen_text(&draw(&mut app, 100, 30));
    for expected in [
        "Added (1)",
        "Payroll to SaaS",
        "Moved later (1)",
        "Status changed (1)",
        "Blocked → In progress",
    ] {
        assert!(text.contains(expected), "{expected}: {text}");
    }
}

#[test]
fn decisions_view_and_due_actions_on_cards() {
    let mut app = sample_app();
    press(&mut app, "c");
    common::type_text(
        &mut app,
        "action: Book the maintenance window @lena !tomorrow",
    );
    press(&mut app, "Enter c");
    common::type_text(&mut app, "decision: Patch this week, not next #iso");
    press(&mut app, "Enter");
    // Tied to a card in view 4 (capture never guesses one): its About field takes a title.
    press(&mut app, "4 Down e Tab Tab Tab");
    common::type_text(&mut app, "Patch the VPN gateways");
    press(&mut app, "Enter Esc");
    let board = screen_text(&draw(&mut app, 100, 30));
    assert!(
        board.contains("☐1"),
        "an open action due soon shows on its card: {board}"
    );
    press(&mut app, "4");
    insta::assert_snapshot!(draw(&mut app, 100, 30).backend());
}

#[test]
fn people_view_80x24_light_theme_and_capture_preview_on_two_lines() {
    let mut app = sample_app();
    app.settings.theme = alignmap::domain::prefs::ThemeName::Light;
    press(&mut app, "7");
    insta::assert_snapshot!("people_view_80x24", draw(&mut app, 80, 24).backend());
    press(&mut app, "Esc c");
    common::type_text(
        &mut app,
        "Cloud cost dashboard @Lena Fischer #cost +finops !Q1 2027",
    );
    let text = screen_text(&draw(&mut app, 80, 24));
    // The preview's two lines, inside the box, read as one.
    let preview: Vec<&str> = text
        .lines()
        .filter(|l| l.contains('║'))
        .skip(1)
        .take(2)
        .map(|l| l.split('║').nth(1).unwrap_or_default().trim())
        .collect();
    assert!(
        preview
            .join(" ")
            .ends_with("COST · IT owner Lena Fischer · tags finops"),
        "owner and tags show, on the preview's second line: {text}"
    );
}

#[test]
fn a_long_message_at_80x24_takes_the_hint_line_instead_of_being_cut() {
    let mut app = sample_app();
    app.settings.theme = alignmap::domain::prefs::ThemeName::Light;
    press(&mut app, "c");
    common::type_text(&mut app, "Chatbot for order status #cx !eom");
    press(&mut app, "Enter");
    let message = app.message.as_ref().unwrap().1.clone();
    assert!(
        message.chars().count() > 70,
        "long enough to need two lines: {message}"
    );
    let terminal = draw(&mut app, 80, 24);
    let text = screen_text(&terminal);
    let bottom: Vec<&str> = text.lines().rev().take(2).collect();
    let shown = format!("{} {}", bottom[1].trim(), bottom[0].trim());
    let shown = shown.replace(" Unsaved (1)", "");
    assert_eq!(
        shown.split_whitespace().collect::<Vec<_>>(),
        message.split_whitespace().collect::<Vec<_>>(),
        "every word of the message is on screen"
    );
    insta::assert_snapshot!("long_message_80x24_light", terminal.backend());
}

#[test]
fn large_screens_show_the_selected_item_beside_the_board() {
    let mut app = sample_app();
    press(&mut app, "l j");
    let text = screen_text(&draw(&mut app, 240, 67));
    assert!(text.contains("Selected · Enter opens"), "{text}");
    assert!(
        text.contains("Payment reminders go out automatically"),
        "the card's summary: {text}"
    );
    press(&mut app, "Tab");
    let text = screen_text(&draw(&mut app, 240, 67));
    assert!(
        text.contains("What IT delivers for this goal"),
        "a goal when the goals pane has focus"
    );
    let small = screen_text(&draw(&mut app, 160, 48));
    assert!(
        !small.contains("Selected · Enter opens"),
        "no pane below 170 columns"
    );
}

#[test]
fn the_decisions_view_moves_down_the_list_and_the_recap_lists_decisions() {
    let mut app = sample_app();
    for line in [
        "decision: First decision #iso",
        "decision: Second decision #cost",
    ] {
        press(&mut app, "c");
        common::type_text(&mut app, line);
        press(&mut app, "Enter");
    }
    press(&mut app, "4");
    let text = screen_text(&draw(&mut app, 100, 30));
    assert!(
        text.contains("▶ • 22 Nov  First decision"),
        "starts at the top: {text}"
    );
    press(&mut app, "j");
    let text = screen_text(&draw(&mut app, 100, 30));
    assert!(
        text.contains("▶ • 22 Nov  Second decision"),
        "down goes down: {text}"
    );
    press(&mut app, "Esc R");
    let text = screen_text(&draw(&mut app, 100, 30));
    assert!(
        text.contains("Decisions (2)") && text.contains("First decision"),
        "{text}"
    );
}

#[test]
fn line_breaks_in_a_summary_start_new_lines_in_the_detail() {
    let app = sample_app();
    let at = app.derived.columns[0][app.view.cursor[0]];
    let mut roadmap = app.roadmap.clone();
    roadmap.initiatives[at].summary = "First line of the summary\nSecond line \u{1b}[31m".into();
    let mut app = app_with(roadmap, TODAY);
    press(&mut app, "Enter");
    let text = screen_text(&draw(&mut app, 100, 40));
    let first = text
        .lines()
        .position(|l| l.contains("First line of the summary"))
        .unwrap();
    let next = text.lines().nth(first + 1).unwrap();
    assert!(next.contains("Second line ␛[31m"), "{text}");
    assert!(!text.contains('␊'), "{text}");
}
