//! Lists the golden case files and the training scenarios for the browser
//! tests, which cannot read files: `$OUT_DIR/golden_cases.rs` embeds each one
//! with `include_str!`. Writes the
//! built-in policy profile without its layout (`$OUT_DIR/default-policy.json`):
//! the engine carries it to every browser, and the spaces are a third of it.

use std::fmt::Write;
use std::path::Path;

fn embed(dir: &Path, name: &str, out: &mut String) {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map(|entries| entries.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|x| x == "json"));
    files.sort();
    let _ = writeln!(out, "pub const {name}: &[(&str, &str)] = &[");
    for path in files {
        let stem = path.file_name().unwrap_or_default().to_string_lossy();
        let _ = writeln!(out, "    ({stem:?}, include_str!({:?})),", path.display());
    }
    out.push_str("];\n");
}

fn main() {
    let root = std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default();
    let golden = Path::new(&root).join("tests/golden");
    println!("cargo:rerun-if-changed=tests/golden");
    println!("cargo:rerun-if-changed=tests/golden/policies");
    let mut out = String::new();
    embed(&golden, "GOLDEN_CASES", &mut out);
    embed(&golden.join("policies"), "GOLDEN_POLICIES", &mut out);
    println!("cargo:rerun-if-changed=scenarios");
    embed(&Path::new(&root).join("scenarios"), "SCENARIOS", &mut out);
    let out_dir = std::env::var("OUT_DIR").unwrap_or_default();
    println!("cargo:rerun-if-changed=policy/default.json");
    let policy = std::fs::read_to_string(Path::new(&root).join("policy/default.json"))
        .expect("policy/default.json is readable");
    // A file that is not JSON is kept as it is, for the engine to report.
    let compact = serde_json::from_str::<serde_json::Value>(&policy)
        .map(|value| value.to_string())
        .unwrap_or(policy);
    std::fs::write(Path::new(&out_dir).join("default-policy.json"), compact)
        .expect("OUT_DIR is writable");
    if let Err(e) = std::fs::write(Path::new(&out_dir).join("golden_cases.rs"), out) {
        println!("cargo:warning=cannot write golden_cases.rs: {e}");
    }
}
