//! Label names of an inline-assembler function (`label_lookup`) and where each label was placed.
//!
//! `label(x)` statements are numbered in order (0, 1, ...) by the compiler. The table maps names to
//! those numbers; it is cleared at the start of every code-size pass, so in a code-size pass a label
//! written further down is not known yet and its use reads label 0 — whatever that is. A jump to a
//! name that is never defined also reads label 0 (after "label 'x' not defined" in the emit pass).
//! Offsets are those of the last code-size pass, `-1` (C's `(size_t)-1`) while unknown.

/// `label_lookup` plus the offsets `get_label_dest` reads.
#[derive(Clone, Debug)]
pub struct Labels {
    names: Vec<Option<String>>,
    offsets: Vec<i64>,
}

impl Labels {
    /// Room for `max_num_labels` labels (the most any scope of the module used in the scope pass).
    pub fn new(max_num_labels: usize) -> Labels {
        Labels {
            names: vec![None; max_num_labels],
            offsets: vec![-1; max_num_labels],
        }
    }

    /// The start of a code-size pass: names and offsets are forgotten.
    pub fn start_compute_pass(&mut self) {
        self.names.iter_mut().for_each(|n| *n = None);
        self.offsets.iter_mut().for_each(|o| *o = -1);
    }

    /// `emit_inline_*_label`: names label `num` and records where it is (in a code-size pass).
    /// False when, in a code-size pass, the name already names a label ("label redefined").
    pub fn define(&mut self, num: usize, id: &str, here: usize, compute: bool) -> bool {
        if compute && self.find(id).is_some() {
            return false;
        }
        if let Some(slot) = self.names.get_mut(num) {
            *slot = Some(id.to_string());
        }
        if compute {
            if let Some(o) = self.offsets.get_mut(num) {
                *o = here as i64;
            }
        }
        true
    }

    /// The number of the label named `id`, if defined so far in this pass.
    pub fn find(&self, id: &str) -> Option<usize> {
        self.names.iter().position(|n| n.as_deref() == Some(id))
    }

    /// The offset of label `num`: -1 while unknown (or out of range).
    pub fn offset(&self, num: usize) -> i64 {
        self.offsets.get(num).copied().unwrap_or(-1)
    }

    /// How many labels there is room for.
    pub fn capacity(&self) -> usize {
        self.names.len()
    }
}
