//! The manifest evaluator: walks the syntax tree of a `manifest.py` and carries out the manifest API calls.
//! Nothing is executed as Python; see the module documentation of [`super`] for the accepted subset.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

use mpy_vm::syntax::ast::{BoolOp, CmpOp, Constant, Expr, ExprKind, Stmt, StmtKind, UnaryOp};
use num_traits::ToPrimitive;

use super::value::{Options, Value};
use super::{FileKind, Listing, ManifestFile, Metadata, Vars};
use crate::error::{Error, Result};
use crate::fsutil;

/// Arguments bound to a call's parameters (in order), and the extra keyword arguments.
type Bound = (Vec<Option<Value>>, BTreeMap<String, Value>);

/// Deepest chain of `include()`s.
const MAX_INCLUDE_DEPTH: usize = 64;
/// Deepest directory walk.
const MAX_WALK_DEPTH: usize = 64;
/// Statements evaluated in total before giving up (guards against pathological loops).
const MAX_STEPS: usize = 1_000_000;

/// The API of freeze mode, in `_manifest_globals` order.
const API: &[&str] = &[
    "metadata",
    "include",
    "require",
    "add_library",
    "package",
    "module",
    "c_module",
    "freeze",
    "freeze_as_str",
    "freeze_as_mpy",
    "freeze_mpy",
];

const SUBSET_HELP: &str = "mpbuild reads manifest.py without running it: only the manifest API (include, require, \
     package, module, freeze, metadata, options, ...) with literals, names, if/for and simple operators is accepted";

/// One manifest file being evaluated.
struct Frame {
    file: PathBuf,
    dir: PathBuf,
    options: Options,
    locals: BTreeMap<String, Value>,
}

/// A file recorded before its package metadata is final (MicroPython keeps a reference to the metadata
/// object, so a `metadata()` call after `module()` still applies).
struct Pending {
    file: ManifestFile,
    meta: usize,
}

pub(crate) struct Evaluator<'v> {
    vars: &'v Vars,
    roots: Vec<PathBuf>,
    pending: Vec<Pending>,
    listing: Listing,
    visited: HashSet<PathBuf>,
    /// Every metadata object; `meta_stack` holds indices into it.
    metas: Vec<(Metadata, bool)>,
    meta_stack: Vec<usize>,
    libraries: BTreeMap<String, PathBuf>,
    library_dirs: Vec<PathBuf>,
    depth: usize,
    steps: usize,
}

fn canon(p: &Path) -> PathBuf {
    p.canonicalize().unwrap_or_else(|_| fsutil::normalize(p))
}

