//! From call paths to per-function numbers: self and total time with the instrumentation's cost removed,
//! call counts, shares, and the collapsed stacks of the flame graph.
//!
//! Each path's activations were timed with the instrumentation partly inside (`inner` per activation, the
//! part between the clock reads) and each child activation costs its parent `outer` in all (measured by
//! the calibration). So a path's self time is its elapsed sum, minus its children's elapsed sums, minus
//! `inner` per own activation, minus `outer - inner` per child activation; its inclusive time is its self
//! time plus its children's inclusive times. A function's total time counts only the paths on which it is
//! not already running further up (recursion is counted once, at its outermost activation).

use std::collections::HashMap;

use serde::Serialize;

use super::data::RawProfile;
use super::instrument::{FunctionInfo, CALIBRATION_IDS};

/// One function's numbers.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct FunctionStat {
    pub name: String,
    pub calls: u64,
    pub self_us: f64,
    pub total_us: f64,
    /// Self time as a percentage of the program's time.
    pub self_share: f64,
    pub file: String,
    pub line: u32,
    pub qualified_name: String,
    pub kind: &'static str,
}

/// The cost of the instrumentation, as calibrated on the board.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Overhead {
    /// What one instrumented call (or resume) costs in all, µs.
    pub per_call_us: f64,
    /// The part of it inside the measured activation, µs.
    pub inside_us: f64,
    /// Instrumented activations during the run.
    pub activations: u64,
    /// The instrumented run's time over the program's own (corrected) time.
    pub slowdown: f64,
}

/// A finished profile.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Profile {
    /// Sorted by self time, largest first.
    pub functions: Vec<FunctionStat>,
    /// The program's time without the instrumentation (the sum of the self times), µs.
    pub total_us: f64,
    /// The instrumented run as measured, µs.
    pub run_us: f64,
    pub overhead: Overhead,
    /// `a;b;c self_us` lines for the flame graph.
    #[serde(skip)]
    pub collapsed: Vec<String>,
    pub warnings: Vec<String>,
}

/// Works out the profile. Unknown ids (a block that does not belong to this build) are reported as
/// warnings and left out.
pub fn build(raw: &RawProfile, functions: &[FunctionInfo]) -> Profile {
    let n = raw.paths.len() + 1;
    let cal_n = raw.cal_n.max(1) as f64;
    let outer = (raw.cal_outer as f64 / cal_n).max(0.0);
    let inner = (raw.cal_inner as f64 / cal_n).clamp(0.0, outer.max(0.0));
    let mut warnings = Vec::new();
    let mut child_e = vec![0f64; n];
    let mut child_c = vec![0f64; n];
    let mut id = vec![u32::MAX; n];
    let mut parent = vec![0usize; n];
    for p in &raw.paths {
        id[p.index] = p.id;
        parent[p.index] = p.parent;
        child_e[p.parent] += p.elapsed as f64;
        child_c[p.parent] += p.count as f64;
    }
    let mut selfv = vec![0f64; n];
    for p in &raw.paths {
        // Noise can push a path with almost no own time below zero: it has none.
        selfv[p.index] = (p.elapsed as f64 - child_e[p.index] - p.count as f64 * inner - child_c[p.index] * (outer - inner)).max(0.0);
    }
    let mut incl = selfv.clone();
    for i in (1..n).rev() {
        let v = incl[i];
        incl[parent[i]] += v;
    }
    let mut by_id: HashMap<u32, (u64, f64, f64)> = HashMap::new();
    let mut activations = 0u64;
    let mut unknown = 0usize;
    for p in &raw.paths {
        if p.id < CALIBRATION_IDS {
            continue;
        }
        if functions.get(p.id as usize).is_none() {
            unknown += 1;
            continue;
        }
        activations += p.count;
        let e = by_id.entry(p.id).or_default();
        e.0 += p.count;
        e.1 += selfv[p.index];
        let mut a = p.parent;
        let mut outermost = true;
        while a != 0 {
            if id[a] == p.id {
                outermost = false;
                break;
            }
            a = parent[a];
        }
        if outermost {
            e.2 += incl[p.index];
        }
    }
    if unknown > 0 {
        warnings.push(format!("{unknown} call path(s) name functions this build does not have (a stale runtime on the board?)"));
    }
    let total: f64 = by_id.values().map(|v| v.1.max(0.0)).sum();
    let mut stats: Vec<FunctionStat> = by_id
        .iter()
        .map(|(&fid, &(calls, s, t))| {
            let f = &functions[fid as usize];
            let s = s.max(0.0);
            FunctionStat {
                name: f.name.clone(),
                calls,
                self_us: round1(s),
                total_us: round1(t.max(s)),
                self_share: if total > 0.0 { round1(100.0 * s / total) } else { 0.0 },
                file: f.file.clone(),
                line: f.line,
                qualified_name: f.qualified_name.clone(),
                kind: f.kind,
            }
        })
        .collect();
    stats.sort_by(|a, b| b.self_us.total_cmp(&a.self_us).then_with(|| a.name.cmp(&b.name)));

    let mut collapsed = Vec::new();
    for p in &raw.paths {
        let v = selfv[p.index].round();
        if v < 1.0 || p.id < CALIBRATION_IDS || functions.get(p.id as usize).is_none() {
            continue;
        }
        let mut names = Vec::new();
        let mut a = p.index;
        while a != 0 {
            let name = functions.get(id[a] as usize).map_or("?", |f| f.name.as_str());
            names.push(name.replace(';', ":"));
            a = parent[a];
        }
        names.reverse();
        collapsed.push(format!("{} {}", names.join(";"), v as u64));
    }

    let run_us = raw.run_us as f64;
    if raw.ticks_max > 0 && (raw.run_ms as f64) * 1000.0 > raw.ticks_max as f64 / 2.0 {
        warnings.push(format!(
            "the run took {} ms, longer than half the ticks_us period ({} µs): activations longer than that are mis-timed",
            raw.run_ms,
            (raw.ticks_max + 1) / 2
        ));
    }
    Profile {
        functions: stats,
        total_us: round1(total),
        run_us,
        overhead: Overhead {
            per_call_us: round3(outer),
            inside_us: round3(inner),
            activations,
            slowdown: if total > 0.0 { round3(run_us / total) } else { 0.0 },
        },
        collapsed,
        warnings,
    }
}

