//! One command table for both sides: `generate_handler![...]` in src-tauri/src/lib.rs and
//! the `#[tauri::command]` fns it lists are the only place a command's name, arguments and
//! result are written down. This crate reads that Rust source with syn and writes
//! ui/src/ipc/commands.ts from it, so a renamed command or parameter fails `npm run
//! typecheck` instead of failing at run time. Types come from the ts-rs bindings, not a second generator.

pub mod shell;
pub mod types;

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::Path;

use syn::{Fields, FnArg, Pat};

use shell::{CommandFn, Shell, ShellStruct};
use types::{is_injected, map_result, map_type, TsType};

/// Where the generated file goes, relative to the workspace root.
pub const OUTPUT: &str = "ui/src/ipc/commands.ts";
pub const SHELL_SRC: &str = "src-tauri/src";
pub const BINDINGS: &str = "ui/src/bindings";

/// A registered command as the window calls it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Command {
    pub name: String,
    pub docs: Vec<String>,
    /// (key the window sends, type), in the order of the Rust parameters.
    pub args: Vec<(String, TsType)>,
    pub result: TsType,
}

/// A struct of the shell itself that a command takes or answers, written out in
/// commands.ts because ts-rs exports only what the core derives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocalType {
    pub name: String,
    pub file: String,
    pub docs: Vec<String>,
    pub fields: Vec<(String, TsType)>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Model {
    pub commands: Vec<Command>,
    pub imports: BTreeSet<String>,
    pub locals: Vec<LocalType>,
    pub uses_channel: bool,
}

/// The text of ui/src/ipc/commands.ts for the workspace at `root`.
pub fn generate(root: &Path) -> Result<String, String> {
    let shell = Shell::read(&root.join(SHELL_SRC))?;
    let bindings = root.join(BINDINGS);
    let model = build(&shell, &|name| {
        bindings.join(format!("{name}.ts")).is_file()
    })?;
    Ok(render(&model))
}

/// The commands in the order of generate_handler!, every type resolved to a binding (for
/// which `has_binding` answers) or to a struct of the shell.
pub fn build(shell: &Shell, has_binding: &dyn Fn(&str) -> bool) -> Result<Model, String> {
    let problems = shell.registration_problems();
    if !problems.is_empty() {
        return Err(problems.join("\n"));
    }
    let mut errors = Vec::new();
    let mut model = Model {
        commands: Vec::new(),
        imports: BTreeSet::new(),
        locals: Vec::new(),
        uses_channel: false,
    };
    for entry in &shell.handler {
        let command_fn = shell.command(entry).expect("registration checked");
        match command(command_fn) {
            Ok(command) => {
                let mut names = Vec::new();
                command.args.iter().for_each(|(_, ty)| ty.names(&mut names));
                command.result.names(&mut names);
                model.uses_channel |= command.args.iter().any(|(_, ty)| ty.uses_channel());
                for name in names {
                    let context = format!("command `{}`", command.name);
                    if let Err(e) = resolve(&name, &context, shell, has_binding, &mut model) {
                        errors.push(e);
                    }
                }
                model.commands.push(command);
            }
            Err(e) => errors.push(format!(
                "command `{}` (src-tauri/src/{}): {e}",
                command_fn.name(),
                command_fn.file
            )),
        }
    }
    if errors.is_empty() {
        Ok(model)
    } else {
        errors.dedup();
        Err(errors.join("\n"))
    }
}

fn command(command_fn: &CommandFn) -> Result<Command, String> {
    let sig = &command_fn.item.sig;
    let mut args = Vec::new();
    for input in &sig.inputs {
        let FnArg::Typed(typed) = input else {
            return Err("a command cannot take self".into());
        };
        if is_injected(&typed.ty) {
            continue;
        }
        let Pat::Ident(ident) = &*typed.pat else {
            return Err("a parameter the window sends must be a plain name".into());
        };
        let rust_name = ident.ident.to_string();
        let ty = map_type(&typed.ty).map_err(|e| format!("parameter `{rust_name}`: {e}"))?;
        args.push((command_fn.rename_all.key(&rust_name), ty));
    }
    let result = map_result(&sig.output).map_err(|e| format!("result: {e}"))?;
    Ok(Command {
        name: command_fn.name(),
        docs: docs(&command_fn.item.attrs),
        args,
        result,
    })
}