impl<'v> Evaluator<'v> {
    pub(crate) fn new(vars: &'v Vars, root: &Path) -> Result<Evaluator<'v>> {
        let mut roots = vec![canon(&fsutil::absolute(root))];
        for (_, p) in vars.pairs() {
            if let Some(p) = p {
                roots.push(canon(&fsutil::absolute(p)));
            }
        }
        let mut ev = Evaluator {
            vars,
            roots,
            pending: Vec::new(),
            listing: Listing::default(),
            visited: HashSet::new(),
            metas: vec![(Metadata::default(), false)],
            meta_stack: vec![0],
            libraries: BTreeMap::new(),
            library_dirs: Vec::new(),
            depth: 0,
            steps: 0,
        };
        // As ManifestFile.__init__: the default micropython-lib libraries when MPY_LIB_DIR is set.
        if let Some(lib) = &vars.mpy_lib_dir {
            for name in ["micropython", "python-stdlib", "python-ecosys"] {
                let p = fsutil::absolute(&lib.join(name));
                ev.libraries.insert(name.to_string(), p.clone());
                ev.library_dirs.push(p);
            }
        }
        Ok(ev)
    }

    pub(crate) fn run(mut self, path: &Path) -> Result<Listing> {
        let path = fsutil::absolute(path);
        let top = Frame { file: path.clone(), dir: self.roots[0].clone(), options: Options::default(), locals: BTreeMap::new() };
        let p = path.to_string_lossy().into_owned();
        self.include_one(&top, 0, &p, Options::default(), false)?;
        Ok(self.finish())
    }

    pub(crate) fn run_text(mut self, text: &str, path: &Path) -> Result<Listing> {
        let path = fsutil::absolute(path);
        let dir = path.parent().map_or_else(|| self.roots[0].clone(), Path::to_path_buf);
        let mut frame = Frame { file: path, dir, options: Options::default(), locals: BTreeMap::new() };
        self.exec_source(&mut frame, text.as_bytes())?;
        Ok(self.finish())
    }

    fn finish(mut self) -> Listing {
        for p in std::mem::take(&mut self.pending) {
            let mut f = p.file;
            f.version.clone_from(&self.metas[p.meta].0.version);
            self.listing.files.push(f);
        }
        self.listing.metadata = self.metas[0].0.clone();
        self.listing
    }

    fn err(&self, f: &Frame, line: u32, message: impl Into<String>, help: impl Into<String>) -> Error {
        Error::Manifest { file: f.file.clone(), line, message: message.into(), help: help.into() }
    }

    // ----- paths -----

    /// `_resolve_path`: substitutes `$(VAR)`, makes the path absolute against the manifest's directory, and
    /// refuses anything outside the allowed roots.
    fn resolve(&self, f: &Frame, line: u32, path: &str) -> Result<PathBuf> {
        let mut s = path.to_string();
        for (name, value) in self.vars.pairs() {
            let pat = format!("$({name})");
            if s.contains(&pat) {
                let Some(v) = value else {
                    return Err(self.err(
                        f,
                        line,
                        format!("`{pat}` is used but not set"),
                        format!("set [manifest-vars] {} in mpbuild.toml", name.to_ascii_lowercase().replace('_', "-")),
                    ));
                };
                s = s.replace(&pat, &v.to_string_lossy());
            }
        }
        if let Some(i) = s.find("$(") {
            return Err(self.err(
                f,
                line,
                format!("unknown variable in path `{path}` at `{}`", &s[i..]),
                "the variables are $(MPY_DIR), $(MPY_LIB_DIR), $(PORT_DIR) and $(BOARD_DIR)",
            ));
        }
        let p = Path::new(&s);
        let abs = if p.is_absolute() { fsutil::normalize(p) } else { fsutil::normalize(&f.dir.join(p)) };
        self.check_allowed(f, line, &abs)?;
        Ok(abs)
    }

    /// Refuses a path (after following symlinks) outside the project root and the `$(VAR)` directories.
    fn check_allowed(&self, f: &Frame, line: u32, path: &Path) -> Result<()> {
        let c = canon(path);
        if self.roots.iter().any(|r| c.starts_with(r)) {
            return Ok(());
        }
        Err(self.err(
            f,
            line,
            format!("refusing to read {}: it is outside the project root and the manifest variable directories", c.display()),
            "keep manifest paths inside the project, or set [manifest-vars] to the directory you mean",
        ))
    }

    // ----- statements -----

    fn exec_source(&mut self, f: &mut Frame, source: &[u8]) -> Result<()> {
        let (module, errors) = mpy_vm::syntax::parse(source);
        if let Some(e) = errors.first() {
            return Err(self.err(f, e.line.unwrap_or(1), format!("{}: {}", e.kind.name(), e.message), "fix the syntax"));
        }
        self.exec_block(f, &module.body)
    }

    fn exec_block(&mut self, f: &mut Frame, body: &[Stmt]) -> Result<()> {
        for s in body {
            self.exec(f, s)?;
        }
        Ok(())
    }

    fn exec(&mut self, f: &mut Frame, s: &Stmt) -> Result<()> {
        self.steps += 1;
        if self.steps > MAX_STEPS {
            return Err(self.err(f, s.line, "manifest evaluation took too many steps", "simplify the manifest"));
        }
        match &s.kind {
            StmtKind::Expr(e) => {
                self.eval(f, e)?;
            }
            StmtKind::Pass => {}
            StmtKind::Assign { targets, value } => {
                let v = self.eval(f, value)?;
                for t in targets {
                    let ExprKind::Name(n) = &t.kind else {
                        return Err(self.err(f, t.line, "only assignments to plain names are allowed", SUBSET_HELP));
                    };
                    f.locals.insert(n.clone(), v.clone());
                }
            }
            StmtKind::If { test, body, orelse, .. } => {
                if self.eval(f, test)?.truthy() {
                    self.exec_block(f, body)?;
                } else {
                    self.exec_block(f, orelse)?;
                }
            }
            StmtKind::For { is_async: false, target, iter, body, orelse } => {
                let ExprKind::Name(n) = &target.kind else {
                    return Err(self.err(f, target.line, "a `for` target must be a plain name", SUBSET_HELP));
                };
                let items = match self.eval(f, iter)? {
                    Value::Seq(v) => v,
                    Value::Str(s) => s.chars().map(|c| Value::Str(c.to_string())).collect(),
                    other => {
                        return Err(self.err(f, iter.line, format!("cannot iterate over {}", other.type_name()), SUBSET_HELP))
                    }
                };
                for item in items {
                    f.locals.insert(n.clone(), item);
                    self.exec_block(f, body)?;
                }
                self.exec_block(f, orelse)?;
            }
            other => {
                return Err(self.err(f, s.line, format!("{} statements are not allowed in manifest.py", stmt_name(other)), SUBSET_HELP));
            }
        }
        Ok(())
    }

    // ----- expressions -----

    fn eval(&mut self, f: &mut Frame, e: &Expr) -> Result<Value> {
        Ok(match &e.kind {
            ExprKind::Const(c) => self.constant(f, e.line, c)?,
            ExprKind::Name(n) => {
                if let Some(v) = f.locals.get(n) {
                    v.clone()
                } else if n == "options" {
                    Value::Options
                } else if let Some(api) = API.iter().find(|a| **a == n) {
                    Value::Api(api)
                } else {
                    return Err(self.err(f, e.line, format!("name '{n}' isn't defined"), SUBSET_HELP));
                }
            }
            ExprKind::Attribute { value, attr } => match self.eval(f, value)? {
                Value::Options if attr == "defaults" => Value::OptionsDefaults,
                Value::Options => f.options.get(attr),
                other => {
                    return Err(self.err(
                        f,
                        e.line,
                        format!("attribute access on {} (`.{attr}`) is not allowed", other.type_name()),
                        SUBSET_HELP,
                    ))
                }
            },
            ExprKind::List(items) | ExprKind::Tuple { elts: items, .. } => {
                let mut v = Vec::with_capacity(items.len());
                for i in items {
                    if matches!(i.kind, ExprKind::Starred(_)) {
                        return Err(self.err(f, i.line, "`*` unpacking is not allowed", SUBSET_HELP));
                    }
                    v.push(self.eval(f, i)?);
                }
                Value::Seq(v)
            }
            ExprKind::BoolOp { op, values } => {
                let mut last = Value::None;
                for (i, x) in values.iter().enumerate() {
                    last = self.eval(f, x)?;
                    let stop = match op {
                        BoolOp::And => !last.truthy(),
                        BoolOp::Or => last.truthy(),
                    };
                    if stop || i + 1 == values.len() {
                        break;
                    }
                }
                last
            }
            ExprKind::UnaryOp { op, operand } => {
                let v = self.eval(f, operand)?;
                match (op, v) {
                    (UnaryOp::Not, v) => Value::Bool(!v.truthy()),
                    (UnaryOp::USub, Value::Int(i)) => Value::Int(-i),
                    (UnaryOp::UAdd, Value::Int(i)) => Value::Int(i),
                    (_, v) => return Err(self.err(f, e.line, format!("bad operand type {}", v.type_name()), SUBSET_HELP)),
                }
            }
            ExprKind::BinOp { left, op: mpy_vm::syntax::ast::BinOp::Add, right } => {
                let (l, r) = (self.eval(f, left)?, self.eval(f, right)?);
                match (l, r) {
                    (Value::Str(a), Value::Str(b)) => Value::Str(a + &b),
                    (Value::Seq(mut a), Value::Seq(b)) => {
                        a.extend(b);
                        Value::Seq(a)
                    }
                    (Value::Int(a), Value::Int(b)) => Value::Int(a.saturating_add(b)),
                    (a, b) => {
                        return Err(self.err(
                            f,
                            e.line,
                            format!("unsupported types for +: {} and {}", a.type_name(), b.type_name()),
                            SUBSET_HELP,
                        ))
                    }
                }
            }
            ExprKind::Compare { left, ops, comparators } => {
                let mut l = self.eval(f, left)?;
                for (op, c) in ops.iter().zip(comparators) {
                    let r = self.eval(f, c)?;
                    let ok = match op {
                        CmpOp::Eq => l == r,
                        CmpOp::NotEq => l != r,
                        CmpOp::Is => l == r && matches!(l, Value::None | Value::Bool(_)),
                        CmpOp::IsNot => !(l == r && matches!(l, Value::None | Value::Bool(_))),
                        CmpOp::In | CmpOp::NotIn => {
                            let found = match (&l, &r) {
                                (Value::Str(a), Value::Str(b)) => b.contains(a.as_str()),
                                (x, Value::Seq(items)) => items.contains(x),
                                _ => {
                                    return Err(self.err(
                                        f,
                                        e.line,
                                        format!("`in` on {} is not supported", r.type_name()),
                                        SUBSET_HELP,
                                    ))
                                }
                            };
                            found == (*op == CmpOp::In)
                        }
                        _ => return Err(self.err(f, e.line, "ordering comparisons are not allowed", SUBSET_HELP)),
                    };
                    if !ok {
                        return Ok(Value::Bool(false));
                    }
                    l = r;
                }
                Value::Bool(true)
            }
            ExprKind::IfExp { test, body, orelse } => {
                if self.eval(f, test)?.truthy() {
                    self.eval(f, body)?
                } else {
                    self.eval(f, orelse)?
                }
            }
            ExprKind::Call { func, args, keywords } => {
                let callee = self.eval(f, func)?;
                let mut pos = Vec::new();
                for a in args {
                    if matches!(a.kind, ExprKind::Starred(_)) {
                        return Err(self.err(f, a.line, "`*args` is not allowed", SUBSET_HELP));
                    }
                    pos.push(self.eval(f, a)?);
                }
                let mut kw = Vec::new();
                for k in keywords {
                    let Some(name) = &k.arg else {
                        return Err(self.err(f, k.value.line, "`**kwargs` is not allowed", SUBSET_HELP));
                    };
                    kw.push((name.clone(), self.eval(f, &k.value)?));
                }
                match callee {
                    Value::Api(name) => self.call(f, e.line, name, pos, kw)?,
                    Value::OptionsDefaults => {
                        if !pos.is_empty() {
                            return Err(self.err(f, e.line, "options.defaults() takes keyword arguments only", ""));
                        }
                        f.options.defaults = kw.into_iter().collect();
                        Value::None
                    }
                    other => {
                        return Err(self.err(
                            f,
                            e.line,
                            format!("calling {} is not allowed (only the manifest API can be called)", describe_callee(func, &other)),
                            SUBSET_HELP,
                        ))
                    }
                }
            }
            _ => return Err(self.err(f, e.line, "this expression is not allowed in manifest.py", SUBSET_HELP)),
        })
    }

    fn constant(&self, f: &Frame, line: u32, c: &Constant) -> Result<Value> {
        Ok(match c {
            Constant::None => Value::None,
            Constant::True => Value::Bool(true),
            Constant::False => Value::Bool(false),
            Constant::Int(i) => Value::Int(
                i.to_i64().ok_or_else(|| self.err(f, line, "integer too large", "use a smaller number"))?,
            ),
            Constant::Str { value, .. } => Value::Str(value.clone()),
            Constant::Tuple(items) => {
                Value::Seq(items.iter().map(|c| self.constant(f, line, c)).collect::<Result<Vec<_>>>()?)
            }
            _ => return Err(self.err(f, line, "only str, int, bool and None literals are allowed", SUBSET_HELP)),
        })
    }

    // ----- the API -----

    /// Binds arguments Python-style to `params` (name, required). Returns the bound values and the extra
    /// keyword arguments (only when `extra_kw`).
    #[allow(clippy::too_many_arguments)]
    fn bind(
        &self,
        f: &Frame,
        line: u32,
        name: &str,
        params: &[(&str, bool)],
        pos: Vec<Value>,
        kw: Vec<(String, Value)>,
        extra_kw: bool,
    ) -> Result<Bound> {
        if pos.len() > params.len() {
            return Err(self.err(
                f,
                line,
                format!("{name}() takes {} positional arguments but {} were given", params.len(), pos.len()),
                format!("see the signature of {name}() in MicroPython's docs/reference/manifest.rst"),
            ));
        }
        let mut out: Vec<Option<Value>> = vec![None; params.len()];
        for (i, v) in pos.into_iter().enumerate() {
            out[i] = Some(v);
        }
        let mut extra = BTreeMap::new();
        for (k, v) in kw {
            if let Some(i) = params.iter().position(|(p, _)| *p == k) {
                if out[i].is_some() {
                    return Err(self.err(f, line, format!("{name}() got multiple values for argument '{k}'"), ""));
                }
                out[i] = Some(v);
            } else if extra_kw {
                extra.insert(k, v);
            } else {
                return Err(self.err(
                    f,
                    line,
                    format!("{name}() got an unexpected keyword argument '{k}'"),
                    format!("{name}() takes: {}", params.iter().map(|(p, _)| *p).collect::<Vec<_>>().join(", ")),
                ));
            }
        }
        for (i, (p, required)) in params.iter().enumerate() {
            if *required && out[i].is_none() {
                return Err(self.err(f, line, format!("{name}() missing required argument '{p}'"), ""));
            }
        }
        Ok((out, extra))
    }

    fn str_arg(&self, f: &Frame, line: u32, func: &str, what: &str, v: Option<Value>, default: &str) -> Result<String> {
        match v {
            None | Some(Value::None) if !default.is_empty() => Ok(default.to_string()),
            Some(Value::Str(s)) => Ok(s),
            other => Err(self.err(
                f,
                line,
                format!("{func}(): `{what}` must be a string, not {}", other.map_or("nothing", |v| v.type_name())),
                "",
            )),
        }
    }

    fn opt_arg(&self, f: &Frame, line: u32, v: Option<Value>) -> Result<Option<u8>> {
        match v {
            None | Some(Value::None) => Ok(None),
            Some(Value::Int(i)) if (0..=3).contains(&i) => Ok(Some(i as u8)),
            Some(other) => Err(self.err(f, line, format!("opt must be an int from 0 to 3, not {other:?}"), "")),
        }
    }

    fn str_list(&self, f: &Frame, line: u32, what: &str, v: Value) -> Result<Vec<String>> {
        match v {
            Value::Seq(items) => items
                .into_iter()
                .map(|i| match i {
                    Value::Str(s) => Ok(s),
                    other => Err(self.err(f, line, format!("{what} must hold strings, not {}", other.type_name()), "")),
                })
                .collect(),
            other => Err(self.err(f, line, format!("{what} must be a list of strings, not {}", other.type_name()), "")),
        }
    }

    fn call(&mut self, f: &mut Frame, line: u32, name: &'static str, pos: Vec<Value>, kw: Vec<(String, Value)>) -> Result<Value> {
        match name {
            "metadata" => {
                const KEYS: &[(&str, bool)] = &[
                    ("description", false),
                    ("version", false),
                    ("license", false),
                    ("author", false),
                    ("stdlib", false),
                    ("pypi", false),
                    ("pypi_publish", false),
                ];
                if !pos.is_empty() {
                    return Err(self.err(f, line, "metadata() takes keyword arguments only", ""));
                }
                if kw.is_empty() {
                    return Ok(Value::None);
                }
                let (v, _) = self.bind(f, line, name, KEYS, pos, kw, false)?;
                let idx = *self.meta_stack.last().unwrap_or(&0);
                if self.metas[idx].1 {
                    return Err(self.err(f, line, "Duplicate call to metadata().", "call metadata() once per manifest"));
                }
                let s = |x: &Option<Value>| match x {
                    Some(Value::Str(s)) => Some(s.clone()),
                    _ => None,
                };
                self.metas[idx] = (
                    Metadata {
                        description: s(&v[0]),
                        version: s(&v[1]),
                        license: s(&v[2]),
                        author: s(&v[3]),
                        stdlib: v[4].as_ref().is_some_and(Value::truthy),
                        pypi: s(&v[5]),
                        pypi_publish: s(&v[6]),
                    },
                    true,
                );
            }
            "include" => {
                let (v, extra) =
                    self.bind(f, line, name, &[("manifest_path", true), ("is_require", false)], pos, kw, true)?;
                let is_require = v[1].as_ref().is_some_and(Value::truthy);
                let opts = Options { kwargs: extra, defaults: BTreeMap::new() };
                match v[0].clone() {
                    Some(Value::Str(p)) => self.include_one(f, line, &p, opts, is_require)?,
                    Some(Value::Seq(items)) => {
                        for p in self.str_list(f, line, "include() paths", Value::Seq(items))? {
                            self.include_one(f, line, &p, opts.clone(), false)?;
                        }
                    }
                    other => {
                        return Err(self.err(
                            f,
                            line,
                            format!("include() takes a path or a list of paths, not {}", other.map_or("nothing", |o| o.type_name())),
                            "",
                        ))
                    }
                }
            }
            "require" => {
                let (v, extra) = self.bind(
                    f,
                    line,
                    name,
                    &[("name", true), ("version", false), ("pypi", false), ("library", false)],
                    pos,
                    kw,
                    true,
                )?;
                let pkg = self.str_arg(f, line, name, "name", v[0].clone(), "")?;
                let library = match &v[3] {
                    Some(Value::Str(s)) => Some(s.clone()),
                    _ => None,
                };
                self.require(f, line, &pkg, library.as_deref(), extra)?;
            }
            "add_library" => {
                let (v, _) = self.bind(
                    f,
                    line,
                    name,
                    &[("library", true), ("library_path", true), ("prepend", false)],
                    pos,
                    kw,
                    false,
                )?;
                let lib = self.str_arg(f, line, name, "library", v[0].clone(), "")?;
                let p = self.str_arg(f, line, name, "library_path", v[1].clone(), "")?;
                let path = self.resolve(f, line, &p)?;
                let prepend = v[2].as_ref().is_some_and(Value::truthy);
                self.libraries.insert(lib, path.clone());
                if prepend {
                    self.library_dirs.insert(0, path);
                } else {
                    self.library_dirs.push(path);
                }
            }
            "package" => {
                let (v, _) = self.bind(
                    f,
                    line,
                    name,
                    &[("package_path", true), ("files", false), ("base_path", false), ("opt", false)],
                    pos,
                    kw,
                    false,
                )?;
                let pkg = self.str_arg(f, line, name, "package_path", v[0].clone(), "")?;
                let files = match v[1].clone() {
                    None | Some(Value::None) => None,
                    Some(x) => Some(self.str_list(f, line, "files", x)?),
                };
                let base = self.str_arg(f, line, name, "base_path", v[2].clone(), ".")?;
                let opt = self.opt_arg(f, line, v[3].clone())?;
                let full = self.resolve(f, line, &base)?.join(&pkg);
                if files.is_none() && !full.is_dir() {
                    return Err(self.err(
                        f,
                        line,
                        format!("package directory {} does not exist", full.display()),
                        "check package_path and base_path (MicroPython would silently add nothing)",
                    ));
                }
                self.search(f, line, &base, Some(&pkg), files, &["py"], None, opt)?;
            }
            "module" => {
                let (v, _) =
                    self.bind(f, line, name, &[("module_path", true), ("base_path", false), ("opt", false)], pos, kw, false)?;
                let m = self.str_arg(f, line, name, "module_path", v[0].clone(), "")?;
                let base = self.str_arg(f, line, name, "base_path", v[1].clone(), ".")?;
                let opt = self.opt_arg(f, line, v[2].clone())?;
                let base = self.resolve(f, line, &base)?;
                if !ext_is(&m, "py") {
                    return Err(self.err(f, line, "module must be .py file", "module() takes one .py file; use package() for a directory"));
                }
                let full = fsutil::normalize(&base.join(&m));
                self.add_file(f, line, &full, &m, None, opt)?;
            }
            "c_module" => {
                let (v, _) = self.bind(f, line, name, &[("module_path", true)], pos, kw, false)?;
                let p = self.str_arg(f, line, name, "module_path", v[0].clone(), "")?;
                let path = self.resolve(f, line, &p)?;
                if !path.is_dir() {
                    return Err(self.err(f, line, format!("C module path must be a directory: {}", path.display()), ""));
                }
                if !path.join("micropython.mk").is_file() && !path.join("micropython.cmake").is_file() {
                    return Err(self.err(
                        f,
                        line,
                        format!("C module directory must contain micropython.mk or micropython.cmake: {}", path.display()),
                        "",
                    ));
                }
                self.listing.c_modules.push(path);
            }
            "freeze" | "freeze_as_mpy" | "freeze_mpy" => {
                let (v, _) =
                    self.bind(f, line, name, &[("path", true), ("script", false), ("opt", false)], pos, kw, false)?;
                let path = self.str_arg(f, line, name, "path", v[0].clone(), "")?;
                let opt = self.opt_arg(f, line, v[2].clone())?;
                let (exts, kind): (&[&str], Option<FileKind>) = match name {
                    "freeze" => (&["py", "mpy"], None),
                    "freeze_as_mpy" => (&["py"], Some(FileKind::FreezeAsMpy)),
                    _ => (&["mpy"], Some(FileKind::FreezeMpy)),
                };
                // _freeze_internal: None → all files; a directory → that package; a string → one file;
                // an iterable → those files.
                match v[1].clone() {
                    None | Some(Value::None) => self.search(f, line, &path, None, None, exts, kind, opt)?,
                    Some(Value::Str(s)) => {
                        let base = self.resolve(f, line, &path)?;
                        if base.join(&s).is_dir() {
                            self.search(f, line, &path, Some(&s), None, exts, kind, opt)?;
                        } else {
                            self.search(f, line, &path, None, Some(vec![s]), exts, kind, opt)?;
                        }
                    }
                    Some(x) => {
                        let files = self.str_list(f, line, "script", x)?;
                        self.search(f, line, &path, None, Some(files), exts, kind, opt)?;
                    }
                }
            }
            "freeze_as_str" => {
                let (v, _) = self.bind(f, line, name, &[("path", true)], pos, kw, false)?;
                let path = self.str_arg(f, line, name, "path", v[0].clone(), "")?;
                self.search(f, line, &path, None, None, &["py"], Some(FileKind::FreezeAsStr), None)?;
            }
            _ => return Err(self.err(f, line, format!("{name}() is not supported"), SUBSET_HELP)),
        }
        Ok(Value::None)
    }

    /// `include()` of one path: a directory means its `manifest.py`; each file is evaluated once.
    fn include_one(&mut self, f: &Frame, line: u32, path: &str, options: Options, is_require: bool) -> Result<()> {
        let mut p = self.resolve(f, line, path)?;
        if p.is_dir() {
            p = p.join("manifest.py");
        }
        let key = canon(&p);
        if !self.visited.insert(key) {
            return Ok(());
        }
        if self.depth >= MAX_INCLUDE_DEPTH {
            return Err(self.err(f, line, "includes nest too deeply", "look for an include cycle through symlinks"));
        }
        let source = std::fs::read(&p).map_err(|e| {
            self.err(f, line, format!("cannot read manifest {}: {e}", p.display()), "check the include() path")
        })?;
        self.listing.manifests.push(p.clone());
        if is_require {
            self.metas.push((Metadata::default(), false));
            self.meta_stack.push(self.metas.len() - 1);
        }
        let dir = p.parent().map_or_else(|| f.dir.clone(), Path::to_path_buf);
        let mut frame = Frame { file: p, dir, options, locals: BTreeMap::new() };
        self.depth += 1;
        let r = self.exec_source(&mut frame, &source);
        self.depth -= 1;
        if is_require {
            self.meta_stack.pop();
        }
        r
    }

    /// `require()`: the first `<library>/**/<name>/manifest.py`, searched top-down with sorted directories.
    fn require(&mut self, f: &Frame, line: u32, name: &str, library: Option<&str>, kwargs: BTreeMap<String, Value>) -> Result<()> {
        let dirs: Vec<PathBuf> = match library {
            Some(lib) => match self.libraries.get(lib) {
                Some(p) => vec![p.clone()],
                None => {
                    return Err(self.err(
                        f,
                        line,
                        format!("Unknown library '{lib}' for require('{name}')."),
                        "register it first with add_library(name, path)",
                    ))
                }
            },
            None => self.library_dirs.clone(),
        };
        for d in &dirs {
            if let Some(found) = find_package_dir(d, name, 0) {
                let opts = Options { kwargs, defaults: BTreeMap::new() };
                return self.include_one(f, line, &found.to_string_lossy(), opts, true);
            }
        }
        let help = if self.library_dirs.is_empty() {
            "set [manifest-vars] mpy-lib-dir to a micropython-lib checkout".to_string()
        } else {
            format!("searched: {}", dirs.iter().map(|d| d.display().to_string()).collect::<Vec<_>>().join(", "))
        };
        match library {
            Some(lib) => Err(self.err(f, line, format!("Package '{name}' not found in external library '{lib}'."), help)),
            None => Err(self.err(f, line, format!("Package '{name}' not found in any known library."), help)),
        }
    }

    /// `_search`: explicit `files` relative to `base/package`, or every file with one of `exts` under it.
    #[allow(clippy::too_many_arguments)]
    fn search(
        &mut self,
        f: &Frame,
        line: u32,
        base_path: &str,
        package: Option<&str>,
        files: Option<Vec<String>>,
        exts: &[&str],
        kind: Option<FileKind>,
        opt: Option<u8>,
    ) -> Result<()> {
        let base = self.resolve(f, line, base_path)?;
        let package = package.filter(|p| !p.is_empty());
        if let Some(files) = files {
            for file in files {
                let target = match package {
                    Some(p) => format!("{}/{file}", p.trim_end_matches('/')),
                    None => file,
                };
                let full = fsutil::normalize(&base.join(&target));
                self.add_file(f, line, &full, &target, kind, opt)?;
            }
            return Ok(());
        }
        let start = fsutil::normalize(&base.join(package.unwrap_or(".")));
        let mut found = Vec::new();
        walk(&start, 0, &mut found);
        for full in found {
            let Some(target) = fsutil::rel_slash(&full, &base) else { continue };
            if exts.iter().any(|e| ext_is(&target, e)) {
                self.add_file(f, line, &full, &target, kind, opt)?;
            }
        }
        Ok(())
    }

    /// `_add_file`: the file must exist; the kind follows from the extension in freeze mode.
    fn add_file(&mut self, f: &Frame, line: u32, full: &Path, target: &str, kind: Option<FileKind>, opt: Option<u8>) -> Result<()> {
        self.check_allowed(f, line, full)?;
        if std::fs::metadata(full).is_err() {
            return Err(self.err(f, line, format!("Cannot stat {}", full.display()), "check the path and base_path"));
        }
        let target = target.trim_start_matches("./").to_string();
        if target.starts_with("../") || target.starts_with('/') {
            return Err(self.err(
                f,
                line,
                format!("target path `{target}` leaves the device's module root"),
                "give base_path so that the module path is relative to it",
            ));
        }
        let kind = match kind {
            Some(k) => k,
            None if ext_is(&target, "py") => FileKind::FreezeAsMpy,
            None if ext_is(&target, "mpy") => FileKind::FreezeMpy,
            None => {
                return Err(self.err(f, line, format!("cannot freeze `{target}`: only .py and .mpy files can be frozen"), ""))
            }
        };
        let meta = *self.meta_stack.last().unwrap_or(&0);
        self.pending.push(Pending {
            file: ManifestFile { path: full.to_path_buf(), target, kind, opt, version: None },
            meta,
        });
        Ok(())
    }
}

/// Case-insensitive extension test (`os.path.splitext(x)[1].lower()`).
fn ext_is(path: &str, ext: &str) -> bool {
    Path::new(path).extension().is_some_and(|e| e.to_string_lossy().eq_ignore_ascii_case(ext))
}

/// Every file under `dir`, depth-first with sorted entries, following symlinks (bounded depth).
fn walk(dir: &Path, depth: usize, out: &mut Vec<PathBuf>) {
    if depth > MAX_WALK_DEPTH {
        return;
    }
    let Ok(rd) = std::fs::read_dir(dir) else { return };
    let mut entries: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    let (dirs, files): (Vec<PathBuf>, Vec<PathBuf>) = entries.into_iter().partition(|p| p.is_dir());
    out.extend(files);
    for d in dirs {
        walk(&d, depth + 1, out);
    }
}

/// `_require_from_path`: the first directory named `name` holding a `manifest.py`, top-down.
fn find_package_dir(dir: &Path, name: &str, depth: usize) -> Option<PathBuf> {
    if depth > MAX_WALK_DEPTH {
        return None;
    }
    if dir.file_name().is_some_and(|n| n == name) && dir.join("manifest.py").is_file() {
        return Some(dir.to_path_buf());
    }
    let mut subdirs: Vec<PathBuf> =
        std::fs::read_dir(dir).ok()?.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.is_dir()).collect();
    subdirs.sort();
    subdirs.into_iter().find_map(|d| find_package_dir(&d, name, depth + 1))
}

