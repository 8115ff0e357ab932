//! Reads the shell's source: the `#[tauri::command]` fns, the `generate_handler![...]`
//! list, and the shell's own structs (for argument types without a ts-rs binding).

use std::path::Path;

use proc_macro2::TokenTree;
use syn::punctuated::Punctuated;
use syn::visit::Visit;
use syn::{Attribute, ItemFn, ItemMod, ItemStruct, Meta, Token};

/// How Tauri turns the Rust parameter names into the keys the window sends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RenameAll {
    /// Tauri's default: `tenant_id` is sent as `tenantId`.
    CamelCase,
    SnakeCase,
}

impl RenameAll {
    pub fn key(self, rust_name: &str) -> String {
        match self {
            RenameAll::SnakeCase => rust_name.to_string(),
            RenameAll::CamelCase => camel_case(rust_name),
        }
    }
}

#[derive(Clone)]
pub struct CommandFn {
    /// Module path inside the shell crate (`["records"]` for src-tauri/src/records.rs).
    pub module: Vec<String>,
    pub file: String,
    pub rename_all: RenameAll,
    pub item: ItemFn,
}

impl CommandFn {
    pub fn name(&self) -> String {
        self.item.sig.ident.to_string()
    }

    pub fn path(&self) -> String {
        self.module
            .iter()
            .cloned()
            .chain([self.name()])
            .collect::<Vec<_>>()
            .join("::")
    }
}

#[derive(Clone)]
pub struct ShellStruct {
    pub file: String,
    pub item: ItemStruct,
}

#[derive(Default)]
pub struct Shell {
    pub commands: Vec<CommandFn>,
    /// The entries of `generate_handler![...]`, as module path and fn name, in order.
    pub handler: Vec<Vec<String>>,
    pub structs: Vec<ShellStruct>,
    handler_macros: Vec<String>,
}

impl Shell {
    /// Every `.rs` file under `src_dir`, read in a fixed order.
    pub fn read(src_dir: &Path) -> Result<Shell, String> {
        let mut files = Vec::new();
        collect_rs_files(src_dir, src_dir, &mut files)?;
        files.sort();
        let sources = files
            .into_iter()
            .map(|relative| {
                let full = src_dir.join(&relative);
                std::fs::read_to_string(&full)
                    .map(|text| (relative, text))
                    .map_err(|e| format!("{}: {e}", full.display()))
            })
            .collect::<Result<Vec<_>, _>>()?;
        Shell::parse(&sources)
    }

    /// `sources` are (path relative to src/, text) pairs.
    pub fn parse(sources: &[(String, String)]) -> Result<Shell, String> {
        let mut shell = Shell::default();
        for (file, text) in sources {
            let syntax = syn::parse_file(text).map_err(|e| format!("src-tauri/src/{file}: {e}"))?;
            let mut reader = Reader {
                shell: &mut shell,
                file,
                module: module_of(file),
                errors: Vec::new(),
            };
            reader.visit_file(&syntax);
            if !reader.errors.is_empty() {
                return Err(reader.errors.join("\n"));
            }
        }
        match shell.handler_macros.len() {
            1 => Ok(shell),
            0 => Err("no tauri::generate_handler![...] found in src-tauri/src".into()),
            _ => Err(format!(
                "more than one generate_handler![...] in src-tauri/src: {}",
                shell.handler_macros.join(", ")
            )),
        }
    }

