//! Benchmarks (`make bench`): how long a full check and the working-day
//! arithmetic take. A benchmark, not a test: it reports, it never fails.

use chrono::NaiveDate;
use sfo_check::calendar::Calendar;
use sfo_check::case::Case;
use sfo_check::policy::{PolicyProfile, PolicySet, DEFAULT_POLICY_JSON};
use sfo_check::{Checker, Options};
use std::hint::black_box;
use std::time::{Duration, Instant};

fn measure(name: &str, mut run: impl FnMut()) {
    // `cargo bench --bench engine -- WORD` runs only the measures naming WORD.
    if let Some(word) = std::env::args().skip(1).find(|a| !a.starts_with('-')) {
        if !name.contains(&word) {
            return;
        }
    }
    // Warm up, then run for about a second.
    for _ in 0..10 {
        run();
    }
    let mut iterations = 0u32;
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(1) {
        run();
        iterations += 1;
    }
    let each = start.elapsed() / iterations;
    println!("{name:<48} {each:>12.2?} per call ({iterations} calls)");
}

const LARGEST: &str = "training-scenario-many-flags";

fn main() {
    let root = env!("CARGO_MANIFEST_DIR");
    let checker = Checker::new();
    let clock = NaiveDate::from_ymd_opt(2024, 7, 1).unwrap();
    for example in ["licence-murder-qualifies", LARGEST] {
        let text = std::fs::read_to_string(format!("{root}/examples/{example}.json")).unwrap();
        measure(&format!("check {example} (kept checker)"), || {
            black_box(
                checker
                    .check(black_box(&text), &Options::default(), clock)
                    .ok(),
            );
        });
    }
    // Where a check's time goes, for the largest example.
    let text = std::fs::read_to_string(format!("{root}/examples/{LARGEST}.json")).unwrap();
    measure("  of which: JSON text to a value", || {
        black_box(serde_json::from_str::<serde_json::Value>(black_box(&text)).ok());
    });
    measure("  of which: JSON text to a case", || {
        black_box(sfo_check::input::read_partial_str::<Case>(black_box(&text)).value);
    });
    let report = checker.check(&text, &Options::default(), clock).unwrap();
    measure("  and then: the report as JSON text (the JS API)", || {
        black_box(serde_json::to_string(black_box(&report)).ok());
    });
    measure("read and validate the default policy profile", || {
        black_box(PolicyProfile::from_json(black_box(DEFAULT_POLICY_JSON)).ok());
    });
    measure("a policy set with the built-in profile (kept)", || {
        black_box(PolicySet::default());
    });
    let calendar = Calendar::default();
    let start = NaiveDate::from_ymd_opt(2024, 12, 2).unwrap();
    measure("add_working_days(2024-12-02, 60)", || {
        black_box(calendar.add_working_days(black_box(start), 60));
    });
    let end = NaiveDate::from_ymd_opt(2034, 12, 2).unwrap();
    measure("working_days_between over 10 years", || {
        black_box(calendar.working_days_between(black_box(start), end));
    });
}
