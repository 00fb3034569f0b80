//! Running the `sfo-check` command line as a user would, for the tests of
//! its commands (`cli.rs`, `caseload.rs`).

use std::process::{Command, Output};

/// Runs `sfo-check ARGS` in the project's folder.
pub fn sfo(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sfo-check"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("runs")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).to_string()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).to_string()
}

/// A file of the project's, as text.
pub fn project_text(relative: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(relative);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{relative}: {e}"))
}
