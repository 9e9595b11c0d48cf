//! The default theme's templates read only fields their contexts have, and docs/templates.md
//! documents every field of every context struct.
//!
//! Rendering alone cannot show the first: Tera takes an unknown variable in an `if` for false, so a
//! misspelt or removed field silently hides part of a page. The check reads the parsed templates
//! instead (Tera's `ast`, public but hidden API: a Tera upgrade that changes it shows here).

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

use serde_json::Value;
use tera::ast::{Expr, ExprVal, FunctionCall, Node};
use tera::Tera;

use super::samples;
use crate::model::Lang;
use crate::render::theme::{Theme, TEMPLATES};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn theme() -> Theme {
    match Theme::load(root(), "default") {
        Ok(theme) => theme,
        Err(errors) => panic!(
            "the default theme does not load: {:?}",
            errors.iter().map(|e| &e.message).collect::<Vec<_>>()
        ),
    }
}

/// What a template variable is known to hold: part of a sample context, or anything (a loop's
/// `loop`, a filtered value, the author's `extra:`).
#[derive(Clone, Copy)]
enum Shape<'v> {
    Known(&'v Value),
    Any,
}

/// One template with everything it extends and includes, read against one sample context.
struct Walk<'v> {
    tera: &'v Tera,
    context: &'v Value,
    /// Variables set by `for` and `set`, innermost last.
    scopes: Vec<HashMap<String, Shape<'v>>>,
    /// The template file being read.
    file: String,
    /// Templates being read, against `include` cycles.
    open: Vec<String>,
    /// Every template file read.
    reached: BTreeSet<String>,
    /// (template file, variable) for each variable the context does not have.
    missing: BTreeSet<(String, String)>,
}

impl<'v> Walk<'v> {
    fn new(tera: &'v Tera, context: &'v Value) -> Walk<'v> {
        Walk {
            tera,
            context,
            scopes: vec![HashMap::new()],
            file: String::new(),
            open: Vec::new(),
            reached: BTreeSet::new(),
            missing: BTreeSet::new(),
        }
    }

    fn template(&mut self, name: &str) {
        if self.open.iter().any(|o| o == name) {
            return;
        }
        let Ok(template) = self.tera.get_template(name) else {
            self.missing
                .insert((self.file.clone(), format!("template {name}")));
            return;
        };
        self.reached.insert(name.to_string());
        self.open.push(name.to_string());
        let outer = std::mem::replace(&mut self.file, name.to_string());
        self.nodes(&template.ast);
        self.file = outer;
        self.open.pop();
    }

    fn nodes(&mut self, nodes: &'v [Node]) {
        for node in nodes {
            self.node(node);
        }
    }

    fn node(&mut self, node: &'v Node) {
        match node {
            Node::VariableBlock(_, e) => self.expr(e),
            Node::Extends(_, parent) => self.template(parent),
            Node::Include(_, names, _) => names.iter().for_each(|n| self.template(n)),
            Node::Set(_, set) => {
                self.expr(&set.value);
                let shape = self.shape(&set.value);
                let scope = self.scopes.last_mut().expect("a scope");
                scope.insert(set.key.clone(), shape);
            }
            Node::FilterSection(_, section, _) => {
                self.call(&section.filter);
                self.nodes(&section.body);
            }
            Node::Block(_, block, _) => self.nodes(&block.body),
            Node::Forloop(_, for_loop, _) => {
                self.expr(&for_loop.container);
                let element = match (self.shape(&for_loop.container), &for_loop.key) {
                    (Shape::Known(Value::Array(items)), None) => {
                        items.first().map_or(Shape::Any, Shape::Known)
                    }
                    _ => Shape::Any,
                };
                let mut scope = HashMap::from([(for_loop.value.clone(), element)]);
                if let Some(key) = &for_loop.key {
                    scope.insert(key.clone(), Shape::Any);
                }
                self.scopes.push(scope);
                self.nodes(&for_loop.body);
                if let Some(body) = &for_loop.empty_body {
                    self.nodes(body);
                }
                self.scopes.pop();
            }
            Node::If(branches, _) => {
                for (_, condition, body) in &branches.conditions {
                    self.expr(condition);
                    self.nodes(body);
                }
                if let Some((_, body)) = &branches.otherwise {
                    self.nodes(body);
                }
            }
            Node::MacroDefinition(_, definition, _) => {
                let args = definition.args.keys().map(|a| (a.clone(), Shape::Any));
                self.scopes.push(args.collect());
                self.nodes(&definition.body);
                self.scopes.pop();
            }
            Node::Super
            | Node::Text(_)
            | Node::ImportMacro(..)
            | Node::Raw(..)
            | Node::Break(_)
            | Node::Continue(_)
            | Node::Comment(..) => {}
        }
    }

    fn expr(&mut self, e: &'v Expr) {
        self.value(&e.val);
        e.filters.iter().for_each(|f| self.call(f));
    }

    fn call(&mut self, call: &'v FunctionCall) {
        call.args.values().for_each(|a| self.expr(a));
    }

    fn value(&mut self, v: &'v ExprVal) {
        match v {
            ExprVal::Ident(ident) => self.read(ident),
            ExprVal::Math(m) => {
                self.expr(&m.lhs);
                self.expr(&m.rhs);
            }
            ExprVal::Logic(l) => {
                self.expr(&l.lhs);
                self.expr(&l.rhs);
            }
            ExprVal::In(i) => {
                self.expr(&i.lhs);
                self.expr(&i.rhs);
            }
            ExprVal::Test(test) => {
                self.read(&test.ident);
                test.args.iter().for_each(|a| self.expr(a));
            }
            ExprVal::MacroCall(m) => m.args.values().for_each(|a| self.expr(a)),
            ExprVal::FunctionCall(f) => self.call(f),
            ExprVal::Array(items) => items.iter().for_each(|i| self.expr(i)),
            ExprVal::StringConcat(c) => c.values.iter().for_each(|v| self.value(v)),
            ExprVal::String(_) | ExprVal::Int(_) | ExprVal::Float(_) | ExprVal::Bool(_) => {}
        }
    }

    /// What a `set` or a `for` binds: known only for a plain variable.
    fn shape(&self, e: &'v Expr) -> Shape<'v> {
        match &e.val {
            ExprVal::Ident(ident) if e.filters.is_empty() => {
                self.resolve(ident).unwrap_or(Shape::Any)
            }
            _ => Shape::Any,
        }
    }

    fn read(&mut self, ident: &str) {
        if self.resolve(ident).is_none() {
            self.missing.insert((self.file.clone(), ident.to_string()));
        }
    }

    /// `page.children`, `cells.0.class`: `None` when the context has no such field.
    fn resolve(&self, ident: &str) -> Option<Shape<'v>> {
        // What follows a bracket (`a[b]`) is only known when rendering.
        let dotted = ident.split('[').next().unwrap_or(ident);
        let mut parts = dotted.split('.');
        let first = parts.next()?;
        let mut at = if first == "loop" || first == "__tera_context" {
            Shape::Any
        } else if let Some(&bound) = self.scopes.iter().rev().find_map(|s| s.get(first)) {
            bound
        } else {
            Shape::Known(self.context.get(first)?)
        };
        for part in parts {
            at = match at {
                Shape::Any | Shape::Known(Value::Null) => Shape::Any,
                Shape::Known(Value::Object(fields)) => Shape::Known(fields.get(part)?),
                Shape::Known(Value::Array(items)) => {
                    part.parse::<usize>().ok()?;
                    Shape::Known(items.first()?)
                }
                Shape::Known(_) => return None,
            };
        }
        Some(at)
    }
}