    /// Entries of generate_handler! without a command fn, and command fns missing from it.
    pub fn registration_problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        for entry in &self.handler {
            if self.command(entry).is_none() {
                problems.push(format!(
                    "generate_handler! lists `{}`, but src-tauri/src has no #[tauri::command] fn {} in that module",
                    entry.join("::"),
                    entry.last().map(String::as_str).unwrap_or("")
                ));
            }
        }
        for command in &self.commands {
            if !self.handler.iter().any(|entry| *entry == path_of(command)) {
                problems.push(format!(
                    "#[tauri::command] fn `{}` (src-tauri/src/{}) is not registered in generate_handler! in src-tauri/src/lib.rs",
                    command.path(),
                    command.file
                ));
            }
        }
        let mut seen = std::collections::BTreeSet::new();
        for entry in &self.handler {
            let name = entry.last().cloned().unwrap_or_default();
            if !seen.insert(name.clone()) {
                problems.push(format!(
                    "generate_handler! registers the command name `{name}` twice"
                ));
            }
        }
        problems
    }

    pub fn command(&self, entry: &[String]) -> Option<&CommandFn> {
        self.commands
            .iter()
            .find(|command| path_of(command) == entry)
    }

    /// The shell's struct of that name; `Err` when several modules define one.
    pub fn struct_named(&self, name: &str) -> Result<Option<&ShellStruct>, String> {
        let found: Vec<&ShellStruct> = self
            .structs
            .iter()
            .filter(|s| s.item.ident == name)
            .collect();
        match found.as_slice() {
            [] => Ok(None),
            [one] => Ok(Some(one)),
            many => Err(format!(
                "the struct `{name}` is defined in several files of src-tauri/src ({})",
                many.iter()
                    .map(|s| s.file.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
        }
    }
}

fn path_of(command: &CommandFn) -> Vec<String> {
    command
        .module
        .iter()
        .cloned()
        .chain([command.name()])
        .collect()
}

struct Reader<'a> {
    shell: &'a mut Shell,
    file: &'a str,
    module: Vec<String>,
    errors: Vec<String>,
}

impl<'ast> Visit<'ast> for Reader<'_> {
    fn visit_item_mod(&mut self, item: &'ast ItemMod) {
        if is_cfg_test(&item.attrs) {
            return;
        }
        self.module.push(item.ident.to_string());
        syn::visit::visit_item_mod(self, item);
        self.module.pop();
    }

    fn visit_item_fn(&mut self, item: &'ast ItemFn) {
        if let Some(attr) = item.attrs.iter().find(|attr| is_command_attr(attr)) {
            match rename_all(attr) {
                Ok(rename_all) => self.shell.commands.push(CommandFn {
                    module: self.module.clone(),
                    file: self.file.to_string(),
                    rename_all,
                    item: item.clone(),
                }),
                Err(e) => self.errors.push(format!(
                    "src-tauri/src/{}: fn {}: {e}",
                    self.file, item.sig.ident
                )),
            }
        }
        syn::visit::visit_item_fn(self, item);
    }

    fn visit_item_struct(&mut self, item: &'ast ItemStruct) {
        self.shell.structs.push(ShellStruct {
            file: self.file.to_string(),
            item: item.clone(),
        });
        syn::visit::visit_item_struct(self, item);
    }

    fn visit_macro(&mut self, mac: &'ast syn::Macro) {
        if mac
            .path
            .segments
            .last()
            .is_some_and(|last| last.ident == "generate_handler")
        {
            self.shell
                .handler_macros
                .push(format!("src-tauri/src/{}", self.file));
            match mac.parse_body_with(Punctuated::<syn::Path, Token![,]>::parse_terminated) {
                Ok(paths) => {
                    for path in paths {
                        let mut segments: Vec<String> =
                            path.segments.iter().map(|s| s.ident.to_string()).collect();
                        if segments
                            .first()
                            .is_some_and(|first| first == "crate" || first == "self")
                        {
                            segments.remove(0);
                        }
                        let mut full = self.module.clone();
                        full.extend(segments);
                        self.shell.handler.push(full);
                    }
                }
                Err(e) => self.errors.push(format!(
                    "src-tauri/src/{}: generate_handler! is not a list of paths: {e}",
                    self.file
                )),
            }
        }
        syn::visit::visit_macro(self, mac);
    }
}

/// `#[tauri::command]`, `#[tauri::command(async)]`, or `#[command]` after `use tauri::command`.
fn is_command_attr(attr: &Attribute) -> bool {
    let segments: Vec<String> = attr
        .path()
        .segments
        .iter()
        .map(|s| s.ident.to_string())
        .collect();
    matches!(
        segments
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>()
            .as_slice(),
        ["tauri", "command"] | ["command"]
    )
}

