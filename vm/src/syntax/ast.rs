//! Our own Python syntax tree: what the compiler and the analyses consume, independent of any parser crate.
//!
//! The tree is produced by `syntax::lower` (the only module that knows rustpython-parser) and then
//! rewritten by `syntax::fold` the way MicroPython's `py/parse.c` rewrites its parse tree (constant
//! folding, `const()`, string interning decisions). Positions are byte offsets into the *original* source
//! text; `line` is the 1-based line of the node's first token, which is what MicroPython records in a
//! parse node's `source_line`.

use num_bigint::BigInt;

/// A half-open byte range `[start, end)` in the original source text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct TextRange {
    pub start: u32,
    pub end: u32,
}

impl TextRange {
    pub fn new(start: u32, end: u32) -> Self {
        TextRange { start, end }
    }
}

/// A parsed module: the statements of the file.
///
/// What the compiler can rely on (the parser has already done MicroPython's parse-time work):
/// * Constant expressions are folded exactly where `py/parse.c` folds them; `NAME = const(v)` has been
///   applied: uses are replaced, `_private` definitions became a [`StmtKind::Pass`] with `line` 0 (no line
///   recorded), others assign the bare value. Redefining a constant leaves `Assign` with a constant target,
///   which the compiler rejects ("can't assign to expression").
/// * Every string literal carries its interning decision ([`StrKind`]).
/// * f-strings are already `"...".format(...)` calls; t-strings are already calls
///   `__template__((segments...), value, "text", conversion, spec, ...)` (a plain global name, as
///   mpy-cross loads it); `__debug__` is already `True`/`False` for the `-O` level given to the parser.
/// * Docstrings and other constant expression statements are still present. mpy-cross drops them
///   (`MICROPY_ENABLE_DOC_STRING` is off, so the parser turns a statement that is a lone constant into a
///   `pass` at the statement's line): the compiler must treat a [`StmtKind::Expr`] whose value is
///   [`ExprKind::Const`] or [`ExprKind::ConstObj`] exactly like `pass` (the statement's line is still set;
///   no code). An empty tuple `()` is not such a constant.
/// * Lines are MicroPython's (`tok_line`), which after an f-string containing a newline in an expression
///   run ahead of the physical lines, exactly as mpy-cross counts them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Module {
    pub body: Vec<Stmt>,
}

/// An identifier as written in the source (after NFKC is *not* applied: MicroPython does no normalisation).
pub type Ident = String;

#[derive(Clone, Debug, PartialEq)]
pub struct Stmt {
    pub kind: StmtKind,
    pub range: TextRange,
    /// Line of the statement's first token (for decorated definitions: the first decorator's `@`).
    pub line: u32,
}

#[derive(Clone, Debug, PartialEq)]
pub enum StmtKind {
    FunctionDef(Box<FunctionDef>),
    ClassDef(Box<ClassDef>),
    Return(Option<Expr>),
    Delete(Vec<Expr>),
    /// `a = b = value`: `targets` in source order.
    Assign { targets: Vec<Expr>, value: Expr },
    AugAssign { target: Expr, op: BinOp, value: Expr },
    /// `target: annotation [= value]`. `simple` is true for a bare name target without parentheses.
    AnnAssign { target: Expr, annotation: Expr, value: Option<Expr>, simple: bool },
    For { is_async: bool, target: Expr, iter: Expr, body: Vec<Stmt>, orelse: Vec<Stmt> },
    While { test: Expr, body: Vec<Stmt>, orelse: Vec<Stmt> },
    /// `elif` chains are nested `If`s in `orelse`, with `is_elif` set on the nested one.
    If { test: Expr, body: Vec<Stmt>, orelse: Vec<Stmt>, is_elif: bool },
    With { is_async: bool, items: Vec<WithItem>, body: Vec<Stmt> },
    Raise { exc: Option<Expr>, cause: Option<Expr> },
    Try { body: Vec<Stmt>, handlers: Vec<ExceptHandler>, orelse: Vec<Stmt>, finalbody: Vec<Stmt> },
    Assert { test: Expr, msg: Option<Expr> },
    /// `import a.b.c as d, e`
    Import(Vec<Alias>),
    /// `from ..mod import a as b` (`names` is empty for `import *`, with `star` set).
    ImportFrom { module: Option<Ident>, names: Vec<Alias>, level: u32, star: bool },
    Global(Vec<Ident>),
    Nonlocal(Vec<Ident>),
    Expr(Expr),
    Pass,
    Break,
    Continue,
}

