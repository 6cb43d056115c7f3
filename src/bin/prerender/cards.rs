//! A link-preview card per note and edition (`notes/<id>/card.png`, 1200 × 630): the site's name, the
//! note's kind with its verdict or status, and its title, drawn at build time with DejaVu Sans Bold
//! (vendored in `assets/fonts/`, with its licence). Crawlers fetch them; readers never need them, so the
//! service worker does not save them (see `offline::precached`). Drawn only by a build that knows its origin:
//! only then does a page name its card (`og:image` is an absolute URL).

use crate::write;
use ab_glyph::{Font, FontRef, PxScale, ScaleFont};
use contract::route::CARD_SIZE;
use letter_explainer::content::notes;
use letter_explainer::i18n::t;
use letter_explainer::route::card_file;
use model::{Assessment, Note, NoteKind, Status, Verdict};
use std::path::Path;

const FONT: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSans-Bold.ttf");

type Rgb = [u8; 3];
/// `--bg`, `--text`, `--muted` and `--accent` of `style/main.css` (light).
const BG: Rgb = [0xfd, 0xfc, 0xf8];
const TEXT: Rgb = [0x1a, 0x1a, 0x1a];
const MUTED: Rgb = [0x54, 0x54, 0x54];
const ACCENT: Rgb = [0x0a, 0x57, 0xa3];
/// `--ok-text`, `--warn-text`, `--bad-text`, `--neutral-text`.
const OK: Rgb = [0x14, 0x53, 0x2d];
const WARN: Rgb = [0x6b, 0x3d, 0x00];
const BAD: Rgb = [0x7f, 0x1d, 0x1d];
const NEUTRAL: Rgb = [0x2f, 0x2f, 0x2f];

/// The left margin, the width text may take, and the most lines a title gets.
const MARGIN: f32 = 80.0;
const TEXT_WIDTH: f32 = 1040.0;
const TITLE_LINES: usize = 4;

/// Writes the card of every note of the edition being rendered; returns how many.
pub fn write_cards(dir: &Path) -> usize {
    for i in 0..notes().len() {
        write(&dir.join(card_file(i)), card(i));
    }
    notes().len()
}

/// A note's kind with its verdict or status, in the edition being rendered: "Claim · Verdict: Supported",
/// "Request 2 · Status: Not met", "Context" (on its card and in its link preview).
pub fn label(note: &Note) -> String {
    let s = t();
    let kind = match note.number {
        Some(n) => format!("{} {n}", s.kind(NoteKind::Request)),
        None => s.kind(note.kind).to_owned(),
    };
    match &note.assessment {
        Assessment::Verdict { verdict, .. } => {
            format!("{kind} · {}: {}", s.verdict_label, s.verdict(*verdict))
        }
        Assessment::Status { status, .. } => {
            format!("{kind} · {}: {}", s.status_label, s.status(*status))
        }
        Assessment::None => kind,
    }
}

/// The card of a note, as PNG.
pub fn card(index: usize) -> Vec<u8> {
    let note = &notes()[index];
    let colour = match &note.assessment {
        Assessment::Verdict { verdict, .. } => match verdict {
            Verdict::Supported => OK,
            Verdict::NeedsContext => WARN,
            Verdict::Disputed => BAD,
            Verdict::Unverifiable => NEUTRAL,
        },
        Assessment::Status { status, .. } => match status {
            Status::Met => OK,
            Status::PartlyMet | Status::Unclear => WARN,
            Status::NotMet => BAD,
        },
        Assessment::None => NEUTRAL,
    };
    let label = label(note);

    let (w, h) = CARD_SIZE;
    let mut canvas = Canvas::new(w, h);
    canvas.rect(0, 0, 24, h, ACCENT);
    let font = FontRef::try_from_slice(FONT).expect("the vendored font parses");
    canvas.text(
        &font,
        30.0,
        MARGIN,
        100.0,
        &letter_explainer::content::info().name,
        MUTED,
        TEXT_WIDTH,
    );
    canvas.text(&font, 36.0, MARGIN, 175.0, &label, colour, TEXT_WIDTH);
    for (k, line) in wrap(&font, 64.0, &note.title, TEXT_WIDTH, TITLE_LINES)
        .iter()
        .enumerate()
    {
        canvas.text(
            &font,
            64.0,
            MARGIN,
            280.0 + 80.0 * k as f32,
            line,
            TEXT,
            TEXT_WIDTH,
        );
    }
    canvas.rect(MARGIN as u32, h - 70, 120, 6, ACCENT);
    canvas.png()
}

