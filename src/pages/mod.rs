//! One component per route.

pub mod about;
pub mod corrections;
pub mod embed;
pub mod letter;
pub mod not_found;
pub mod offline;
pub mod print;
pub mod search;
pub mod sources;
pub mod timeline;
