//! Inline-assembler arguments as MicroPython's parse tree shows them to `py/emitinline*.c`.
//!
//! The C assemblers look at raw parse nodes: an identifier leaf (`MP_PARSE_NODE_IS_ID`), an integer
//! (`mp_parse_node_get_int_maybe`: a small-int leaf or an int constant object), `[a, b]`
//! (`atom_bracket` around a two-node `testlist_comp`), `{r0, r1}` (`atom_brace` around a
//! `dictorsetmaker`), `4(a0)` (`atom_expr_normal` with one trailer) and `-4(a0)` (`factor_2`). Our tree
//! is Python's, so each shape is recognised here from the equivalent [`Expr`], including the odd
//! cases the C accepts because of how the grammar nests (`[x for x in y]` is a two-node
//! `testlist_comp`; `4 .a0` and `4[a0]` are offsets like `4(a0)`).

use crate::syntax::ast::{BinOp, Constant, Expr, ExprKind, Keyword, UnaryOp};
use num_bigint::Sign;

/// One argument node.
#[derive(Clone, Copy, Debug)]
pub enum Node<'a> {
    /// An expression of our tree.
    Expr(&'a Expr),
    /// A bare identifier that is part of a larger node (the name after `.` in `4 .a0`).
    Name(&'a str),
    /// A node that is neither an identifier nor an integer and whose inside no assembler looks at
    /// (a keyword argument, an empty or multi-argument call trailer, a later trailer).
    Other,
}

impl<'a> Node<'a> {
    /// The arguments of an instruction call in source order: positional ones (including `*x`) first,
    /// then keywords (Python only allows `*x` after keywords, and both are [`Node::Other`]-like for
    /// every assembler, so their relative order never matters).
    pub fn call_args(args: &'a [Expr], keywords: &'a [Keyword]) -> Vec<Node<'a>> {
        args.iter()
            .map(Node::Expr)
            .chain(keywords.iter().map(|_| Node::Other))
            .collect()
    }

    /// `MP_PARSE_NODE_IS_ID`: the identifier, if the node is one.
    pub fn id(&self) -> Option<&'a str> {
        match *self {
            Node::Expr(Expr {
                kind: ExprKind::Name(n),
                ..
            }) => Some(n),
            Node::Name(n) => Some(n),
            _ => None,
        }
    }

    /// `get_arg_str`: the identifier, or `""` for any other node.
    pub fn arg_str(&self) -> &'a str {
        self.id().unwrap_or("")
    }

    /// `mp_parse_node_get_int_maybe` then `mp_obj_get_int_truncated`: an integer constant, reduced
    /// modulo 2^64 as `mpz_hash` does for big ints.
    pub fn int(&self) -> Option<i64> {
        match *self {
            Node::Expr(Expr {
                kind: ExprKind::Const(Constant::Int(i)),
                ..
            }) => {
                let (sign, digits) = i.to_u64_digits();
                let low = digits.first().copied().unwrap_or(0);
                Some(if sign == Sign::Minus {
                    low.wrapping_neg()
                } else {
                    low
                } as i64)
            }
            _ => None,
        }
    }

    /// The expression, if the node is one.
    pub fn expr(&self) -> Option<&'a Expr> {
        match *self {
            Node::Expr(e) => Some(e),
            _ => None,
        }
    }
}

/// `get_arg_addr` of the Thumb assembler: `[base, offset]`, a two-node `testlist_comp` in brackets.
pub fn address(n: Node<'_>) -> Option<(Node<'_>, Node<'_>)> {
    match &n.expr()?.kind {
        ExprKind::List(elts) if elts.len() == 2 => {
            Some((Node::Expr(&elts[0]), Node::Expr(&elts[1])))
        }
        // `[x for x in y]`: the element and the `comp_for`.
        ExprKind::ListComp { elt, .. } => Some((Node::Expr(elt), Node::Other)),
        _ => None,
    }
}

/// Whether a display's last element is followed by a comma (`{r0,}`), which MicroPython parses as a
/// one-element `dictorsetmaker` rather than the bare element.
fn trailing_comma(src: &[u8], last: &Expr, close: u32) -> bool {
    let mut i = last.range.end as usize;
    let end = (close as usize).min(src.len());
    while i < end {
        match src[i] {
            b' ' | b'\t' | b'\x0c' | b'\r' | b'\n' | b'\\' | b')' => i += 1,
            b'#' => {
                while i < end && src[i] != b'\n' && src[i] != b'\r' {
                    i += 1;
                }
            }
            c => return c == b',',
        }
    }
    false
}

/// `get_arg_reglist` of the Thumb assembler: the nodes of `{r0, r1, ...}` that each must be a
/// register, or `None` when the argument does not have that shape ("expects {r0, r1, ...}").
pub fn reglist<'a>(n: Node<'a>, src: &[u8]) -> Option<Vec<Node<'a>>> {
    let e = n.expr()?;
    match &e.kind {
        // `{x}` is the bare element (a register name or nothing), `{x,}` a one-element list.
        ExprKind::Set(elts) if elts.len() == 1 => (trailing_comma(src, &elts[0], e.range.end)
            || matches!(elts[0].kind, ExprKind::Name(_)))
        .then(|| vec![Node::Expr(&elts[0])]),
        ExprKind::Set(elts) => Some(elts.iter().map(Node::Expr).collect()),
        // A dict with two or more items (or one and a trailing comma) is a `dictorsetmaker` whose
        // items are `dictorsetmaker_item` nodes: each fails as a register.
        ExprKind::Dict { values, .. } if values.len() >= 2 => {
            Some(values.iter().map(|_| Node::Other).collect())
        }
        ExprKind::Dict { values, .. }
            if values.len() == 1 && trailing_comma(src, &values[0], e.range.end) =>
        {
            Some(vec![Node::Other])
        }
        _ => None,
    }
}