/// The width of a line of text at `px`.
fn width(font: &FontRef<'_>, px: f32, text: &str) -> f32 {
    let scaled = font.as_scaled(PxScale::from(px));
    let mut previous = None;
    let mut x = 0.0;
    for c in text.chars() {
        let id = scaled.glyph_id(c);
        if let Some(p) = previous {
            x += scaled.kern(p, id);
        }
        x += scaled.h_advance(id);
        previous = Some(id);
    }
    x
}

/// Words in lines no wider than `max`, at most `lines` of them (the last ends with "…" if text is left).
fn wrap(font: &FontRef<'_>, px: f32, text: &str, max: f32, lines: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut current = String::new();
    for word in text.split_whitespace() {
        let candidate = if current.is_empty() {
            word.to_owned()
        } else {
            format!("{current} {word}")
        };
        if width(font, px, &candidate) <= max || current.is_empty() {
            current = candidate;
        } else {
            out.push(std::mem::replace(&mut current, word.to_owned()));
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    if out.len() > lines {
        out.truncate(lines);
        let last = out.last_mut().expect("at least one line");
        while !last.is_empty() && width(font, px, &format!("{last} …")) > max {
            last.pop();
        }
        last.push_str(" …");
    }
    out
}

/// An RGB image being drawn.
struct Canvas {
    width: u32,
    height: u32,
    pixels: Vec<u8>,
}

impl Canvas {
    fn new(width: u32, height: u32) -> Self {
        let pixels = BG.repeat((width * height) as usize);
        Canvas {
            width,
            height,
            pixels,
        }
    }

    /// Blends `colour` into a pixel with coverage `alpha` (0–1).
    fn blend(&mut self, x: i64, y: i64, colour: Rgb, alpha: f32) {
        if x < 0 || y < 0 || x >= i64::from(self.width) || y >= i64::from(self.height) {
            return;
        }
        let at = ((y as u32 * self.width + x as u32) * 3) as usize;
        for (c, &target) in colour.iter().enumerate() {
            let old = f32::from(self.pixels[at + c]);
            self.pixels[at + c] =
                (old + (f32::from(target) - old) * alpha.clamp(0.0, 1.0)).round() as u8;
        }
    }

    fn rect(&mut self, x: u32, y: u32, w: u32, h: u32, colour: Rgb) {
        for yy in y..(y + h).min(self.height) {
            for xx in x..(x + w).min(self.width) {
                self.blend(i64::from(xx), i64::from(yy), colour, 1.0);
            }
        }
    }

    /// Draws one line of text with its baseline at `y`, clipped to `max` wide.
    #[allow(clippy::too_many_arguments)]
    fn text(
        &mut self,
        font: &FontRef<'_>,
        px: f32,
        x: f32,
        y: f32,
        text: &str,
        colour: Rgb,
        max: f32,
    ) {
        let scaled = font.as_scaled(PxScale::from(px));
        let mut caret = x;
        let mut previous = None;
        for c in text.chars() {
            let id = scaled.glyph_id(c);
            if let Some(p) = previous {
                caret += scaled.kern(p, id);
            }
            if caret - x > max {
                break;
            }
            let glyph = id.with_scale_and_position(PxScale::from(px), ab_glyph::point(caret, y));
            if let Some(outlined) = font.outline_glyph(glyph) {
                let bounds = outlined.px_bounds();
                outlined.draw(|gx, gy, coverage| {
                    self.blend(
                        bounds.min.x as i64 + i64::from(gx),
                        bounds.min.y as i64 + i64::from(gy),
                        colour,
                        coverage,
                    );
                });
            }
            caret += scaled.h_advance(id);
            previous = Some(id);
        }
    }

    fn png(&self) -> Vec<u8> {
        let mut out = Vec::new();
        {
            let mut encoder = png::Encoder::new(&mut out, self.width, self.height);
            encoder.set_color(png::ColorType::Rgb);
            encoder.set_depth(png::BitDepth::Eight);
            encoder.set_compression(png::Compression::Best);
            let mut writer = encoder.write_header().expect("a PNG header");
            writer.write_image_data(&self.pixels).expect("PNG data");
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The light value of a custom property in `style/main.css` (`--name: light-dark(#rrggbb, …)`).
    fn css_light(name: &str) -> Rgb {
        let css = include_str!("../../../style/main.css");
        let declaration = format!("--{name}: light-dark(#");
        let at = css
            .find(&declaration)
            .unwrap_or_else(|| panic!("style/main.css has no light-dark --{name}"));
        let hex = &css[at + declaration.len()..][..6];
        let byte = |k: usize| u8::from_str_radix(&hex[2 * k..2 * k + 2], 16).unwrap();
        [byte(0), byte(1), byte(2)]
    }

    fn hex(rgb: Rgb) -> String {
        format!("#{:02x}{:02x}{:02x}", rgb[0], rgb[1], rgb[2])
    }

    #[test]
    fn the_palette_copied_from_the_stylesheet_agrees_with_it() {
        for (name, rgb) in [
            ("bg", BG),
            ("text", TEXT),
            ("muted", MUTED),
            ("accent", ACCENT),
            ("ok-text", OK),
            ("warn-text", WARN),
            ("bad-text", BAD),
            ("neutral-text", NEUTRAL),
        ] {
            assert_eq!(hex(rgb), hex(css_light(name)), "--{name}");
        }
        assert_eq!(crate::offline::THEME_COLOR, hex(css_light("accent")));
        assert_eq!(crate::offline::BACKGROUND_COLOR, hex(css_light("bg")));
    }

    fn decode(png_bytes: &[u8]) -> (u32, u32, Vec<u8>) {
        let decoder = png::Decoder::new(png_bytes);
        let mut reader = decoder.read_info().unwrap();
        let mut buf = vec![0; reader.output_buffer_size()];
        let info = reader.next_frame(&mut buf).unwrap();
        (info.width, info.height, buf)
    }

    #[test]
    fn a_card_is_a_1200_by_630_image_with_its_text_drawn() {
        letter_explainer::edition::render(
            letter_explainer::content::built(),
            model::Lang::En,
            || {
                let (w, h, pixels) = decode(&card(0));
                assert_eq!((w, h), CARD_SIZE);
                let dark = pixels.chunks(3).filter(|p| p == &TEXT.as_slice()).count();
                assert!(
                    dark > 2_000,
                    "the title is drawn ({dark} title-coloured pixels)"
                );
                assert_eq!(
                    &pixels[(100 * w as usize + 1000) * 3..][..3],
                    &BG,
                    "the background"
                );
                assert_eq!(&pixels[..3], &ACCENT, "the accent bar");
            },
        )
    }

    #[test]
    fn long_titles_wrap_and_end_with_an_ellipsis() {
        let font = FontRef::try_from_slice(FONT).unwrap();
        let title = "word ".repeat(200);
        let lines = wrap(&font, 64.0, &title, TEXT_WIDTH, TITLE_LINES);
        assert_eq!(lines.len(), TITLE_LINES);
        assert!(lines.last().unwrap().ends_with(" …"));
        assert!(lines.iter().all(|l| width(&font, 64.0, l) <= TEXT_WIDTH));
        assert_eq!(
            wrap(&font, 64.0, "Short title", TEXT_WIDTH, 4),
            ["Short title"]
        );
    }
}