/// Per template file, the variables it reads that no context it is rendered with has.
fn unknown_variables(
    tera: &Tera,
    contexts: &[(&str, Value)],
) -> BTreeMap<String, BTreeSet<String>> {
    let mut unknown: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (template, context) in contexts {
        let mut walk = Walk::new(tera, context);
        walk.template(template);
        for file in &walk.reached {
            let here: BTreeSet<String> = walk
                .missing
                .iter()
                .filter(|(f, _)| f == file)
                .map(|(_, v)| v.clone())
                .collect();
            // `base.html` serves every kind of view: a variable is wrong only where no view has it
            // (`page` is there for pages only, and base.html asks `if page`).
            unknown
                .entry(file.clone())
                .and_modify(|known| known.retain(|v| here.contains(v)))
                .or_insert(here);
        }
    }
    unknown.retain(|_, vars| !vars.is_empty());
    unknown
}

#[test]
fn templates_read_only_fields_their_context_has() {
    let theme = theme();
    let contexts = samples::templates(&theme.strings[&Lang::Ja]);
    let unknown = unknown_variables(&theme.tera, &contexts);
    assert!(
        unknown.is_empty(),
        "templates of themes/default read variables their context does not have \
         (src/render/context/): {unknown:#?}"
    );
}

#[test]
fn every_template_is_checked_against_a_context() {
    let theme = theme();
    let contexts = samples::templates(&theme.strings[&Lang::Ja]);
    let sampled: BTreeSet<&str> = contexts.iter().map(|(t, _)| *t).collect();
    let rendered: BTreeSet<&str> = TEMPLATES
        .into_iter()
        .filter(|&t| t != "base.html")
        .chain(crate::render::chrome::ONCE_PER_LANGUAGE)
        .chain([crate::render::chrome::NAV])
        .collect();
    assert_eq!(
        sampled, rendered,
        "one sample context per rendered template"
    );
    let mut reached = BTreeSet::new();
    for (template, context) in &contexts {
        let mut walk = Walk::new(&theme.tera, context);
        walk.template(template);
        reached.extend(walk.reached);
    }
    let files: BTreeSet<String> = theme
        .tera
        .get_template_names()
        .map(str::to_string)
        .collect();
    assert_eq!(reached, files, "every template file is read by some view");
}