fn resolve(
    name: &str,
    context: &str,
    shell: &Shell,
    has_binding: &dyn Fn(&str) -> bool,
    model: &mut Model,
) -> Result<(), String> {
    if model.imports.contains(name) || model.locals.iter().any(|local| local.name == name) {
        return Ok(());
    }
    if has_binding(name) {
        model.imports.insert(name.to_string());
        return Ok(());
    }
    let Some(found) = shell
        .struct_named(name)
        .map_err(|e| format!("{context}: {e}"))?
    else {
        return Err(format!(
            "{context}: the type `{name}` has no ts-rs binding ({BINDINGS}/{name}.ts) and is no struct of src-tauri/src; \
             derive ts_rs::TS with #[ts(export)] on it (in the crate that defines it) and run its tests to export it"
        ));
    };
    let local = local_type(found).map_err(|e| {
        format!(
            "{context}: the shell type `{name}` (src-tauri/src/{}): {e}",
            found.file
        )
    })?;
    let mut names = Vec::new();
    local.fields.iter().for_each(|(_, ty)| ty.names(&mut names));
    model.locals.push(local);
    let context = format!("{context}, through `{name}`");
    names
        .iter()
        .try_for_each(|inner| resolve(inner, &context, shell, has_binding, model))
}

/// Only plain structs: serde attributes would change the JSON in ways this mapping does
/// not follow, and ts-rs handles them for types that need them.
fn local_type(found: &ShellStruct) -> Result<LocalType, String> {
    let item = &found.item;
    if !item.generics.params.is_empty() {
        return Err("a generic struct cannot be written out; derive ts_rs::TS on it".into());
    }
    if item.attrs.iter().any(|attr| attr.path().is_ident("serde")) {
        return Err(
            "#[serde(...)] attributes are not followed by ipc-gen; derive ts_rs::TS on it".into(),
        );
    }
    let Fields::Named(named) = &item.fields else {
        return Err("only structs with named fields can be written out".into());
    };
    let mut fields = Vec::new();
    for field in &named.named {
        let name = field.ident.as_ref().expect("named").to_string();
        if field.attrs.iter().any(|attr| attr.path().is_ident("serde")) {
            return Err(format!("field `{name}`: #[serde(...)] attributes are not followed by ipc-gen; derive ts_rs::TS on it"));
        }
        let ty = map_type(&field.ty).map_err(|e| format!("field `{name}`: {e}"))?;
        fields.push((name.trim_start_matches("r#").to_string(), ty));
    }
    Ok(LocalType {
        name: item.ident.to_string(),
        file: found.file.clone(),
        docs: docs(&item.attrs),
        fields,
    })
}

fn docs(attrs: &[syn::Attribute]) -> Vec<String> {
    attrs
        .iter()
        .filter_map(|attr| match &attr.meta {
            syn::Meta::NameValue(nv) if nv.path.is_ident("doc") => match &nv.value {
                syn::Expr::Lit(syn::ExprLit {
                    lit: syn::Lit::Str(text),
                    ..
                }) => Some(text.value()),
                _ => None,
            },
            _ => None,
        })
        .map(|line| {
            line.strip_prefix(' ')
                .unwrap_or(&line)
                .trim_end()
                .replace("*/", "*\\/")
        })
        .collect()
}

/// Names TypeScript reserves, which a command would otherwise become a function of.
const RESERVED: &[&str] = &[
    "break",
    "case",
    "catch",
    "class",
    "const",
    "continue",
    "debugger",
    "default",
    "delete",
    "do",
    "else",
    "enum",
    "export",
    "extends",
    "false",
    "finally",
    "for",
    "function",
    "if",
    "import",
    "in",
    "instanceof",
    "new",
    "null",
    "return",
    "super",
    "switch",
    "this",
    "throw",
    "true",
    "try",
    "typeof",
    "var",
    "void",
    "while",
    "with",
    "implements",
    "interface",
    "let",
    "package",
    "private",
    "protected",
    "public",
    "static",
    "yield",
    "await",
];

