//! Components, named for what the reader sees.

pub mod cite;
pub mod clean_reading;
pub mod copy_link;
pub mod embed_control;
pub mod fallback;
pub mod letter_meta;
pub mod note_panel;
pub mod note_review;
pub mod parallel_text;
pub mod reference;
pub mod rich_text;
pub mod scorecard;
pub mod site_chrome;
pub mod source_citation;
