//! Lowering of the whole grammar, checked as `dump` text (lines included).

use crate::syntax::{dump::dump_module, parse};

#[track_caller]
fn check(src: &str, expect: &str) {
    let (m, errs) = parse(src.as_bytes());
    assert!(errs.is_empty(), "unexpected errors: {errs:?}");
    let got = dump_module(&m);
    assert_eq!(got.trim_end(), expect.trim_end(), "\n--- got ---\n{got}");
}

#[test]
fn simple_statements() {
    check(
        "x = 1\ny: int = 2\nz += 3\ndel a, b\nimport a.b as c, d\nfrom ..m import x as y, z\nfrom . import *\nglobal g\nassert x, 'm'\nraise E from F\npass\n",
        r#"1: Assign x = 1
2: AnnAssign y : int = 2
3: AugAssign z Add= 3
4: Delete a b
5: Import a.b as c d
6: ImportFrom ..m x as y z
7: ImportFrom . *
8: Global g
9: Assert x, q"m"
10: Raise E from F
11: Pass"#,
    );
}

#[test]
fn compound_statements_and_lines() {
    check(
        "@d1\n@d2(x)\ndef f(a, b=1, *c, d, e=2, **f) -> int:\n    return a\nif a:\n    pass\nelif b:\n    pass\nelse:\n    if c:\n        pass\nclass C(B, metaclass=M):\n    '''doc'''\n",
        r#"1: Def f (def_line 3) @d1 @(call d2 x)@2 args=(a, b=1@3, *c, d, e=2@3, **f) -> int@3
  body:
    4: Return a
5: If a
  body:
    6: Pass
  else:
    7: Elif b
      body:
        8: Pass
      else:
        10: If c
          body:
            11: Pass
12: Class C (def_line 12) bases B metaclass=M
  body:
    13: Expr q"doc""#,
    );
}

#[test]
fn parenthesised_expressions_take_the_inner_line() {
    check(
        "x = (\n  a +\n  b)\ny = (1,\n 2)\nz = (a), b\nw = ((a), b)\nv = ()\nu = (a,)\n",
        r#"1: Assign x = (Add a b@3)@2
4: Assign y = const(1, 2)
6: Assign z = (bare-tuple a b)
7: Assign w = (tuple a b)
8: Assign v = (tuple)
9: Assign u = (tuple a)"#,
    );
}

#[test]
fn expressions() {
    check(
        "f(*a, k=1, **b)[1:2, ::3].c\nlambda x, y=1, *, z: x if y else z\n[x for x in y if x]\n{k: v for k, v in d}\n{a, b}\n{'k': 1}\n(x for x in y)\nnot a and b or c\na < b <= c is not d not in e\nawait x\n(yield)\n(yield from x)\n(a := 1)\n",
        r#"1: Expr (. ([] (call f (* a) k=1 **b) (bare-tuple (slice 1 2 _) (slice _ _ 3))) c)
2: Expr (lambda (x, y=1, *, z) (if y x z))
3: Expr (listcomp x for x in y if x)
4: Expr (dictcomp k:v for (bare-tuple k v) in d)
5: Expr (set a b)
6: Expr (dict q"k":1)
7: Expr (genexp x for x in y)
8: Expr (Or (And (Not a) b) c)
9: Expr (cmp a Lt b LtE c IsNot d NotIn e)
10: Expr (await x)
11: Expr (yield)
12: Expr (yield-from x)
13: Expr (:= a 1)"#,
    );
}

#[test]
fn loops_with_try() {
    check(
        "for i in a, b:\n    break\nelse:\n    continue\nwhile x:\n    pass\ntry:\n    pass\nexcept E as e:\n    pass\nexcept:\n    pass\nelse:\n    pass\nfinally:\n    pass\nwith a as b, c:\n    pass\nasync def g():\n    async with a:\n        pass\n    async for x in y:\n        pass\n",
        r#"1: For i in (bare-tuple a b)
  body:
    2: Break
  else:
    4: Continue
5: While x
  body:
    6: Pass
7: Try
  body:
    8: Pass
  9: except E as e
    10: Pass
  11: except
    12: Pass
  else:
    14: Pass
  finally:
    16: Pass
17: With a as b c
  body:
    18: Pass
19: AsyncDef g (def_line 19) args=()
  body:
    20: AsyncWith a
      body:
        21: Pass
    22: AsyncFor x in y
      body:
        23: Pass"#,
    );
}

#[test]
fn folding_and_consts() {
    check(
        "x = 1 + 2 * 3\ny = 1 + 2 + z\nz = (1 + 2) + z\nw = -(2 ** 70) // 3\nv = 0 or 5\nu = not 0\nt = x and 0 and y\n_C = const(4)\nD = const(_C * 2)\ns = (_C, D, 'a', (1, 2.5))\nr = math.pi\nq = math.pi.real\np = 1 / 0\n",
        r#"1: Assign x = 7@0
2: Assign y = (Add (Add 1 2) z)
3: Assign z = (Add 3@0 z)
4: Assign w = -393530540239137101142@0
5: Assign v = 5
6: Assign u = True
7: Assign t = (And x 0)
0: Pass
9: Assign D = 8@0
10: Assign s = const(4, 8, q"a", const(1, 2.5))
11: Assign r = 3.141592653589793@0
12: Assign q = (. (. math pi) real)
13: Assign p = (Div 1 0)"#,
    );
}

#[test]
fn fstrings_become_format_calls() {
    check(
        "x = f'a{b!r:>{w}}c' 'd'\n",
        r#"1: Assign x = (call (. s"a{!r:>{}}cd" format) b w)"#,
    );
}
