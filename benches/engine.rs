//! The native half of `make bench`: how long a full check of each example
//! and the working-day arithmetic take on one core. A benchmark, not a test:
//! it reports, it never fails.
//!
//! `cargo bench --bench engine -- WORD` runs only the measures naming WORD;
//! `--quick` measures briefly (as `make test` does, to prove it runs);
//! `--json FILE` also writes the figures for `bench/browser.mjs` to merge.
//!
//! Cases at the limits (every list at 500 items, extensions and windows of
//! 100,000 working days, a megabyte of errors) are timed one call at a time:
//! the slowest is held to the 50 ms bound, or, in a `--quick` run of the
//! unoptimised test build, to a ceiling 20 times that, which catches anything
//! that grows out of bounds (those inputs once took 30 s) without judging
//! the figures. Their texts go to `target/bench-limits/` for the browser half.
//!
//! A caseload of 100,000 generated rows (`target/bench-caseload.csv`, also
//! for the browser half) goes through `sfo-check batch`, CSV in to CSV out,
//! on one thread and on every core: one run each, wall-clock.

use chrono::NaiveDate;
use serde_json::{json, Value};
use sfo_check::calendar::Calendar;
use sfo_check::case::Case;
use sfo_check::policy::{PolicyProfile, PolicySet, DEFAULT_POLICY_JSON};
use sfo_check::{Checker, Options};
use std::hint::black_box;
use std::time::{Duration, Instant};

const LARGEST: &str = "training-scenario-many-flags";
/// No input within the limits may take longer to check natively.
const BOUND_MS: f64 = 50.0;
/// The unoptimised `--quick` build's ceiling.
const QUICK_CEILING_MS: f64 = 20.0 * BOUND_MS;
const MOST: usize = 500;

