//! `cargo xtask icons`: draws the app icons (a letter page with one highlighted line, on the site's accent
//! colour) and writes them as PNG files to `public/icons/`, where the prerenderer picks them up. The PNGs
//! are committed; run this again only to change the design.
//!
//! - `icon-192.png`, `icon-512.png`: a rounded square, transparent outside it (purpose `any`).
//! - `icon-maskable-512.png`: full bleed, the glyph well inside the safe zone (a centred circle of 40%
//!   radius) that platforms may crop to any shape (purpose `maskable`).

use std::fs;
use std::path::Path;

/// sRGB colours with alpha. The same values as the light side of `style/main.css`'s `--accent`, `--bg`,
/// `--rule` and `--text`, and the dark side of `--claim-line` (a test checks them); `LINE`, the icon's
/// lines of text, is the icon's own.
type Rgba = [u8; 4];
const ACCENT: Rgba = [0x0a, 0x57, 0xa3, 255];
const PAPER: Rgba = [0xfd, 0xfc, 0xf8, 255];
const FOLD: Rgba = [0xd8, 0xd4, 0xc8, 255];
const LINE: Rgba = [0x8f, 0xa9, 0xc9, 255];
const MARK: Rgba = [0xf5, 0xc5, 0x42, 255];
const INK: Rgba = [0x1a, 0x1a, 0x1a, 255];
const CLEAR: Rgba = [0, 0, 0, 0];

/// Writes the three icons into `root/public/icons/`.
pub fn run(root: &Path) -> Result<(), String> {
    let dir = root.join("public/icons");
    fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    for (name, size, maskable) in [
        ("icon-192.png", 192, false),
        ("icon-512.png", 512, false),
        ("icon-maskable-512.png", 512, true),
    ] {
        let png = encode_png(size, size, &draw(size, maskable));
        let path = dir.join(name);
        fs::write(&path, &png).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        println!("wrote {} ({} bytes)", path.display(), png.len());
    }
    Ok(())
}

/// A shape in the unit square, painted in order (later shapes on top).
enum Shape {
    /// A rectangle with rounded corners: left, top, right, bottom, corner radius.
    RoundRect(f64, f64, f64, f64, f64),
    /// A convex polygon, its corners in clockwise order (y grows downwards).
    Polygon(Vec<(f64, f64)>),
}

impl Shape {
    fn contains(&self, x: f64, y: f64) -> bool {
        match *self {
            Shape::RoundRect(l, t, r, b, radius) => {
                // The nearest point of the inner rectangle (a line when the radius is half the height).
                let cx = x.max(l + radius).min(r - radius);
                let cy = y.max(t + radius).min(b - radius);
                x >= l
                    && x <= r
                    && y >= t
                    && y <= b
                    && (x - cx).powi(2) + (y - cy).powi(2) <= radius * radius
            }
            Shape::Polygon(ref points) => points
                .iter()
                .zip(points.iter().cycle().skip(1))
                .all(|(&(x0, y0), &(x1, y1))| (x1 - x0) * (y - y0) - (y1 - y0) * (x - x0) >= 0.0),
        }
    }
}

/// The design: background, then a page with a folded corner and lines of text, one of them marked the way
/// the site marks a claim (yellow, with a dark line of text).
fn shapes(maskable: bool) -> Vec<(Shape, Rgba)> {
    let background = if maskable {
        Shape::RoundRect(0.0, 0.0, 1.0, 1.0, 0.0)
    } else {
        Shape::RoundRect(0.02, 0.02, 0.98, 0.98, 0.2)
    };
    // The glyph is drawn in a 0..1 box centred on the icon, scaled down for the maskable safe zone.
    let scale = if maskable { 0.78 } else { 1.0 };
    let at = |v: f64| 0.5 + (v - 0.5) * scale;
    let rect = |l: f64, t: f64, r: f64, b: f64, radius: f64| {
        Shape::RoundRect(at(l), at(t), at(r), at(b), radius * scale)
    };
    let poly = |points: &[(f64, f64)]| {
        Shape::Polygon(points.iter().map(|&(x, y)| (at(x), at(y))).collect())
    };
    let (l, t, r, b, fold) = (0.27, 0.17, 0.73, 0.83, 0.13);
    let mut shapes = vec![
        (background, ACCENT),
        (
            poly(&[(l, t), (r - fold, t), (r, t + fold), (r, b), (l, b)]),
            PAPER,
        ),
        (
            poly(&[(r - fold, t), (r, t + fold), (r - fold, t + fold)]),
            FOLD,
        ),
    ];
    let line = 0.045;
    for (i, right) in [(0, 0.56), (1, 0.67), (3, 0.67), (4, 0.52)] {
        let y = 0.36 + 0.1 * f64::from(i);
        shapes.push((rect(0.33, y, right, y + line, line / 2.0), LINE));
    }
    let y = 0.56;
    shapes.push((rect(0.31, y - 0.03, 0.69, y + line + 0.03, 0.02), MARK));
    shapes.push((rect(0.33, y, 0.67, y + line, line / 2.0), INK));
    shapes
}

