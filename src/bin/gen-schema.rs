//! Writes the JSON Schemas and the rulebook in `docs/` from the Rust types and
//! the rule registry: `cargo run --bin gen-schema` (`make schema`).

fn main() {
    let root = env!("CARGO_MANIFEST_DIR");
    for (name, text) in [
        ("case.schema.json", sfo_check::schema::case_schema()),
        ("policy.schema.json", sfo_check::schema::policy_schema()),
        ("scenario.schema.json", sfo_check::schema::scenario_schema()),
        (
            "rules.md",
            sfo_check::rulebook::rules_markdown(
                &sfo_check::policy::PolicyProfile::default_profile(),
            ),
        ),
    ] {
        let path = format!("{root}/docs/{name}");
        if let Err(e) = std::fs::write(&path, text) {
            eprintln!("gen-schema: cannot write {path}: {e}");
            std::process::exit(1);
        }
        println!("wrote {path}");
    }
    let doc = format!("{root}/docs/caseload-format.md");
    let spliced = std::fs::read_to_string(&doc)
        .ok()
        .and_then(|text| sfo_check::caseload::splice_columns(&text));
    match spliced.map(|text| std::fs::write(&doc, text)) {
        Some(Ok(())) => println!("wrote the columns into {doc}"),
        _ => {
            eprintln!("gen-schema: cannot write the columns into {doc} (are its markers there?)");
            std::process::exit(1);
        }
    }
    let page = format!("{root}/www/index.html");
    let rules =
        sfo_check::rulebook::rules_html(&sfo_check::policy::PolicyProfile::default_profile());
    let spliced = std::fs::read_to_string(&page)
        .ok()
        .and_then(|html| sfo_check::rulebook::splice_into_page(&html, &rules));
    match spliced.map(|html| std::fs::write(&page, html)) {
        Some(Ok(())) => println!("wrote the rules into {page}"),
        _ => {
            eprintln!("gen-schema: cannot write the rules into {page} (are its markers there?)");
            std::process::exit(1);
        }
    }
}