struct Bench {
    only: Option<String>,
    quick: bool,
    figures: Vec<Value>,
    over_bound: bool,
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

impl Bench {
    /// Times `run` one call at a time and holds the slowest to the bound.
    fn at_the_limit(&mut self, key: &str, name: &str, mut run: impl FnMut()) {
        if self
            .only
            .as_ref()
            .is_some_and(|word| !name.contains(word.as_str()) && !key.contains(word.as_str()))
        {
            return;
        }
        let calls = if self.quick { 2 } else { 30 };
        let mut times: Vec<f64> = (0..calls)
            .map(|_| {
                let start = Instant::now();
                run();
                start.elapsed().as_secs_f64() * 1e3
            })
            .collect();
        times.sort_by(f64::total_cmp);
        let (median, slowest) = (times[times.len() / 2], times[times.len() - 1]);
        let bound = if self.quick {
            QUICK_CEILING_MS
        } else {
            BOUND_MS
        };
        let verdict = if slowest < bound { "within" } else { "OVER" };
        println!(
            "{name:<52} {median:>8.2} ms median {slowest:>8.2} ms slowest ({verdict} {bound} ms)"
        );
        self.figures.push(json!({
            "key": key,
            "name": name,
            "microseconds": median * 1e3,
            "slowest_milliseconds": slowest,
            "bound_milliseconds": bound,
            "calls": calls,
        }));
        self.over_bound |= slowest >= bound;
    }
}

/// Cases at the limits, each as (key, what it holds, case text).
fn cases_at_the_limits(root: &str) -> Vec<(&'static str, &'static str, String)> {
    let text = std::fs::read_to_string(format!("{root}/examples/{LARGEST}.json")).unwrap();
    let base: Value = serde_json::from_str(&text).unwrap();
    let day = |i: usize| {
        let d = NaiveDate::from_ymd_opt(2005, 1, 3).unwrap() + chrono::Days::new(i as u64 * 7);
        d.format("%Y-%m-%d").to_string()
    };
    let note = "n".repeat(200);
    // The lists filled to `sizes` (supervision, events, extensions, custody
    // incidents, recorded behaviour, orders), with 500 previous convictions
    // and the longest reference.
    let filled = |sizes: [usize; 6]| {
        let mut case = base.clone();
        // Licence periods a week apart, the last covering the offence.
        case["supervision"] = (1..sizes[0])
            .map(|i| json!({"type": "licence", "start": day(i), "scheduled_end": day(i + 1)}))
            .chain([
                json!({"type": "licence", "start": "2024-03-04", "scheduled_end": "2025-09-01"}),
            ])
            .collect();
        case["events"] = (0..sizes[1])
            .map(|i| json!({"type": "domestic-abuse-call-out", "date": day(i), "note": note}))
            .collect();
        case["review"]["extensions"] = (0..sizes[2])
            .map(|i| {
                json!({"step": "D-REVIEW", "requested": "2024-11-11", "decision": "granted",
                       "decided": "2024-11-12", "extra_working_days": 1 + i % 3})
            })
            .collect();
        let c = &mut case["circumstances"];
        c["custody_incidents"] = (0..sizes[3])
            .map(|i| json!({"type": "weapon", "date": day(i), "considered_in_assessment": false}))
            .collect();
        c["non_convicted_behaviour"] = (0..sizes[4])
            .map(|i| json!({"type": "domestic-abuse-call-out", "date": day(i)}))
            .collect();
        c["orders"] = (0..sizes[5])
            .map(|_| json!({"type": "restraining", "protects": ["known-adult", "children"]}))
            .collect();
        c["previous_convictions"] = (0..MOST).map(|_| json!("domestic-abuse")).collect();
        case["reference"] = "x".repeat(10_000).into();
        case
    };
    // The most rows a case holds, spread two ways.
    let periods_and_events = filled([MOST, MOST, 0, 0, 0, 0]);
    let every_list = filled([200, 200, 200, 150, 150, 100]);
    // Every list at 500: over the rows a case holds, refused.
    let too_many = filled([MOST; 6]);

    let mut far = base.clone();
    // Each extension 100,000 working days: past 2200, so each is an error.
    far["review"]["extensions"] = (0..MOST)
        .map(|_| {
            json!({"step": "D-REVIEW", "requested": "2024-11-11", "decision": "granted",
                   "decided": "2024-11-12", "extra_working_days": 100_000})
        })
        .collect();

    // A megabyte of events whose dates are not real dates.
    let mut bad = base;
    bad["events"] = (0..MOST)
        .map(
            |_| json!({"type": "new-relationship", "date": "2024-02-30", "note": "b".repeat(1800)}),
        )
        .collect();

    let cases = vec![
        (
            "limits:periods-and-events",
            "500 periods and 500 events (1,000 rows)",
            periods_and_events,
        ),
        (
            "limits:every-list",
            "1,000 rows across every list",
            every_list,
        ),
        (
            "limits:too-many-rows",
            "every list at 500 (refused)",
            too_many,
        ),
        (
            "limits:far-extensions",
            "500 extensions of 100,000 working days",
            far,
        ),
        (
            "limits:bad-events",
            "500 events with impossible dates (1 MB)",
            bad,
        ),
    ];
    cases
        .into_iter()
        .map(|(key, name, case)| {
            let text = case.to_string();
            assert!(
                text.len() <= sfo_check::strict::MAX_DOCUMENT_BYTES,
                "{key}: {} bytes",
                text.len()
            );
            (key, name, text)
        })
        .collect()
}

/// The built-in profile at the limits: its SFO window at 100,000 working
/// days, 500 offences and 500 extra closures.
fn policy_at_the_limits() -> String {
    let mut policy: Value = serde_json::from_str(DEFAULT_POLICY_JSON).unwrap();
    policy["id"] = "at-the-limits".into();
    for step in policy["timetable"].as_array_mut().unwrap() {
        if step["counts_from"] == "supervision-end" {
            step["offset"]["amount"] = 100_000.into();
        }
    }
    let offence = policy["offences"][0].clone();
    let builtin = policy["offences"].as_array().unwrap().len();
    for i in builtin..MOST {
        let mut more = offence.clone();
        more["id"] = format!("listed-offence-{i}").into();
        more["name"] = format!("Listed offence {i}").into();
        policy["offences"].as_array_mut().unwrap().push(more);
    }
    let first = NaiveDate::from_ymd_opt(2024, 1, 2).unwrap();
    policy["extra_non_working_days"] = (0..MOST as u64)
        .map(|i| {
            let date = first + chrono::Days::new(i);
            json!({"date": date.format("%Y-%m-%d").to_string(), "name": "Office closure",
                   "status": "confirmed", "sources": [{"title": "Regional notice"}]})
        })
        .collect();
    policy.to_string()
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
        over_bound: false,
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
    let limits_dir = std::path::Path::new(root).join("target/bench-limits");
    std::fs::create_dir_all(&limits_dir).unwrap();
    let limits = cases_at_the_limits(root);
    for (key, name, text) in &limits {
        let outcome = checker.check(text, &Options::default(), clock);
        // Each must be answered as meant: a report, or its errors capped.
        match (*key, &outcome) {
            ("limits:periods-and-events" | "limits:every-list", Ok(_)) => {}
            ("limits:too-many-rows", Err(e)) if e.len() == 1 => {}
            ("limits:far-extensions" | "limits:bad-events", Err(e)) if e.len() == 101 => {}
            _ => panic!("{key}: unexpected outcome {:?}", outcome.err()),
        }
        let file = key.trim_start_matches("limits:");
        std::fs::write(limits_dir.join(format!("{file}.json")), text).unwrap();
        bench.at_the_limit(key, name, || {
            black_box(
                checker
                    .check(black_box(text), &Options::default(), clock)
                    .ok(),
            );
        });
    }
    let policy = policy_at_the_limits();
    let mut wide = Checker::new();
    wide.add_policy_json(&policy).unwrap();
    let (_, _, every_list) = &limits[1];
    let wide_options = Options {
        policy: Some("at-the-limits".into()),
        ..Options::default()
    };
    assert!(wide.check(every_list, &wide_options, clock).is_err());
    bench.at_the_limit(
        "limits:policy",
        "1,000 rows, a policy at the limits",
        || {
            black_box(wide.check(black_box(every_list), &wide_options, clock).ok());
        },
    );
    bench.at_the_limit(
        "limits:read-policy",
        "read, check and add a policy at the limits",
        || {
            black_box(Checker::new().add_policy_json(black_box(&policy)).ok());
        },
    );
    caseload_throughput(&mut bench, root);
    if let Some(file) = json_file {
        let doc = json!({ "native": bench.figures });
        std::fs::write(&file, serde_json::to_string_pretty(&doc).unwrap()).unwrap();
    }
    if bench.over_bound {
        eprintln!("a case at the limits took longer than its bound");
        std::process::exit(1);
    }
}

/// Rows in the generated caseload (a `--quick` run: enough to prove it runs).
const CASELOAD_ROWS: usize = 100_000;
const CASELOAD_ROWS_QUICK: usize = 2_000;

/// A caseload as a team might hold: licences and community orders started
/// 2021 to 2024, offences in and after them, charged and in court a few days
/// later, notifications and reviews submitted for some; 1 row in 100 with an
/// impossible date. Every case assessed on Mon 2 Jun 2025. Deterministic.
fn generated_caseload(rows: usize) -> String {
    let mut seed: u64 = 0x5f0_c4ec;
    let mut next = move |n: u64| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) % n
    };
    let base = NaiveDate::from_ymd_opt(2021, 1, 4).unwrap();
    let today = NaiveDate::from_ymd_opt(2025, 6, 2).unwrap();
    let day = |d: u64| base + chrono::Days::new(d);
    let offences = [
        "murder",
        "manslaughter",
        "rape",
        "kidnapping",
        "wounding-gbh-with-intent",
        "not-listed",
        "arson-endangering-life",
    ];
    let kinds = [
        "licence",
        "community-order",
        "post-sentence-supervision",
        "suspended-sentence-order",
    ];
    let levels = ["low", "medium", "high", "very-high"];
    let mut text = String::from("reference,today,supervision_type,supervision_start,supervision_scheduled_end,offence,alleged_from,charged,first_court_appearance,notification_submitted,review_submitted,rosh_date,rosh_overall,mappa_level\n");
    for i in 0..rows {
        let start = day(next(1300));
        let end = start + chrono::Days::new(180 + next(900));
        let alleged = (start + chrono::Days::new(next(800))).min(today - chrono::Days::new(30));
        let charged = alleged + chrono::Days::new(1 + next(14));
        let court = (charged + chrono::Days::new(1 + next(3))).min(today);
        let charged = charged.min(court);
        let notified = court + chrono::Days::new(2 + next(8));
        let notified = (next(10) < 7 && notified <= today).then_some(notified);
        let reviewed = notified
            .map(|n| n + chrono::Days::new(40 + next(60)))
            .filter(|r| *r <= today && next(2) == 0);
        let rosh = start + chrono::Days::new(next(60));
        let mappa = ["", "1", "2", "3"][next(4) as usize];
        let bad = next(100) == 0;
        let iso = |d: Option<NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
        text.push_str(&format!(
            "CASE-{i:06},{today},{},{start},{end},{},{alleged},{},{court},{},{},{rosh},{},{mappa}\n",
            kinds[next(4) as usize],
            offences[next(7) as usize],
            if bad { "2025-02-30".to_string() } else { charged.to_string() },
            iso(notified),
            iso(reviewed),
            levels[next(4) as usize],
        ));
    }
    text
}