#[test]
fn samples_leave_out_no_optional_field() {
    fn nulls(v: &Value, path: &str, out: &mut Vec<String>) {
        match v {
            Value::Null => out.push(path.to_string()),
            Value::Array(items) if items.is_empty() => out.push(format!("{path} (empty)")),
            Value::Array(items) => items
                .iter()
                .for_each(|i| nulls(i, &format!("{path}.0"), out)),
            Value::Object(fields) => {
                for (k, v) in fields {
                    nulls(v, &format!("{path}.{k}"), out);
                }
            }
            _ => {}
        }
    }
    let theme = theme();
    for (template, context) in samples::templates(&theme.strings[&Lang::Ja]) {
        let mut found = Vec::new();
        nulls(&context, "", &mut found);
        // `extra:` is the author's map, opaque to the check.
        found.retain(|p| p != ".page.extra");
        assert!(found.is_empty(), "{template}: {found:?}");
    }
}

#[test]
fn the_check_finds_a_misspelt_field_also_in_a_condition() {
    let theme = theme();
    let contexts = samples::templates(&theme.strings[&Lang::Ja]);
    let page = contexts
        .into_iter()
        .find(|(t, _)| *t == "page.html")
        .expect("page.html has a sample");
    let mut tera = Tera::default();
    tera.add_raw_template(
        "page.html",
        "{% if page.dat %}{{ page.date.display }}{% endif %}\
         {% for c in page.children %}{{ c.titel }}{% if c.date.is_fiscal_year %}{% endif %}{% endfor %}\
         {% set s = page.source %}{{ s.issuer }}{{ s.isuer }}{{ t.no_such_string }}{{ loop.index }}",
    )
    .unwrap();
    let unknown = unknown_variables(&tera, &[("page.html", page.1)]);
    let found: Vec<&str> = unknown["page.html"].iter().map(String::as_str).collect();
    assert_eq!(
        found,
        ["c.titel", "page.dat", "s.isuer", "t.no_such_string"]
    );
}

/// Per `### \`Struct\`` section of the docs, the names in backticks in the first column of its
/// tables.
fn documented_fields(docs: &str) -> BTreeMap<String, BTreeSet<String>> {
    let mut sections: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut current: Option<String> = None;
    for line in docs.lines() {
        if line.starts_with('#') {
            current = line
                .strip_prefix("### `")
                .and_then(|rest| rest.split('`').next())
                .map(str::to_string);
            if let Some(name) = &current {
                sections.entry(name.clone()).or_default();
            }
            continue;
        }
        let (Some(name), Some(row)) = (&current, line.strip_prefix('|')) else {
            continue;
        };
        let first_cell = row.split('|').next().unwrap_or("");
        let names = first_cell.split('`').skip(1).step_by(2).map(str::to_string);
        sections.entry(name.clone()).or_default().extend(names);
    }
    sections
}

#[test]
fn the_template_docs_list_every_field() {
    let theme = theme();
    let docs = std::fs::read_to_string(root().join("docs/templates.md")).unwrap();
    let documented = documented_fields(&docs);
    let structs = samples::structs(&theme.strings[&Lang::Ja]);
    for (name, sample) in &structs {
        let fields: BTreeSet<String> = sample
            .as_object()
            .unwrap_or_else(|| panic!("`{name}` serializes as a map"))
            .keys()
            .cloned()
            .collect();
        let Some(listed) = documented.get(*name) else {
            panic!("docs/templates.md has no section \"### `{name}`\"");
        };
        assert_eq!(listed, &fields, "docs/templates.md, section `{name}`");
    }
    let sampled: BTreeSet<&str> = structs.iter().map(|(n, _)| *n).collect();
    for name in documented.keys() {
        assert!(
            sampled.contains(name.as_str()),
            "docs/templates.md documents `{name}`, which is no context struct"
        );
    }
    // A new struct needs a sample (and so a section of the docs).
    let sources = [include_str!("mod.rs"), include_str!("data.rs")];
    let declared = sources.iter().flat_map(|s| s.lines()).filter_map(|line| {
        let rest = line.strip_prefix("pub struct ")?;
        rest.split(|c: char| !c.is_alphanumeric()).next()
    });
    for name in declared {
        assert!(
            sampled.contains(name) || samples::FLATTENED.contains(&name),
            "`{name}` has no sample in src/render/context/samples.rs"
        );
    }
}
