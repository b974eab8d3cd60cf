//! Pages rendered in the installed Chromium: PDF facts (pages, sizes) and PNG checks.

use std::path::{Path, PathBuf};

/// The browser `.ci/run` installs. No skipping: a print check that silently does not run
/// checks nothing.
pub fn browser() -> PathBuf {
    alignmap::cli::browser::find()
        .expect("this test renders in headless Chromium: apt-get install chromium")
}

/// The page count of a PDF (its `/Type /Page` objects).
pub fn pages(pdf: &[u8]) -> usize {
    let text = String::from_utf8_lossy(pdf);
    text.match_indices("/Type")
        .filter(|(at, _)| {
            let rest = text[at + 5..].trim_start();
            rest.starts_with("/Page") && !rest.starts_with("/Pages")
        })
        .count()
}

/// Every page's size in points (width, height), from its `/MediaBox`.
pub fn page_sizes(pdf: &[u8]) -> Vec<(f64, f64)> {
    let text = String::from_utf8_lossy(pdf);
    text.match_indices("/MediaBox")
        .filter_map(|(at, _)| {
            let inside = text[at..].split_once('[')?.1.split_once(']')?.0;
            let n: Vec<f64> = inside
                .split_whitespace()
                .filter_map(|x| x.parse().ok())
                .collect();
            (n.len() == 4).then(|| (n[2] - n[0], n[3] - n[1]))
        })
        .collect()
}

/// A PNG decoded to (width, height, RGBA rows).
pub fn decode(png_file: &Path) -> (usize, usize, Vec<u8>) {
    let decoder = png::Decoder::new(std::io::BufReader::new(
        std::fs::File::open(png_file).unwrap(),
    ));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    let channels = info.color_type.samples();
    let (w, h) = (info.width as usize, info.height as usize);
    let mut rgba = Vec::with_capacity(w * h * 4);
    for px in buf[..info.buffer_size()].chunks(channels) {
        let (r, g, b) = match channels {
            1 | 2 => (px[0], px[0], px[0]),
            _ => (px[0], px[1], px[2]),
        };
        rgba.extend_from_slice(&[r, g, b, 255]);
    }
    (w, h, rgba)
}

/// How many pixels in the rightmost `strip` columns are not white: content wider than the
/// window runs into the page's right margin, which is blank otherwise.
pub fn ink_in_right_margin(png_file: &Path, strip: usize) -> usize {
    let (w, h, rgba) = decode(png_file);
    let mut ink = 0;
    for y in 0..h {
        for x in w - strip..w {
            let at = (y * w + x) * 4;
            if rgba[at..at + 3].iter().any(|c| *c < 235) {
                ink += 1;
            }
        }
    }
    ink
}

/// How many pixels in the bottom `rows` rows are not white: none when the picture holds
/// the whole page (its end is blank).
pub fn ink_at_bottom(png_file: &Path, rows: usize) -> usize {
    let (w, h, rgba) = decode(png_file);
    rgba[(h - rows) * w * 4..]
        .chunks(4)
        .filter(|p| p[..3].iter().any(|c| *c < 235))
        .count()
}

/// How many pixels of the whole picture are dark (text, lines): a blank render has none.
pub fn dark_pixels(png_file: &Path) -> usize {
    let (_, _, rgba) = decode(png_file);
    rgba.chunks(4)
        .filter(|p| p[..3].iter().all(|c| *c < 100))
        .count()
}

/// Where a test keeps what it rendered, out of git (under `target/`).
pub fn artefacts() -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("render");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}
