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
