//! The native half of `make bench`: how long a full check of each example
//! and the working-day arithmetic take on one core. A benchmark, not a test:
//! it reports, it never fails.
//!
//! `cargo bench --bench engine -- WORD` runs only the measures naming WORD;
//! `--quick` measures briefly (as `make test` does, to prove it runs);
//! `--json FILE` also writes the figures for `bench/browser.mjs` to merge.

use chrono::NaiveDate;
use serde_json::{json, Value};
use sfo_check::calendar::Calendar;
use sfo_check::case::Case;
use sfo_check::policy::{PolicyProfile, PolicySet, DEFAULT_POLICY_JSON};
use sfo_check::{Checker, Options};
use std::hint::black_box;
use std::time::{Duration, Instant};

const LARGEST: &str = "training-scenario-many-flags";

struct Bench {
    only: Option<String>,
    quick: bool,
    figures: Vec<Value>,
}

impl Bench {
    /// Times `run` in batches, so reading the clock never outweighs a call
    /// that takes nanoseconds; reports the median batch's time per call.
    fn measure(&mut self, key: &str, name: &str, mut run: impl FnMut()) {
        if self
            .only
            .as_ref()
            .is_some_and(|word| !name.contains(word.as_str()))
        {
            return;
        }
        for _ in 0..10 {
            run();
        }
        // Size a batch to take about a millisecond.
        let start = Instant::now();
        let mut per_batch = 1u32;
        while start.elapsed() < Duration::from_millis(1) {
            run();
            per_batch += 1;
        }
        let (batches, limit) = match self.quick {
            true => (3, Duration::from_millis(20)),
            false => (1000, Duration::from_secs(1)),
        };
        let mut times = Vec::new();
        let started = Instant::now();
        while times.len() < batches && started.elapsed() < limit {
            let batch = Instant::now();
            for _ in 0..per_batch {
                run();
            }
            times.push(batch.elapsed().as_secs_f64() / f64::from(per_batch));
        }
        times.sort_by(f64::total_cmp);
        let each = times[times.len() / 2];
        let calls = times.len() as u64 * u64::from(per_batch);
        println!(
            "{name:<52} {:>10.3} µs per call {:>12.0} per second ({calls} calls)",
            each * 1e6,
            1.0 / each
        );
        self.figures.push(json!({
            "key": key,
            "name": name,
            "microseconds": each * 1e6,
            "per_second": 1.0 / each,
            "calls": calls,
        }));
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let json_file = args
        .iter()
        .position(|a| a == "--json")
        .and_then(|i| args.get(i + 1).cloned());
    let mut bench = Bench {
        only: args
            .iter()
            .find(|a| !a.starts_with('-') && Some(*a) != json_file.as_ref())
            .cloned(),
        quick: args.iter().any(|a| a == "--quick"),
        figures: Vec::new(),
    };
    let root = env!("CARGO_MANIFEST_DIR");
    let checker = Checker::new();
    let clock = NaiveDate::from_ymd_opt(2024, 7, 1).unwrap();
    let mut examples: Vec<String> = std::fs::read_dir(format!("{root}/examples"))
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter_map(|name| name.strip_suffix(".json").map(String::from))
        .collect();
    examples.sort();
    if bench.quick {
        examples.retain(|e| e == "licence-murder-qualifies");
    }
    for example in &examples {
        let text = std::fs::read_to_string(format!("{root}/examples/{example}.json")).unwrap();
        bench.measure(
            &format!("check:{example}"),
            &format!("check {example}"),
            || {
                black_box(
                    checker
                        .check(black_box(&text), &Options::default(), clock)
                        .ok(),
                );
            },
        );
    }
    // Where a check's time goes, for the largest example.
    let text = std::fs::read_to_string(format!("{root}/examples/{LARGEST}.json")).unwrap();
    bench.measure("json-to-value", "  of which: JSON text to a value", || {
        black_box(serde_json::from_str::<Value>(black_box(&text)).ok());
    });
    bench.measure("json-to-case", "  of which: JSON text to a case", || {
        black_box(sfo_check::input::read_partial_str::<Case>(black_box(&text), "case").value);
    });
    let report = checker.check(&text, &Options::default(), clock).unwrap();
    bench.measure(
        "report-to-json",
        "  and then: the report as JSON text (JS API)",
        || {
            black_box(serde_json::to_string(black_box(&report)).ok());
        },
    );
    bench.measure(
        "read-default-policy",
        "read and validate the default policy",
        || {
            black_box(PolicyProfile::from_json(black_box(DEFAULT_POLICY_JSON)).ok());
        },
    );
    bench.measure(
        "policy-set",
        "a policy set with the built-in profile",
        || {
            black_box(PolicySet::default());
        },
    );
    let calendar = Calendar::default();
    let start = NaiveDate::from_ymd_opt(2024, 12, 2).unwrap();
    bench.measure(
        "add-working-days-60",
        "add_working_days(2024-12-02, 60)",
        || {
            black_box(calendar.add_working_days(black_box(start), 60));
        },
    );
    let end = NaiveDate::from_ymd_opt(2034, 12, 2).unwrap();
    bench.measure(
        "working-days-between-10-years",
        "working_days_between over 10 years",
        || {
            black_box(calendar.working_days_between(black_box(start), end));
        },
    );
    if let Some(file) = json_file {
        let doc = json!({ "native": bench.figures });
        std::fs::write(&file, serde_json::to_string_pretty(&doc).unwrap()).unwrap();
    }
}