/// The `atom_expr_normal` view of a node: its first atom and the first trailer's inside
/// (`nodes[1]->nodes[0]`), if the node has trailers.
fn atom_expr<'a>(e: &'a Expr) -> Option<(&'a Expr, Node<'a>)> {
    // Walk down to the atom, remembering the innermost trailer (the first one written).
    let mut cur = e;
    let mut count = 0usize;
    let mut first: Node<'a> = Node::Other;
    loop {
        let (inner, trailer): (&'a Expr, Node<'a>) = match &cur.kind {
            ExprKind::Call {
                func,
                args,
                keywords,
            } => {
                let t = match (args.as_slice(), keywords.as_slice()) {
                    ([a], []) if !matches!(a.kind, ExprKind::Starred(_)) => Node::Expr(a),
                    _ => Node::Other,
                };
                (func, t)
            }
            ExprKind::Attribute { value, attr } => (value, Node::Name(attr)),
            ExprKind::Subscript { value, slice } => (value, Node::Expr(slice)),
            _ => break,
        };
        first = trailer;
        count += 1;
        cur = inner;
    }
    match count {
        0 => None,
        // One trailer: `nodes[1]` is the trailer itself.
        1 => Some((cur, first)),
        // Several: `nodes[1]` is `atom_expr_trailers`, whose first node is a trailer (a struct).
        _ => Some((cur, Node::Other)),
    }
}

/// How `serialise_register_offset_node` of the RV32 assembler sees an `offset(base)` argument.
#[derive(Clone, Copy, Debug)]
pub enum Offset<'a> {
    /// Neither `atom_expr_normal` nor `factor_2` (or a `factor_2` that does not wrap one).
    Invalid,
    /// `offset(base)` or `+offset(base)`.
    Plus { offset: Node<'a>, base: Node<'a> },
    /// `-offset(base)`.
    Minus { offset: Node<'a>, base: Node<'a> },
}

/// The RV32 `offset(base)` shape.
pub fn rv32_offset(n: Node<'_>) -> Offset<'_> {
    let Some(e) = n.expr() else {
        return Offset::Invalid;
    };
    let (neg, inner) = match &e.kind {
        ExprKind::UnaryOp {
            op: UnaryOp::USub,
            operand,
        } => (true, &**operand),
        ExprKind::UnaryOp {
            op: UnaryOp::UAdd,
            operand,
        } => (false, &**operand),
        // `~x` is a `factor_2` with another operator token.
        ExprKind::UnaryOp {
            op: UnaryOp::Invert,
            ..
        } => return Offset::Invalid,
        _ => (false, e),
    };
    match atom_expr(inner) {
        None => Offset::Invalid,
        Some((atom, base)) if neg => Offset::Minus {
            offset: Node::Expr(atom),
            base,
        },
        Some((atom, base)) => Offset::Plus {
            offset: Node::Expr(atom),
            base,
        },
    }
}

/// The register list of a Zcmp instruction, as `extract_register_list` takes it apart.
#[derive(Clone, Copy, Debug)]
pub enum ZcmpList<'a> {
    /// `{ra}`.
    Ra(Node<'a>),
    /// `{ra, s0}`.
    RaS0(Node<'a>, Node<'a>),
    /// `{ra, s0-sN}`.
    RaRange(Node<'a>, Node<'a>, Node<'a>),
}

/// `{ra}`, `{ra, s0}` or `{ra, s0-sN}` by shape only (register names are checked by the caller).
pub fn zcmp_list<'a>(n: Node<'a>, src: &[u8]) -> Option<ZcmpList<'a>> {
    let e = n.expr()?;
    let ExprKind::Set(elts) = &e.kind else {
        return None;
    };
    match elts.as_slice() {
        [ra] if !trailing_comma(src, ra, e.range.end) => {
            matches!(ra.kind, ExprKind::Name(_)).then_some(ZcmpList::Ra(Node::Expr(ra)))
        }
        [ra, second] if matches!(ra.kind, ExprKind::Name(_)) => match &second.kind {
            ExprKind::Name(_) => Some(ZcmpList::RaS0(Node::Expr(ra), Node::Expr(second))),
            ExprKind::BinOp {
                left,
                op: BinOp::Sub,
                right,
            } if matches!(left.kind, ExprKind::Name(_))
                && matches!(right.kind, ExprKind::Name(_)) =>
            {
                Some(ZcmpList::RaRange(
                    Node::Expr(ra),
                    Node::Expr(left),
                    Node::Expr(right),
                ))
            }
            _ => None,
        },
        _ => None,
    }
}