/// A caseload of recent cases, every one with deadlines still to come on
/// Mon 2 Jun 2025 (murders, manslaughters and rapes during licences and
/// community orders, in court in April and May 2025): what the browser
/// benchmark makes a calendar of. Deterministic.
fn generated_open_caseload(rows: usize) -> String {
    let mut seed: u64 = 0x0_ca1e;
    let mut next = move |n: u64| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) % n
    };
    let court_from = NaiveDate::from_ymd_opt(2025, 4, 1).unwrap();
    let mut text = String::from("reference,today,supervision_type,supervision_start,supervision_scheduled_end,offence,alleged_from,charged,first_court_appearance,notification_submitted\n");
    for i in 0..rows {
        let court = court_from + chrono::Days::new(next(55));
        let alleged = court - chrono::Days::new(2 + next(10));
        let start = alleged - chrono::Days::new(30 + next(300));
        let end = alleged + chrono::Days::new(100 + next(600));
        let notified = (next(2) == 0).then(|| (court + chrono::Days::new(3)).to_string());
        text.push_str(&format!(
            "OPEN-{i:06},2025-06-02,{},{start},{end},{},{alleged},{court},{court},{}\n",
            ["licence", "community-order"][next(2) as usize],
            ["murder", "manslaughter", "rape"][next(3) as usize],
            notified.unwrap_or_default(),
        ));
    }
    text
}