fn round1(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

fn round3(v: f64) -> f64 {
    (v * 1000.0).round() / 1000.0
}

#[cfg(test)]
mod tests {
    use super::super::data::{RawPath, RawProfile};
    use super::*;

    fn fns(n: u32) -> Vec<FunctionInfo> {
        (0..n)
            .map(|id| FunctionInfo {
                id,
                name: format!("m.f{id}"),
                module: "m".into(),
                file: "m.py".into(),
                qualified_name: format!("f{id}"),
                line: id,
                kind: "function",
            })
            .collect()
    }

    fn path(index: usize, parent: usize, id: u32, count: u64, elapsed: i128) -> RawPath {
        RawPath { index, parent, id, count, elapsed }
    }

    /// main(2) calls f3 twice; f3 recursion: f3 -> f3. Calibration: outer 10, inner 4 per activation.
    #[test]
    fn corrects_overhead_and_counts_recursion_once() {
        let raw = RawProfile {
            cal_n: 10,
            cal_outer: 100,
            cal_inner: 40,
            run_us: 1000,
            run_ms: 1,
            ticks_max: (1 << 30) - 1,
            paths: vec![path(1, 0, 2, 1, 1000), path(2, 1, 3, 2, 600), path(3, 2, 3, 2, 200)],
        };
        let p = build(&raw, &fns(4));
        let f3 = p.functions.iter().find(|f| f.name == "m.f3").unwrap();
        let main = p.functions.iter().find(|f| f.name == "m.f2").unwrap();
        // Inner f3: 200 - 2*4 = 192. Outer f3: 600 - 200 - 2*4 - 2*(10-4) = 380. Main: 1000 - 600 - 4 - 2*6 = 384.
        assert_eq!(f3.calls, 4);
        assert_eq!(f3.self_us, 572.0);
        assert_eq!(f3.total_us, 572.0, "the recursive path is inside the outer one");
        assert_eq!(main.self_us, 384.0);
        assert_eq!(main.total_us, 956.0);
        assert_eq!(p.total_us, 956.0);
        assert_eq!(p.functions[0].name, "m.f3");
        assert_eq!(p.collapsed, vec!["m.f2 384", "m.f2;m.f3 380", "m.f2;m.f3;m.f3 192"]);
    }
}
