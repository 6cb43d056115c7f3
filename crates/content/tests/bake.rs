//! `bake_site` writes the model as Rust statics the site compiles in.

use content::{bake::bake_editions, compile, ContentTree};
use std::path::Path;

fn baked_good_pack() -> String {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/good");
    let tree = ContentTree::read(&dir).expect("read the good pack");
    let site = compile(&tree).unwrap_or_else(|d| panic!("the good pack must compile:\n{d}"));
    bake_editions(&[&site])
}

#[test]
fn bakes_one_static_per_edition_and_the_list_of_editions() {
    let src = baked_good_pack();
    for part in [
        "pub static SITE_EN: ::model::Site = ::model::Site {lang: ::model::Lang::En,",
        "pub static SITES: [&::model::Site; 1] = [&SITE_EN];",
        ": [::model::Note; 4] = ",
        ": [::model::Event; 3] = ",
        ": [::model::Source; 3] = ",
    ] {
        assert!(src.contains(part), "missing `{part}` in:\n{src}");
    }
    assert!(src.starts_with("// @generated"));
}

#[test]
fn baked_data_is_all_borrowed() {
    let src = baked_good_pack();
    assert!(src.contains("pub static SITE_EN"));
    assert!(
        !src.contains("Owned"),
        "a `Cow::Owned` cannot be in a static"
    );
    // The content made it in: text, the gap, and dates.
    assert!(src.contains("\"Example claim\""));
    assert!(src.contains("::model::Block::Gap"));
    assert!(src.contains("::model::Date {year: 2024,month: 3,day: 15,}"));
}

#[test]
fn baking_is_deterministic() {
    assert_eq!(baked_good_pack(), baked_good_pack());
}