fn describe_callee(func: &Expr, v: &Value) -> String {
    match &func.kind {
        ExprKind::Name(n) => format!("`{n}`"),
        ExprKind::Attribute { attr, .. } => format!("`.{attr}()`"),
        _ => format!("a {}", v.type_name()),
    }
}

fn stmt_name(s: &StmtKind) -> &'static str {
    match s {
        StmtKind::FunctionDef(_) => "`def`",
        StmtKind::ClassDef(_) => "`class`",
        StmtKind::Return(_) => "`return`",
        StmtKind::Delete(_) => "`del`",
        StmtKind::AugAssign { .. } => "augmented assignment",
        StmtKind::AnnAssign { .. } => "annotated assignment",
        StmtKind::For { .. } => "`async for`",
        StmtKind::While { .. } => "`while`",
        StmtKind::With { .. } => "`with`",
        StmtKind::Raise { .. } => "`raise`",
        StmtKind::Try { .. } => "`try`",
        StmtKind::Assert { .. } => "`assert`",
        StmtKind::Import(_) | StmtKind::ImportFrom { .. } => "`import`",
        StmtKind::Global(_) => "`global`",
        StmtKind::Nonlocal(_) => "`nonlocal`",
        StmtKind::Break => "`break`",
        StmtKind::Continue => "`continue`",
        _ => "these",
    }
}