/// `sfo-check batch` on the generated caseload, CSV in to CSV out: one run on
/// one thread and one on every core, wall-clock, rows per second.
fn caseload_throughput(bench: &mut Bench, root: &str) {
    if bench
        .only
        .as_ref()
        .is_some_and(|word| !"caseload".contains(word.as_str()))
    {
        return;
    }
    let rows = if bench.quick {
        CASELOAD_ROWS_QUICK
    } else {
        CASELOAD_ROWS
    };
    let file = std::path::Path::new(root).join("target/bench-caseload.csv");
    std::fs::write(&file, generated_caseload(rows)).unwrap();
    std::fs::write(
        std::path::Path::new(root).join("target/bench-caseload-open.csv"),
        generated_open_caseload(rows),
    )
    .unwrap();
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    for (key, threads, format) in [
        ("caseload:one-thread", 1, "csv"),
        ("caseload:all-cores", cores, "csv"),
        ("caseload:calendar", cores, "ics"),
    ] {
        let started = Instant::now();
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_sfo-check"))
            .args([
                "batch",
                file.to_str().unwrap(),
                "--threads",
                &threads.to_string(),
                "--format",
                format,
            ])
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .output()
            .unwrap();
        let seconds = started.elapsed().as_secs_f64();
        // Exit 1: the generated rows with an impossible date; every other row checked.
        assert_eq!(
            out.status.code(),
            Some(1),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let per_second = rows as f64 / seconds;
        let name = format!(
            "batch, {rows} rows, CSV in to {} out, {threads} thread{}",
            if format == "ics" { "a calendar" } else { "CSV" },
            if threads == 1 { "" } else { "s" }
        );
        println!(
            "{name:<60} {:>8.0} ms  {:>9.0} rows/s  {:>9.0} rows/s per core",
            seconds * 1000.0,
            per_second,
            per_second / threads as f64
        );
        bench.figures.push(json!({
            "key": key, "name": name, "rows": rows, "threads": threads,
            "milliseconds": seconds * 1000.0, "rows_per_second": per_second,
            "rows_per_second_per_core": per_second / threads as f64,
            "output_bytes": out.stdout.len(),
        }));
    }
}
