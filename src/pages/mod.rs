//! One component per route.

pub mod about;
pub mod embed;
pub mod letter;
pub mod not_found;
pub mod print;
pub mod sources;
pub mod timeline;