/// Renders the icon at `size` pixels square as RGBA rows, 4×4 samples a pixel for smooth edges.
fn draw(size: u32, maskable: bool) -> Vec<u8> {
    const N: u32 = 4;
    let shapes = shapes(maskable);
    let mut pixels = Vec::with_capacity((size * size * 4) as usize);
    for py in 0..size {
        for px in 0..size {
            let mut sum = [0u32; 4];
            for s in 0..N * N {
                let x = (f64::from(px) + (f64::from(s % N) + 0.5) / f64::from(N)) / f64::from(size);
                let y = (f64::from(py) + (f64::from(s / N) + 0.5) / f64::from(N)) / f64::from(size);
                let colour = shapes
                    .iter()
                    .rev()
                    .find(|(shape, _)| shape.contains(x, y))
                    .map_or(CLEAR, |&(_, c)| c);
                // Premultiplied, so transparent samples do not darken the edge.
                let alpha = u32::from(colour[3]);
                for (acc, &c) in sum.iter_mut().zip(&colour[..3]) {
                    *acc += u32::from(c) * alpha;
                }
                sum[3] += alpha;
            }
            let alpha = sum[3];
            for &channel in &sum[..3] {
                // Un-premultiplied; a fully transparent pixel is black.
                pixels.push((channel + alpha / 2).checked_div(alpha).unwrap_or(0) as u8);
            }
            pixels.push(((alpha + N * N / 2) / (N * N)) as u8);
        }
    }
    pixels
}

/// An 8-bit RGBA PNG, by the `png` crate (best compression: the icons are committed).
pub fn encode_png(width: u32, height: u32, rgba: &[u8]) -> Vec<u8> {
    assert_eq!(rgba.len(), (width * height * 4) as usize, "RGBA pixels");
    let mut png = Vec::new();
    let mut encoder = png::Encoder::new(&mut png, width, height);
    encoder.set_color(png::ColorType::Rgba);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_compression(png::Compression::Best);
    encoder
        .write_header()
        .and_then(|mut writer| writer.write_image_data(rgba))
        .expect("encode in memory");
    png
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The light and dark values of a custom property in `style/main.css` (`--name: light-dark(#…, #…)`).
    fn css(name: &str) -> (String, String) {
        let css = include_str!("../../style/main.css");
        let declaration = format!("--{name}: light-dark(");
        let at = css.find(&declaration).expect("the stylesheet declares it") + declaration.len();
        let (light, dark) = css[at..][..16].split_once(", ").expect("two colours");
        (light.to_owned(), dark[..7].to_owned())
    }

    #[test]
    fn the_colours_copied_from_the_stylesheet_agree_with_it() {
        let hex = |c: Rgba| format!("#{:02x}{:02x}{:02x}", c[0], c[1], c[2]);
        assert_eq!(hex(ACCENT), css("accent").0);
        assert_eq!(hex(PAPER), css("bg").0);
        assert_eq!(hex(FOLD), css("rule").0);
        assert_eq!(hex(INK), css("text").0);
        assert_eq!(hex(MARK), css("claim-line").1);
    }

    #[test]
    fn pngs_decode_back_to_the_pixels() {
        let pixels: Vec<u8> = (0..3 * 2 * 4).map(|i| i as u8 * 10).collect();
        let png = encode_png(3, 2, &pixels);
        let mut reader = png::Decoder::new(&png[..]).read_info().unwrap();
        let mut decoded = vec![0; reader.output_buffer_size()];
        let info = reader.next_frame(&mut decoded).unwrap();
        assert_eq!((info.width, info.height), (3, 2));
        assert_eq!(info.color_type, png::ColorType::Rgba);
        assert_eq!(decoded, pixels);
    }

    #[test]
    fn the_maskable_icon_keeps_its_glyph_in_the_safe_zone() {
        let size = 100;
        let pixels = draw(size, true);
        for y in 0..size {
            for x in 0..size {
                let i = ((y * size + x) * 4) as usize;
                let (dx, dy) = (f64::from(x) + 0.5 - 50.0, f64::from(y) + 0.5 - 50.0);
                if (dx * dx + dy * dy).sqrt() > 40.0 {
                    assert_eq!(
                        &pixels[i..i + 4],
                        &ACCENT,
                        "pixel {x},{y} outside the safe zone"
                    );
                }
            }
        }
    }

    #[test]
    fn the_plain_icon_is_transparent_in_its_corners() {
        let pixels = draw(64, false);
        assert_eq!(pixels[3], 0);
        assert_eq!(&pixels[(32 * 64 + 2) * 4..(32 * 64 + 2) * 4 + 4], &ACCENT);
    }
}