#[derive(Clone, Debug, PartialEq)]
pub struct FunctionDef {
    pub name: Ident,
    pub is_async: bool,
    pub args: Arguments,
    pub body: Vec<Stmt>,
    /// Decorators in source order (outermost first).
    pub decorators: Vec<Expr>,
    pub returns: Option<Expr>,
    /// Line of the `def` keyword (the statement's `line` is the first decorator's when decorated).
    pub def_line: u32,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ClassDef {
    pub name: Ident,
    pub bases: Vec<Expr>,
    pub keywords: Vec<Keyword>,
    pub body: Vec<Stmt>,
    pub decorators: Vec<Expr>,
    /// Line of the `class` keyword.
    pub def_line: u32,
}

/// Parameters of a function or lambda, in the order they are written.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Arguments {
    /// Positional-only parameters (before `/`), then ordinary positional parameters.
    pub posonly: Vec<Arg>,
    pub args: Vec<Arg>,
    pub vararg: Option<Arg>,
    pub kwonly: Vec<Arg>,
    pub kwarg: Option<Arg>,
    /// A bare `*` separator was written (keyword-only parameters follow, no `*args`).
    pub bare_star: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Arg {
    pub name: Ident,
    pub annotation: Option<Expr>,
    pub default: Option<Expr>,
    pub range: TextRange,
    pub line: u32,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Keyword {
    /// `None` for `**mapping`.
    pub arg: Option<Ident>,
    pub value: Expr,
    pub range: TextRange,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Alias {
    /// Dotted name for `import`, plain name for `from … import`.
    pub name: Ident,
    pub asname: Option<Ident>,
    pub range: TextRange,
}

#[derive(Clone, Debug, PartialEq)]
pub struct WithItem {
    pub context: Expr,
    pub vars: Option<Expr>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ExceptHandler {
    /// `None` for a bare `except:`.
    pub typ: Option<Expr>,
    pub name: Option<Ident>,
    pub body: Vec<Stmt>,
    pub range: TextRange,
    pub line: u32,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Expr {
    pub kind: ExprKind,
    pub range: TextRange,
    /// Line of the expression's first token (parentheses excluded), as MicroPython's `source_line`.
    ///
    /// For constants this is the line of MicroPython's `const_object` node, which the compiler passes to
    /// `set_source_line` when it loads the constant as an object (floats, complex, ints that are not small,
    /// `StrKind::Object` strings, bytes, tuples, [`ExprKind::ConstObj`]); it is 0 for folded results
    /// (`1.5 * 2`, `math.pi`), which record no line. A constant tuple's line is the line of the rule that
    /// built it: the first element's first token, or the second element's when the parenthesised display has
    /// three or more elements (or two and a trailing comma).
    pub line: u32,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ExprKind {
    Name(Ident),
    /// A literal or folded constant. The compiler loads `True`/`False`/`None`/`...` with their own
    /// opcodes, small ints inline, `StrKind::Qstr` strings as qstrs, everything else as an object.
    Const(Constant),
    /// A `True`/`False`/`None`/`...` that MicroPython holds as a generic object node because it came from
    /// a `const()` name (`X = const(True)`; a later `X`): loaded with `LOAD_CONST_OBJ`, with `line`.
    ConstObj(Constant),
    BoolOp { op: BoolOp, values: Vec<Expr> },
    NamedExpr { target: Box<Expr>, value: Box<Expr> },
    BinOp { left: Box<Expr>, op: BinOp, right: Box<Expr> },
    UnaryOp { op: UnaryOp, operand: Box<Expr> },
    Lambda { args: Box<Arguments>, body: Box<Expr> },
    IfExp { test: Box<Expr>, body: Box<Expr>, orelse: Box<Expr> },
    /// `keys[i]` is `None` for a `**mapping` entry.
    Dict { keys: Vec<Option<Expr>>, values: Vec<Expr> },
    Set(Vec<Expr>),
    List(Vec<Expr>),
    /// `parenthesized` is false for a bare tuple such as `a, b` or `return 1, 2`.
    Tuple { elts: Vec<Expr>, parenthesized: bool },
    ListComp { elt: Box<Expr>, generators: Vec<Comprehension> },
    SetComp { elt: Box<Expr>, generators: Vec<Comprehension> },
    DictComp { key: Box<Expr>, value: Box<Expr>, generators: Vec<Comprehension> },
    GeneratorExp { elt: Box<Expr>, generators: Vec<Comprehension> },
    Await(Box<Expr>),
    Yield(Option<Box<Expr>>),
    YieldFrom(Box<Expr>),
    /// `left op1 c1 op2 c2 …`
    Compare { left: Box<Expr>, ops: Vec<CmpOp>, comparators: Vec<Expr> },
    /// Positional arguments may contain `Starred`; keywords with `arg == None` are `**mapping`.
    Call { func: Box<Expr>, args: Vec<Expr>, keywords: Vec<Keyword> },
    Attribute { value: Box<Expr>, attr: Ident },
    Subscript { value: Box<Expr>, slice: Box<Expr> },
    Starred(Box<Expr>),
    Slice { lower: Option<Box<Expr>>, upper: Option<Box<Expr>>, step: Option<Box<Expr>> },
}

#[derive(Clone, Debug, PartialEq)]
pub struct Comprehension {
    pub target: Expr,
    pub iter: Expr,
    pub ifs: Vec<Expr>,
    pub is_async: bool,
}

/// A literal or a folded constant.
#[derive(Clone, Debug, PartialEq)]
pub enum Constant {
    None,
    True,
    False,
    Ellipsis,
    Int(BigInt),
    Float(f64),
    /// An imaginary literal such as `2j` (the real part is always zero).
    Complex { real: f64, imag: f64 },
    Str { value: String, kind: StrKind },
    Bytes(Vec<u8>),
    /// An all-constant tuple built at parse time (MICROPY_COMP_CONST_TUPLE).
    Tuple(Vec<Constant>),
}

/// How MicroPython's parser stored a string literal: as an interned qstr leaf, or as a str object.
/// Decided in source order at parse time (`push_result_token` in `py/parse.c`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StrKind {
    Qstr,
    Object,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BoolOp {
    And,
    Or,
}

/// Binary operators, named as Python names them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinOp {
    Add,
    Sub,
    Mult,
    MatMult,
    Div,
    Mod,
    Pow,
    LShift,
    RShift,
    BitOr,
    BitXor,
    BitAnd,
    FloorDiv,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnaryOp {
    Invert,
    Not,
    UAdd,
    USub,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CmpOp {
    Eq,
    NotEq,
    Lt,
    LtE,
    Gt,
    GtE,
    Is,
    IsNot,
    In,
    NotIn,
}
