//! MicroPython's grammar (`py/grammar.h`, with `MICROPY_PY_ASYNC_AWAIT`, `MICROPY_PY_ASSIGN_EXPR`,
//! `MICROPY_PY_BUILTINS_SLICE` and `MICROPY_PY_BUILTINS_SET` on, as in mpy-cross), as data for
//! [`recognize`](super::recognize).
//!
//! MicroPython's parser is a table-driven LL parser over these rules; where and whether it fails decides
//! mpy-cross's syntax errors, so the rules are kept in the same order and shape. Tokens are named by
//! their spelling (`"def"`, `"("`, `":="`) or by class (`NAME`, `INTEGER`, `FLOAT_OR_IMAG`, `STRING`,
//! `BYTES`, `NEWLINE`, `INDENT`, `DEDENT`).

/// One argument of a rule.
#[derive(Clone, Copy, Debug)]
pub enum A {
    /// A token, by name.
    T(&'static str),
    /// A sub-rule, by name.
    R(&'static str),
    /// An optional sub-rule.
    O(&'static str),
}

/// How a rule combines its arguments (`RULE_ACT_*`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Or,
    And,
    /// `item (sep item)*`
    List,
    /// `item+`
    OneOrMore,
    /// `item (sep item)* [sep]`
    ListWithEnd,
}

use A::{O, R, T};
use Kind::{And, ListWithEnd, OneOrMore, Or};

const LIST: Kind = Kind::List;

/// The rules, in `grammar.h` order.
pub const RULES: &[(&str, Kind, &[A])] = &[
    ("generic_colon_test", And, &[T(":"), R("test")]),
    ("generic_equal_test", And, &[T("="), R("test")]),
    ("single_input", Or, &[T("NEWLINE"), R("simple_stmt"), R("compound_stmt")]),
    ("file_input", And, &[O("file_input_2")]),
    ("file_input_2", OneOrMore, &[R("file_input_3")]),
    ("file_input_3", Or, &[T("NEWLINE"), R("stmt")]),
    ("eval_input", And, &[R("testlist"), O("eval_input_2")]),
    ("eval_input_2", And, &[T("NEWLINE")]),
    ("decorator", And, &[T("@"), R("dotted_name"), O("trailer_paren"), T("NEWLINE")]),
    ("decorators", OneOrMore, &[R("decorator")]),
    ("decorated", And, &[R("decorators"), R("decorated_body")]),
    ("decorated_body", Or, &[R("classdef"), R("funcdef"), R("async_funcdef")]),
    ("async_funcdef", And, &[T("async"), R("funcdef")]),
    (
        "funcdef",
        And,
        &[T("def"), T("NAME"), T("("), O("typedargslist"), T(")"), O("funcdefrettype"), T(":"), R("suite")],
    ),
    ("funcdefrettype", And, &[T("->"), R("test")]),
    ("typedargslist", ListWithEnd, &[R("typedargslist_item"), T(",")]),
    ("typedargslist_item", Or, &[R("typedargslist_name"), R("typedargslist_star"), R("typedargslist_dbl_star")]),
    ("typedargslist_name", And, &[T("NAME"), O("generic_colon_test"), O("generic_equal_test")]),
    ("typedargslist_star", And, &[T("*"), O("tfpdef")]),
    ("typedargslist_dbl_star", And, &[T("**"), T("NAME"), O("generic_colon_test")]),
    ("tfpdef", And, &[T("NAME"), O("generic_colon_test")]),
    ("varargslist", ListWithEnd, &[R("varargslist_item"), T(",")]),
    ("varargslist_item", Or, &[R("varargslist_name"), R("varargslist_star"), R("varargslist_dbl_star")]),
    ("varargslist_name", And, &[T("NAME"), O("generic_equal_test")]),
    ("varargslist_star", And, &[T("*"), O("vfpdef")]),
    ("varargslist_dbl_star", And, &[T("**"), T("NAME")]),
    ("vfpdef", And, &[T("NAME")]),
    ("stmt", Or, &[R("compound_stmt"), R("simple_stmt")]),
    ("simple_stmt", And, &[R("simple_stmt_2"), T("NEWLINE")]),
    ("simple_stmt_2", ListWithEnd, &[R("small_stmt"), T(";")]),
    (
        "small_stmt",
        Or,
        &[
            R("del_stmt"),
            R("pass_stmt"),
            R("flow_stmt"),
            R("import_stmt"),
            R("global_stmt"),
            R("nonlocal_stmt"),
            R("assert_stmt"),
            R("expr_stmt"),
        ],
    ),
    ("expr_stmt", And, &[R("testlist_star_expr"), O("expr_stmt_2")]),
    ("expr_stmt_2", Or, &[R("annassign"), R("expr_stmt_augassign"), R("expr_stmt_assign_list")]),
    ("expr_stmt_augassign", And, &[R("augassign"), R("expr_stmt_6")]),
    ("expr_stmt_assign_list", OneOrMore, &[R("expr_stmt_assign")]),
    ("expr_stmt_assign", And, &[T("="), R("expr_stmt_6")]),
    ("expr_stmt_6", Or, &[R("yield_expr"), R("testlist_star_expr")]),
    ("testlist_star_expr", ListWithEnd, &[R("testlist_star_expr_2"), T(",")]),
    ("testlist_star_expr_2", Or, &[R("star_expr"), R("test")]),
    ("annassign", And, &[T(":"), R("test"), O("expr_stmt_assign")]),
    (
        "augassign",
        Or,
        &[T("+="), T("-="), T("*="), T("@="), T("/="), T("%="), T("&="), T("|="), T("^="), T("<<="), T(">>="), T("**="), T("//=")],
    ),
    ("del_stmt", And, &[T("del"), R("exprlist")]),
    ("pass_stmt", And, &[T("pass")]),
    ("flow_stmt", Or, &[R("break_stmt"), R("continue_stmt"), R("return_stmt"), R("raise_stmt"), R("yield_stmt")]),
    ("break_stmt", And, &[T("break")]),
    ("continue_stmt", And, &[T("continue")]),
    ("return_stmt", And, &[T("return"), O("testlist")]),
    ("yield_stmt", And, &[R("yield_expr")]),
    ("raise_stmt", And, &[T("raise"), O("raise_stmt_arg")]),
    ("raise_stmt_arg", And, &[R("test"), O("raise_stmt_from")]),
    ("raise_stmt_from", And, &[T("from"), R("test")]),
    ("import_stmt", Or, &[R("import_name"), R("import_from")]),
    ("import_name", And, &[T("import"), R("dotted_as_names")]),
    ("import_from", And, &[T("from"), R("import_from_2"), T("import"), R("import_from_3")]),
    ("import_from_2", Or, &[R("dotted_name"), R("import_from_2b")]),
    ("import_from_2b", And, &[R("one_or_more_period_or_ellipsis"), O("dotted_name")]),
    ("import_from_3", Or, &[T("*"), R("import_as_names_paren"), R("import_as_names")]),
    ("import_as_names_paren", And, &[T("("), R("import_as_names"), T(")")]),
    ("one_or_more_period_or_ellipsis", OneOrMore, &[R("period_or_ellipsis")]),
    ("period_or_ellipsis", Or, &[T("."), T("...")]),
    ("import_as_name", And, &[T("NAME"), O("as_name")]),
    ("dotted_as_name", And, &[R("dotted_name"), O("as_name")]),
    ("as_name", And, &[T("as"), T("NAME")]),
    ("import_as_names", ListWithEnd, &[R("import_as_name"), T(",")]),
    ("dotted_as_names", LIST, &[R("dotted_as_name"), T(",")]),
    ("dotted_name", LIST, &[T("NAME"), T(".")]),
    ("global_stmt", And, &[T("global"), R("name_list")]),
    ("nonlocal_stmt", And, &[T("nonlocal"), R("name_list")]),
    ("name_list", LIST, &[T("NAME"), T(",")]),
    ("assert_stmt", And, &[T("assert"), R("test"), O("assert_stmt_extra")]),
    ("assert_stmt_extra", And, &[T(","), R("test")]),
    (
        "compound_stmt",
        Or,
        &[
            R("if_stmt"),
            R("while_stmt"),
            R("for_stmt"),
            R("try_stmt"),
            R("with_stmt"),
            R("funcdef"),
            R("classdef"),
            R("decorated"),
            R("async_stmt"),
        ],
    ),
    ("async_stmt", And, &[T("async"), R("async_stmt_2")]),
    ("async_stmt_2", Or, &[R("funcdef"), R("with_stmt"), R("for_stmt")]),
    ("if_stmt", And, &[T("if"), R("namedexpr_test"), T(":"), R("suite"), O("if_stmt_elif_list"), O("else_stmt")]),
    ("if_stmt_elif_list", OneOrMore, &[R("if_stmt_elif")]),
    ("if_stmt_elif", And, &[T("elif"), R("namedexpr_test"), T(":"), R("suite")]),
    ("while_stmt", And, &[T("while"), R("namedexpr_test"), T(":"), R("suite"), O("else_stmt")]),
    ("for_stmt", And, &[T("for"), R("exprlist"), T("in"), R("testlist"), T(":"), R("suite"), O("else_stmt")]),
    ("try_stmt", And, &[T("try"), T(":"), R("suite"), R("try_stmt_2")]),
    ("try_stmt_2", Or, &[R("try_stmt_except_and_more"), R("try_stmt_finally")]),
    ("try_stmt_except_and_more", And, &[R("try_stmt_except_list"), O("else_stmt"), O("try_stmt_finally")]),
    ("try_stmt_except", And, &[T("except"), O("try_stmt_as_name"), T(":"), R("suite")]),
    ("try_stmt_as_name", And, &[R("test"), O("as_name")]),
    ("try_stmt_except_list", OneOrMore, &[R("try_stmt_except")]),
    ("try_stmt_finally", And, &[T("finally"), T(":"), R("suite")]),
    ("else_stmt", And, &[T("else"), T(":"), R("suite")]),
    ("with_stmt", And, &[T("with"), R("with_stmt_list"), T(":"), R("suite")]),
    ("with_stmt_list", LIST, &[R("with_item"), T(",")]),
    ("with_item", And, &[R("test"), O("with_item_as")]),
    ("with_item_as", And, &[T("as"), R("expr")]),
    ("suite", Or, &[R("suite_block"), R("simple_stmt")]),
    ("suite_block", And, &[T("NEWLINE"), T("INDENT"), R("suite_block_stmts"), T("DEDENT")]),
    ("suite_block_stmts", OneOrMore, &[R("stmt")]),
    ("namedexpr_test", And, &[R("test"), O("namedexpr_test_2")]),
    ("namedexpr_test_2", And, &[T(":="), R("test")]),
    ("test", Or, &[R("lambdef"), R("test_if_expr")]),
    ("test_if_expr", And, &[R("or_test"), O("test_if_else")]),
    ("test_if_else", And, &[T("if"), R("or_test"), T("else"), R("test")]),
    ("test_nocond", Or, &[R("lambdef_nocond"), R("or_test")]),
    ("lambdef", And, &[T("lambda"), O("varargslist"), T(":"), R("test")]),
    ("lambdef_nocond", And, &[T("lambda"), O("varargslist"), T(":"), R("test_nocond")]),
    ("or_test", LIST, &[R("and_test"), T("or")]),
    ("and_test", LIST, &[R("not_test"), T("and")]),
    ("not_test", Or, &[R("not_test_2"), R("comparison")]),
    ("not_test_2", And, &[T("not"), R("not_test")]),
    ("comparison", LIST, &[R("expr"), R("comp_op")]),
    (
        "comp_op",
        Or,
        &[T("<"), T(">"), T("=="), T("<="), T(">="), T("!="), T("in"), R("comp_op_not_in"), R("comp_op_is")],
    ),
    ("comp_op_not_in", And, &[T("not"), T("in")]),
    ("comp_op_is", And, &[T("is"), O("comp_op_is_not")]),
    ("comp_op_is_not", And, &[T("not")]),
    ("star_expr", And, &[T("*"), R("expr")]),
    ("expr", LIST, &[R("xor_expr"), T("|")]),
    ("xor_expr", LIST, &[R("and_expr"), T("^")]),
    ("and_expr", LIST, &[R("shift_expr"), T("&")]),
    ("shift_expr", LIST, &[R("arith_expr"), R("shift_op")]),
    ("shift_op", Or, &[T("<<"), T(">>")]),
    ("arith_expr", LIST, &[R("term"), R("arith_op")]),
    ("arith_op", Or, &[T("+"), T("-")]),
    ("term", LIST, &[R("factor"), R("term_op")]),
    ("term_op", Or, &[T("*"), T("@"), T("/"), T("%"), T("//")]),
    ("factor", Or, &[R("factor_2"), R("power")]),
    ("factor_2", And, &[R("factor_op"), R("factor")]),
    ("factor_op", Or, &[T("+"), T("-"), T("~")]),
    ("power", And, &[R("atom_expr"), O("power_dbl_star")]),
    ("atom_expr", Or, &[R("atom_expr_await"), R("atom_expr_normal")]),
    ("atom_expr_await", And, &[T("await"), R("atom"), O("atom_expr_trailers")]),
    ("atom_expr_normal", And, &[R("atom"), O("atom_expr_trailers")]),
    ("atom_expr_trailers", OneOrMore, &[R("trailer")]),
    ("power_dbl_star", And, &[T("**"), R("factor")]),
    (
        "atom",
        Or,
        &[
            T("NAME"),
            T("INTEGER"),
            T("FLOAT_OR_IMAG"),
            T("STRING"),
            T("BYTES"),
            T("..."),
            T("None"),
            T("True"),
            T("False"),
            R("atom_paren"),
            R("atom_bracket"),
            R("atom_brace"),
        ],
    ),
    ("atom_paren", And, &[T("("), O("atom_2b"), T(")")]),
    ("atom_2b", Or, &[R("yield_expr"), R("testlist_comp")]),
    ("atom_bracket", And, &[T("["), O("testlist_comp"), T("]")]),
    ("atom_brace", And, &[T("{"), O("dictorsetmaker"), T("}")]),
    ("testlist_comp", And, &[R("testlist_comp_2"), O("testlist_comp_3")]),
    ("testlist_comp_2", Or, &[R("star_expr"), R("namedexpr_test")]),
    ("testlist_comp_3", Or, &[R("comp_for"), R("testlist_comp_3b")]),
    ("testlist_comp_3b", And, &[T(","), O("testlist_comp_3c")]),
    ("testlist_comp_3c", ListWithEnd, &[R("testlist_comp_2"), T(",")]),
    ("trailer", Or, &[R("trailer_paren"), R("trailer_bracket"), R("trailer_period")]),
    ("trailer_paren", And, &[T("("), O("arglist"), T(")")]),
    ("trailer_bracket", And, &[T("["), R("subscriptlist"), T("]")]),
    ("trailer_period", And, &[T("."), T("NAME")]),
    ("subscriptlist", ListWithEnd, &[R("subscript"), T(",")]),
    ("subscript", Or, &[R("subscript_3"), R("subscript_2")]),
    ("subscript_2", And, &[R("test"), O("subscript_3")]),
    ("subscript_3", And, &[T(":"), O("subscript_3b")]),
    ("subscript_3b", Or, &[R("subscript_3c"), R("subscript_3d")]),
    ("subscript_3c", And, &[T(":"), O("test")]),
    ("subscript_3d", And, &[R("test"), O("sliceop")]),
    ("sliceop", And, &[T(":"), O("test")]),
    ("exprlist", ListWithEnd, &[R("exprlist_2"), T(",")]),
    ("exprlist_2", Or, &[R("star_expr"), R("expr")]),
    ("testlist", ListWithEnd, &[R("test"), T(",")]),
    ("dictorsetmaker", And, &[R("dictorsetmaker_item"), O("dictorsetmaker_tail")]),
    ("dictorsetmaker_item", And, &[R("test"), O("generic_colon_test")]),
    ("dictorsetmaker_tail", Or, &[R("comp_for"), R("dictorsetmaker_list")]),
    ("dictorsetmaker_list", And, &[T(","), O("dictorsetmaker_list2")]),
    ("dictorsetmaker_list2", ListWithEnd, &[R("dictorsetmaker_item"), T(",")]),
    ("classdef", And, &[T("class"), T("NAME"), O("classdef_2"), T(":"), R("suite")]),
    ("classdef_2", And, &[T("("), O("arglist"), T(")")]),
    ("arglist", ListWithEnd, &[R("arglist_2"), T(",")]),
    ("arglist_2", Or, &[R("arglist_star"), R("arglist_dbl_star"), R("argument")]),
    ("arglist_star", And, &[T("*"), R("test")]),
    ("arglist_dbl_star", And, &[T("**"), R("test")]),
    ("argument", And, &[R("test"), O("argument_2")]),
    ("argument_2", Or, &[R("comp_for"), R("generic_equal_test"), R("argument_3")]),
    ("argument_3", And, &[T(":="), R("test")]),
    ("comp_iter", Or, &[R("comp_for"), R("comp_if")]),
    ("comp_for", And, &[T("for"), R("exprlist"), T("in"), R("or_test"), O("comp_iter")]),
    ("comp_if", And, &[T("if"), R("test_nocond"), O("comp_iter")]),
    ("yield_expr", And, &[T("yield"), O("yield_arg")]),
    ("yield_arg", Or, &[R("yield_arg_from"), R("testlist")]),
    ("yield_arg_from", And, &[T("from"), R("test")]),
];

/// The terminals the rules name, by spelling; a terminal's id is its index here.
pub const TERMINALS: &[&str] = &[
    "END", "NAME", "INTEGER", "FLOAT_OR_IMAG", "STRING", "BYTES", "NEWLINE", "INDENT", "DEDENT", "False", "None",
    "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del", "elif", "else",
    "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or",
    "pass", "raise", "return", "try", "while", "with", "yield", "(", ")", "[", "]", "{", "}", ",", ":", ";", "@",
    "=", ".", "...", "->", ":=", "+", "-", "*", "/", "%", "**", "//", "<<", ">>", "&", "|", "^", "~", "<", ">",
    "==", "<=", ">=", "!=", "+=", "-=", "*=", "@=", "/=", "%=", "&=", "|=", "^=", "<<=", ">>=", "**=", "//=",
];

/// Id of a token no rule names (an error token).
pub const NO_TERMINAL: u8 = u8::MAX;

/// A rule argument with terminals and sub-rules resolved to ids.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Arg {
    Tok(u8),
    Rule(u16),
    OptRule(u16),
}

/// The grammar with names resolved, built at compile time: rule `r`'s arguments are
/// `args[starts[r]..starts[r + 1]]`.
#[derive(Debug)]
pub struct Grammar {
    pub kinds: [Kind; N_RULES],
    pub starts: [u16; N_RULES + 1],
    pub args: [Arg; N_ARGS],
}

const N_RULES: usize = RULES.len();
const N_ARGS: usize = count_args();

/// The resolved grammar.
pub static GRAMMAR: Grammar = build();

/// The index of the rule named `name` (a compile-time error when there is none).
pub const fn rule_index(name: &str) -> usize {
    let mut i = 0;
    while i < RULES.len() {
        if str_eq(RULES[i].0, name) {
            return i;
        }
        i += 1;
    }
    panic!("unknown rule")
}

/// The id of terminal `name` (a compile-time error when there is none).
pub const fn terminal_index(name: &str) -> u8 {
    let mut i = 0;
    while i < TERMINALS.len() {
        if str_eq(TERMINALS[i], name) {
            return i as u8;
        }
        i += 1;
    }
    panic!("unknown terminal")
}

const fn str_eq(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

const fn count_args() -> usize {
    let mut n = 0;
    let mut i = 0;
    while i < RULES.len() {
        n += RULES[i].2.len();
        i += 1;
    }
    n
}

const fn build() -> Grammar {
    let mut g = Grammar { kinds: [Kind::Or; N_RULES], starts: [0; N_RULES + 1], args: [Arg::Tok(0); N_ARGS] };
    let mut at = 0;
    let mut r = 0;
    while r < N_RULES {
        g.kinds[r] = RULES[r].1;
        g.starts[r] = at as u16;
        let args = RULES[r].2;
        let mut k = 0;
        while k < args.len() {
            g.args[at] = match args[k] {
                A::T(t) => Arg::Tok(terminal_index(t)),
                A::R(name) => Arg::Rule(rule_index(name) as u16),
                A::O(name) => Arg::OptRule(rule_index(name) as u16),
            };
            at += 1;
            k += 1;
        }
        r += 1;
    }
    g.starts[N_RULES] = at as u16;
    g
}

impl Grammar {
    /// The arguments of rule `r`.
    #[inline]
    pub fn args(&self, r: usize) -> &[Arg] {
        &self.args[self.starts[r] as usize..self.starts[r + 1] as usize]
    }
}

/// The terminal id of a keyword or operator spelling, `NO_TERMINAL` for others.
pub fn terminal_of(spelling: &str) -> u8 {
    TERMINALS.iter().position(|t| *t == spelling).map_or(NO_TERMINAL, |i| i as u8)
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_rule_reference_resolves() {
        let g = &super::GRAMMAR;
        assert_eq!(g.kinds.len(), super::RULES.len());
        for (r, rule) in super::RULES.iter().enumerate() {
            assert_eq!(g.args(r).len(), rule.2.len(), "{}", rule.0);
        }
        assert!(super::TERMINALS.len() < super::NO_TERMINAL as usize);
    }
}
