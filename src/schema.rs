//! JSON Schemas generated from the Rust types, so the documented formats and
//! the code cannot drift apart (a test compares them with `docs/`).

use crate::case::Case;
use crate::policy::PolicyProfile;

pub fn case_schema() -> String {
    let schema = schemars::schema_for!(Case);
    serde_json::to_string_pretty(&schema).unwrap_or_default() + "\n"
}

pub fn policy_schema() -> String {
    let schema = schemars::schema_for!(PolicyProfile);
    serde_json::to_string_pretty(&schema).unwrap_or_default() + "\n"
}
