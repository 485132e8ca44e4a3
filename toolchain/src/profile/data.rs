//! The profiler's block as the board printed it: calibration sums, run times and one line per call path
//! (`p INDEX PARENT ID COUNT ELAPSED_SUM`).

/// One call path: the chain of ids from the program's start down to `id`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RawPath {
    pub index: usize,
    /// 0 for a path that starts at the top.
    pub parent: usize,
    pub id: u32,
    pub count: u64,
    /// Sum of the activations' `ticks_diff` durations (µs), instrumentation included.
    pub elapsed: i128,
}

/// Everything the block holds.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RawProfile {
    /// Calibration: iterations, the extra µs the instrumented calls took over plain ones (outer), and the
    /// µs recorded inside the instrumented activations (inner).
    pub cal_n: u64,
    pub cal_outer: i128,
    pub cal_inner: i128,
    /// The program's run, µs (`ticks_us`) and ms (`ticks_ms`).
    pub run_us: i128,
    pub run_ms: i128,
    /// `ticks_add(0, -1)`: the largest ticks value.
    pub ticks_max: i128,
    /// Indexed by path index - 1.
    pub paths: Vec<RawPath>,
}

/// A malformed block (a line that is not what the runtime prints).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("the profiler's report is malformed at line {line}: {text:?}")]
pub struct BadBlock {
    pub line: usize,
    pub text: String,
}

/// Parses the block (the text between the markers).
pub fn parse(block: &str) -> Result<RawProfile, BadBlock> {
    let mut p = RawProfile::default();
    for (i, line) in block.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let bad = || BadBlock { line: i + 1, text: line.chars().take(200).collect() };
        let f: Vec<&str> = line.split_whitespace().collect();
        let num = |k: usize| -> Result<i128, BadBlock> { f.get(k).and_then(|s| s.parse::<i128>().ok()).ok_or_else(bad) };
        match f[0] {
            "v" => {
                if num(1)? != 1 {
                    return Err(bad());
                }
            }
            "cal" => {
                p.cal_n = u64::try_from(num(1)?).map_err(|_| bad())?;
                p.cal_outer = num(2)?;
                p.cal_inner = num(3)?;
            }
            "run" => {
                p.run_us = num(1)?;
                p.run_ms = num(2)?;
                p.ticks_max = num(3)?;
            }
            "p" => {
                let path = RawPath {
                    index: usize::try_from(num(1)?).map_err(|_| bad())?,
                    parent: usize::try_from(num(2)?).map_err(|_| bad())?,
                    id: u32::try_from(num(3)?).map_err(|_| bad())?,
                    count: u64::try_from(num(4)?).map_err(|_| bad())?,
                    elapsed: num(5)?,
                };
                if path.index != p.paths.len() + 1 || path.parent >= path.index {
                    return Err(bad());
                }
                p.paths.push(path);
            }
            _ => return Err(bad()),
        }
    }
    Ok(p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_what_the_runtime_prints() {
        let p = parse("\nv 1\ncal 1024 5120 2048\nrun 100 0 1073741823\np 1 0 2 1 90\np 2 1 3 4 40\n").unwrap();
        assert_eq!(p.cal_n, 1024);
        assert_eq!(p.ticks_max, 1073741823);
        assert_eq!(p.paths[1], RawPath { index: 2, parent: 1, id: 3, count: 4, elapsed: 40 });
    }

    #[test]
    fn rejects_garbage_with_the_line() {
        assert_eq!(parse("v 1\np 1 0 x 1 2").unwrap_err().line, 2);
        assert!(parse("p 2 0 1 1 1").is_err(), "paths come in order");
        assert!(parse("v 2").is_err());
    }
}