/// The generated function's name: the command in camelCase, `Command` appended where that
/// is a reserved word.
pub fn function_name(command: &str) -> String {
    let name = shell::camel_case(command);
    if RESERVED.contains(&name.as_str()) {
        format!("{name}Command")
    } else {
        name
    }
}

fn args_type(args: &[(String, TsType)]) -> String {
    if args.is_empty() {
        return "Record<string, never>".into();
    }
    let fields: Vec<String> = args
        .iter()
        .map(|(key, ty)| format!("{key}: {ty}"))
        .collect();
    format!("{{ {} }}", fields.join("; "))
}

fn doc_comment(out: &mut String, indent: &str, lines: &[String]) {
    match lines {
        [] => {}
        [one] => writeln!(out, "{indent}/** {one} */").unwrap(),
        _ => {
            writeln!(out, "{indent}/**").unwrap();
            for line in lines {
                writeln!(
                    out,
                    "{indent} *{}{line}",
                    if line.is_empty() { "" } else { " " }
                )
                .unwrap();
            }
            writeln!(out, "{indent} */").unwrap();
        }
    }
}

pub fn render(model: &Model) -> String {
    let mut out = String::new();
    out.push_str("// generated by crates/ipc-gen from src-tauri; do not edit.\n");
    out.push_str("// `cargo test -p dpo-desk-ipc-gen` rewrites it from generate_handler! in src-tauri/src/lib.rs and the\n");
    out.push_str(
        "// #[tauri::command] fns it lists; the types are the ts-rs bindings in ../bindings.\n",
    );
    if model.uses_channel {
        out.push_str("import type { Channel } from \"@tauri-apps/api/core\";\n");
    }
    out.push_str("import { callCommand } from \"./call\";\n");
    for name in &model.imports {
        writeln!(out, "import type {{ {name} }} from \"../bindings/{name}\";").unwrap();
    }
    for local in &model.locals {
        out.push('\n');
        let mut lines = local.docs.clone();
        if !lines.is_empty() {
            lines.push(String::new());
        }
        lines.push(format!(
            "A struct of the shell (src-tauri/src/{}), written out here: it has no ts-rs binding.",
            local.file
        ));
        doc_comment(&mut out, "", &lines);
        writeln!(
            out,
            "export type {} = {};",
            local.name,
            args_type(&local.fields)
        )
        .unwrap();
    }

    out.push_str("\n/** Every command the window may call: the keys Tauri expects (camelCase by default) and the result. */\n");
    out.push_str("export type CommandMap = {\n");
    for command in &model.commands {
        writeln!(
            out,
            "  {}: {{ args: {}; result: {} }};",
            command.name,
            args_type(&command.args),
            command.result
        )
        .unwrap();
    }
    out.push_str("};\n\n");
    out.push_str("export type CommandName = keyof CommandMap;\n");
    out.push_str("export type CommandArgs<K extends CommandName> = CommandMap[K][\"args\"];\n");
    out.push_str(
        "export type CommandResult<K extends CommandName> = CommandMap[K][\"result\"];\n\n",
    );
    out.push_str(
        "/** Calls a command by name; a failure rejects with a CommandError (./call). */\n",
    );
    out.push_str("export function invokeCommand<K extends CommandName>(name: K, args: CommandArgs<K>): Promise<CommandResult<K>> {\n");
    out.push_str("  return callCommand<CommandResult<K>>(name, args);\n");
    out.push_str("}\n");

    for command in &model.commands {
        out.push('\n');
        doc_comment(&mut out, "", &command.docs);
        let function = function_name(&command.name);
        if command.args.is_empty() {
            writeln!(
                out,
                "export function {function}(): Promise<{}> {{",
                command.result
            )
            .unwrap();
            writeln!(out, "  return invokeCommand(\"{}\", {{}});", command.name).unwrap();
        } else {
            writeln!(
                out,
                "export function {function}(args: {}): Promise<{}> {{",
                args_type(&command.args),
                command.result
            )
            .unwrap();
            writeln!(out, "  return invokeCommand(\"{}\", args);", command.name).unwrap();
        }
        out.push_str("}\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn model(files: &[(&str, &str)], bindings: &[&str]) -> Result<Model, String> {
        let shell = Shell::parse(
            &files
                .iter()
                .map(|(f, t)| (f.to_string(), t.to_string()))
                .collect::<Vec<_>>(),
        )?;
        build(&shell, &|name| bindings.contains(&name))
    }

    const LIB: &str =
        "fn run() { generate_handler![records::create_company, closing::set_unsaved]; }";
    const RECORDS: &str = "
        /// Creates it.
        #[tauri::command(async)]
        pub fn create_company(state: State<'_, AppState>, picker: State<'_, Picker>, tenant_id: i64, company: CompanyInput) -> ShellResult<Company> { todo!() }";
    const CLOSING: &str = "#[tauri::command] pub fn set_unsaved<R: Runtime>(window: Window<R>, unsaved: tauri::State<'_, Unsaved>, value: bool) {}";

    #[test]
    fn injected_parameters_are_left_out_and_the_rest_sent_in_camel_case() {
        let model = model(
            &[
                ("lib.rs", LIB),
                ("records.rs", RECORDS),
                ("closing.rs", CLOSING),
            ],
            &["Company", "CompanyInput"],
        )
        .unwrap();
        let create = &model.commands[0];
        assert_eq!(
            create.args,
            [
                ("tenantId".to_string(), TsType::Keyword("number")),
                ("company".into(), TsType::Named("CompanyInput".into()))
            ]
        );
        assert_eq!(create.result, TsType::Named("Company".into()));
        assert_eq!(
            model.commands[1].args,
            [("value".to_string(), TsType::Keyword("boolean"))]
        );
        assert_eq!(model.commands[1].result, TsType::Keyword("void"));
    }

    #[test]
    fn the_map_and_functions_follow_the_order_of_generate_handler() {
        let lib = "fn run() { generate_handler![closing::set_unsaved, records::create_company]; }";
        let text = render(
            &model(
                &[
                    ("lib.rs", lib),
                    ("records.rs", RECORDS),
                    ("closing.rs", CLOSING),
                ],
                &["Company", "CompanyInput"],
            )
            .unwrap(),
        );
        assert!(text.find("  set_unsaved:").unwrap() < text.find("  create_company:").unwrap());
        assert!(
            text.find("function setUnsaved").unwrap()
                < text.find("function createCompany").unwrap()
        );
    }

    #[test]
    fn each_command_gets_a_typed_function_and_an_entry_in_the_map() {
        let text = render(
            &model(
                &[
                    ("lib.rs", LIB),
                    ("records.rs", RECORDS),
                    ("closing.rs", CLOSING),
                ],
                &["Company", "CompanyInput"],
            )
            .unwrap(),
        );
        assert!(text.starts_with("// generated by crates/ipc-gen from src-tauri; do not edit."));
        assert!(text.contains("  create_company: { args: { tenantId: number; company: CompanyInput }; result: Company };\n"));
        assert!(text.contains(
            "/** Creates it. */\nexport function createCompany(args: { tenantId: number; company: CompanyInput }): Promise<Company> {\n  return invokeCommand(\"create_company\", args);\n}\n"
        ));
        assert!(text.contains("import type { Company } from \"../bindings/Company\";\nimport type { CompanyInput } from \"../bindings/CompanyInput\";\n"));
    }

    #[test]
    fn a_command_without_arguments_takes_none() {
        let lib = "fn run() { generate_handler![commands::ui_ready]; }";
        let text = render(
            &model(
                &[
                    ("lib.rs", lib),
                    (
                        "commands.rs",
                        "#[tauri::command] pub fn ui_ready(started: State<'_, StartedAt>) {}",
                    ),
                ],
                &[],
            )
            .unwrap(),
        );
        assert!(text.contains("  ui_ready: { args: Record<string, never>; result: void };"));
        assert!(text.contains("export function uiReady(): Promise<void> {\n  return invokeCommand(\"ui_ready\", {});\n}"));
    }

    #[test]
    fn a_type_without_binding_fails_naming_the_command_and_the_type() {
        let error = model(
            &[
                ("lib.rs", LIB),
                ("records.rs", RECORDS),
                ("closing.rs", CLOSING),
            ],
            &["Company"],
        )
        .unwrap_err();
        assert!(
            error.contains("create_company")
                && error.contains("CompanyInput")
                && error.contains("ui/src/bindings/CompanyInput.ts"),
            "{error}"
        );
    }

    #[test]
    fn a_shell_struct_without_binding_is_written_out_with_its_fields() {
        let lib = "fn run() { generate_handler![backups::backup_reminder]; }";
        let backups = "
            #[derive(Deserialize)] pub struct ReminderTexts { pub due: NoticeText, pub locked: NoticeText }
            #[derive(Deserialize)] pub struct NoticeText { pub summary: String, pub body: Option<String> }
            #[tauri::command(async)]
            pub fn backup_reminder(state: State<'_, AppState>, texts: ReminderTexts) -> ShellResult<Option<BackupLevel>> { todo!() }";
        let model = model(
            &[("lib.rs", lib), ("backups.rs", backups)],
            &["BackupLevel"],
        )
        .unwrap();
        let names: Vec<&str> = model.locals.iter().map(|l| l.name.as_str()).collect();
        assert_eq!(names, ["ReminderTexts", "NoticeText"]);
        let text = render(&model);
        assert!(
            text.contains("export type ReminderTexts = { due: NoticeText; locked: NoticeText };"),
            "{text}"
        );
        assert!(
            text.contains("export type NoticeText = { summary: string; body: string | null };"),
            "{text}"
        );
        assert!(text.contains(
            "  backup_reminder: { args: { texts: ReminderTexts }; result: BackupLevel | null };"
        ));
    }

    #[test]
    fn a_shell_struct_with_serde_attributes_is_refused() {
        let lib = "fn run() { generate_handler![a::f]; }";
        let a = "#[derive(Deserialize)] #[serde(rename_all = \"camelCase\")] pub struct Texts { pub due: String }
                 #[tauri::command] pub fn f(texts: Texts) {}";
        let error = model(&[("lib.rs", lib), ("a.rs", a)], &[]).unwrap_err();
        assert!(
            error.contains("command `f`") && error.contains("Texts") && error.contains("serde"),
            "{error}"
        );
    }

    #[test]
    fn an_unmappable_parameter_fails_naming_the_command_and_parameter() {
        let lib = "fn run() { generate_handler![a::f]; }";
        let error = model(
            &[
                ("lib.rs", lib),
                ("a.rs", "#[tauri::command] pub fn f(page: Page<Company>) {}"),
            ],
            &["Company"],
        )
        .unwrap_err();
        assert!(
            error.contains("command `f`") && error.contains("parameter `page`"),
            "{error}"
        );
    }

    #[test]
    fn a_registration_mismatch_stops_the_generation() {
        let error = model(
            &[("lib.rs", LIB), ("records.rs", RECORDS)],
            &["Company", "CompanyInput"],
        )
        .unwrap_err();
        assert!(error.contains("closing::set_unsaved"), "{error}");
    }

    #[test]
    fn a_channel_parameter_imports_channel_from_the_tauri_api() {
        let lib = "fn run() { generate_handler![a::f]; }";
        let a =
            "#[tauri::command] pub fn f(app: AppHandle, on_progress: tauri::ipc::Channel<u64>) {}";
        let text = render(&model(&[("lib.rs", lib), ("a.rs", a)], &[]).unwrap());
        assert!(text.contains("import type { Channel } from \"@tauri-apps/api/core\";"));
        assert!(text.contains("  f: { args: { onProgress: Channel<number> }; result: void };"));
    }

    #[test]
    fn a_command_named_like_a_reserved_word_gets_a_suffix() {
        assert_eq!(function_name("delete"), "deleteCommand");
        assert_eq!(function_name("delete_backup"), "deleteBackup");
    }
}