fn rename_all(attr: &Attribute) -> Result<RenameAll, String> {
    let Meta::List(list) = &attr.meta else {
        return Ok(RenameAll::CamelCase);
    };
    let tokens: Vec<TokenTree> = list.tokens.clone().into_iter().collect();
    for (i, token) in tokens.iter().enumerate() {
        if matches!(token, TokenTree::Ident(ident) if ident == "rename_all") {
            let value = match (tokens.get(i + 1), tokens.get(i + 2)) {
                (Some(TokenTree::Punct(eq)), Some(TokenTree::Literal(literal)))
                    if eq.as_char() == '=' =>
                {
                    syn::parse_str::<syn::LitStr>(&literal.to_string())
                        .map_err(|e| e.to_string())?
                        .value()
                }
                _ => return Err("rename_all needs a string: rename_all = \"snake_case\"".into()),
            };
            return match value.as_str() {
                "camelCase" => Ok(RenameAll::CamelCase),
                "snake_case" => Ok(RenameAll::SnakeCase),
                other => Err(format!("rename_all = \"{other}\" is not supported by ipc-gen (camelCase or snake_case)")),
            };
        }
    }
    Ok(RenameAll::CamelCase)
}

fn is_cfg_test(attrs: &[Attribute]) -> bool {
    attrs.iter().any(|attr| {
        attr.path().is_ident("cfg")
            && attr
                .meta
                .require_list()
                .is_ok_and(|list| list.tokens.to_string() == "test")
    })
}

fn module_of(file: &str) -> Vec<String> {
    let without_ext = file.trim_end_matches(".rs");
    let mut parts: Vec<String> = without_ext.split('/').map(str::to_string).collect();
    if matches!(
        parts.last().map(String::as_str),
        Some("mod" | "lib" | "main")
    ) {
        parts.pop();
    }
    parts
}

fn collect_rs_files(root: &Path, dir: &Path, into: &mut Vec<String>) -> Result<(), String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for entry in entries {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.is_dir() {
            collect_rs_files(root, &path, into)?;
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            let relative = path.strip_prefix(root).expect("under root");
            into.push(
                relative
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy().to_string())
                    .collect::<Vec<_>>()
                    .join("/"),
            );
        }
    }
    Ok(())
}

