//! The one table of rule codes: `MP101 => rules::module_constant_without_const::ModuleConstantWithoutConst`.
//!
//! A rule's name (kebab-case of its module) states the bad pattern, never the fix. Its documentation is the
//! doc comment on its struct, read here through the `DOC` constant that [`declare_rule!`] generates.

use super::diagnostic::Severity;
use super::rules;

/// Declares a rule's struct and keeps its doc comment as the `DOC` constant (the hover text and the page in
/// `docs/rules/`). The doc uses fixed headings: `## What it does`, `## Why is this bad?`, `## Example`,
/// `Use instead:`, and `## Fix safety` when the fix is not always safe.
macro_rules! declare_rule {
    ($(#[doc = $doc:expr])* pub struct $name:ident;) => {
        $(#[doc = $doc])*
        #[derive(Debug, Clone, Copy)]
        pub struct $name;
        impl $name {
            /// The raw doc comment (each line still starts with the space after `///`).
            pub const DOC: &'static str = concat!($($doc, "\n"),*);
        }
    };
}
pub(crate) use declare_rule;

macro_rules! rule_table {
    ($( $code:literal => $module:ident :: $name:ident, $sev:ident; )*) => {
        /// Every rule, in code order.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Rule {
            $($name,)*
        }

        impl Rule {
            pub const ALL: &'static [Rule] = &[$(Rule::$name,)*];

            /// The stable code, e.g. `MP101`.
            pub fn code(self) -> &'static str {
                match self { $(Rule::$name => $code,)* }
            }

            /// The rule's module name (snake_case); [`Rule::name`] is its kebab-case form.
            pub fn module_name(self) -> &'static str {
                match self { $(Rule::$name => stringify!($module),)* }
            }

            pub fn default_severity(self) -> Severity {
                match self { $(Rule::$name => Severity::$sev,)* }
            }

            fn raw_doc(self) -> &'static str {
                match self { $(Rule::$name => rules::$module::$name::DOC,)* }
            }
        }
    };
}

rule_table! {
    "MP101" => module_constant_without_const::ModuleConstantWithoutConst, Info;
    "MP102" => list_as_numeric_buffer::ListAsNumericBuffer, Info;
    "MP103" => global_lookup_in_loop::GlobalLookupInLoop, Info;
    "MP104" => attribute_lookup_in_loop::AttributeLookupInLoop, Info;
    "MP105" => allocation_in_irq_handler::AllocationInIrqHandler, Error;
    "MP106" => bytes_slice_in_loop::BytesSliceInLoop, Warning;
    "MP107" => float_arithmetic_on_int_data::FloatArithmeticOnIntData, Info;
    "MP108" => allocation_in_loop::AllocationInLoop, Warning;
    "MP109" => unsupported_emitter_construct::UnsupportedEmitterConstruct, Error;
}

impl Rule {
    /// The kebab-case name, e.g. `module-constant-without-const`.
    pub fn name(self) -> String {
        self.module_name().replace('_', "-")
    }

    /// Finds a rule by code (`MP101`, case-insensitive) or by name (`module-constant-without-const`).
    pub fn from_code(s: &str) -> Option<Rule> {
        let s = s.trim();
        Rule::ALL.iter().copied().find(|r| r.code().eq_ignore_ascii_case(s) || r.name() == s || r.module_name() == s)
    }

    /// The rule's documentation as Markdown (the doc comment with the leading space of each line removed).
    pub fn doc(self) -> String {
        let mut out = String::new();
        for line in self.raw_doc().lines() {
            out.push_str(line.strip_prefix(' ').unwrap_or(line));
            out.push('\n');
        }
        out
    }

    /// The first sentence of `## What it does`, for short listings.
    pub fn summary(self) -> String {
        let doc = self.doc();
        let mut lines = doc.lines().skip_while(|l| !l.starts_with("## What it does")).skip(1);
        let mut s = String::new();
        for l in lines.by_ref() {
            if l.trim().is_empty() {
                if s.is_empty() {
                    continue;
                }
                break;
            }
            if !s.is_empty() {
                s.push(' ');
            }
            s.push_str(l.trim());
        }
        s
    }
}
