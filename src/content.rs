//! The content, compiled at build time from `content/` into statics (see `build.rs`).

mod baked {
    include!(concat!(env!("OUT_DIR"), "/content.rs"));
}

/// The whole site's content.
pub fn site() -> &'static model::Site {
    &baked::SITE
}