/// What Tauri's default argument conversion does (heck's lowerCamelCase).
pub fn camel_case(snake: &str) -> String {
    let mut out = String::new();
    let mut upper = false;
    for c in snake.trim_start_matches('_').chars() {
        if c == '_' {
            upper = !out.is_empty();
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shell(files: &[(&str, &str)]) -> Result<Shell, String> {
        Shell::parse(
            &files
                .iter()
                .map(|(f, t)| (f.to_string(), t.to_string()))
                .collect::<Vec<_>>(),
        )
    }

    const LIB: &str = "fn run() { tauri::Builder::default().invoke_handler(tauri::generate_handler![records::companies, closing::set_unsaved]); }";

    #[test]
    fn snake_case_parameters_are_sent_in_camel_case() {
        assert_eq!(camel_case("tenant_id"), "tenantId");
        assert_eq!(camel_case("file_title"), "fileTitle");
        assert_eq!(camel_case("id"), "id");
        assert_eq!(camel_case("a_b_c"), "aBC");
    }

    #[test]
    fn commands_with_and_without_async_are_found_with_their_module() {
        let shell = shell(&[
            ("lib.rs", LIB),
            ("records.rs", "#[tauri::command(async)] pub fn companies(tenant_id: i64) -> ShellResult<Vec<Company>> { todo!() } fn helper() {}"),
            ("closing.rs", "#[tauri::command] pub fn set_unsaved(value: bool) {}"),
        ])
        .unwrap();
        let paths: Vec<String> = shell.commands.iter().map(CommandFn::path).collect();
        assert_eq!(paths, ["records::companies", "closing::set_unsaved"]);
        assert_eq!(
            shell.handler,
            [
                vec!["records".to_string(), "companies".into()],
                vec!["closing".into(), "set_unsaved".into()]
            ]
        );
        assert!(shell.registration_problems().is_empty());
    }

    #[test]
    fn a_handler_entry_without_its_command_fn_is_named() {
        let shell = shell(&[
            ("lib.rs", LIB),
            ("records.rs", "#[tauri::command] pub fn companies() {}"),
            ("closing.rs", "pub fn set_unsaved() {}"),
        ])
        .unwrap();
        let problems = shell.registration_problems();
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].contains("closing::set_unsaved"), "{problems:?}");
    }

    #[test]
    fn a_command_fn_missing_from_the_handler_is_named() {
        let shell = shell(&[
            ("lib.rs", LIB),
            (
                "records.rs",
                "#[tauri::command] pub fn companies() {} #[tauri::command] pub fn areas() {}",
            ),
            ("closing.rs", "#[tauri::command] pub fn set_unsaved() {}"),
        ])
        .unwrap();
        let problems = shell.registration_problems();
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(
            problems[0].contains("records::areas") && problems[0].contains("records.rs"),
            "{problems:?}"
        );
    }

    #[test]
    fn a_command_in_another_module_than_the_handler_says_is_a_mismatch() {
        let shell = shell(&[
            ("lib.rs", LIB),
            ("admin.rs", "#[tauri::command] pub fn companies() {}"),
            ("closing.rs", "#[tauri::command] pub fn set_unsaved() {}"),
        ])
        .unwrap();
        assert_eq!(shell.registration_problems().len(), 2);
    }

    #[test]
    fn the_same_command_name_twice_is_a_mismatch() {
        let lib = "fn run() { generate_handler![records::companies, admin::companies]; }";
        let shell = shell(&[
            ("lib.rs", lib),
            ("records.rs", "#[tauri::command] pub fn companies() {}"),
            ("admin.rs", "#[tauri::command] pub fn companies() {}"),
        ])
        .unwrap();
        assert!(shell
            .registration_problems()
            .iter()
            .any(|p| p.contains("twice")));
    }

    #[test]
    fn rename_all_snake_case_keeps_the_rust_names() {
        let shell = shell(&[("lib.rs", "fn run() { generate_handler![a::f, a::g]; }"), ("a.rs", "#[tauri::command(rename_all = \"snake_case\")] fn f() {} #[tauri::command(async, rename_all = \"camelCase\")] fn g() {}")]).unwrap();
        assert_eq!(shell.commands[0].rename_all, RenameAll::SnakeCase);
        assert_eq!(shell.commands[1].rename_all, RenameAll::CamelCase);
        assert_eq!(RenameAll::SnakeCase.key("tenant_id"), "tenant_id");
    }

    #[test]
    fn an_unknown_rename_all_is_refused() {
        let error = shell(&[
            ("lib.rs", "fn run() { generate_handler![a::f]; }"),
            (
                "a.rs",
                "#[tauri::command(rename_all = \"kebab-case\")] fn f() {}",
            ),
        ])
        .err()
        .expect("refused");
        assert!(
            error.contains("kebab-case") && error.contains("fn f"),
            "{error}"
        );
    }

    #[test]
    fn commands_in_test_modules_are_ignored() {
        let shell = shell(&[("lib.rs", "fn run() { generate_handler![a::f]; }"), ("a.rs", "#[tauri::command] fn f() {} #[cfg(test)] mod tests { #[tauri::command] fn g() {} }")]).unwrap();
        assert_eq!(shell.commands.len(), 1);
    }

    #[test]
    fn without_a_handler_nothing_is_generated() {
        assert!(shell(&[("lib.rs", "fn run() {}")])
            .err()
            .expect("refused")
            .contains("generate_handler"));
    }

    #[test]
    fn files_name_their_modules() {
        assert_eq!(module_of("lib.rs"), Vec::<String>::new());
        assert_eq!(module_of("records.rs"), ["records"]);
        assert_eq!(module_of("backup/mod.rs"), ["backup"]);
        assert_eq!(module_of("backup/files.rs"), ["backup", "files"]);
    }
}
