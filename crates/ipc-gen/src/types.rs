//! Rust types of command parameters and results, as the TypeScript the window sees after
//! serde: the same mapping ts-rs applies to the bindings (i64 is `number` there too).

use std::fmt;

use quote::ToTokens;
use syn::{GenericArgument, PathArguments, ReturnType, Type, TypePath};

/// A TypeScript type as the generated file spells it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TsType {
    /// `string`, `number`, `boolean`, `unknown`, `null`, `void`.
    Keyword(&'static str),
    /// A type exported by ts-rs (ui/src/bindings) or a struct of the shell itself.
    Named(String),
    Array(Box<TsType>),
    Nullable(Box<TsType>),
    Record(Box<TsType>, Box<TsType>),
    Tuple(Vec<TsType>),
    /// `tauri::ipc::Channel<T>`: the window passes a `Channel` from @tauri-apps/api/core.
    Channel(Box<TsType>),
}

impl TsType {
    /// Every named type this one mentions, in order of appearance.
    pub fn names(&self, into: &mut Vec<String>) {
        match self {
            TsType::Keyword(_) => {}
            TsType::Named(name) => into.push(name.clone()),
            TsType::Array(inner) | TsType::Nullable(inner) | TsType::Channel(inner) => {
                inner.names(into)
            }
            TsType::Record(key, value) => {
                key.names(into);
                value.names(into);
            }
            TsType::Tuple(items) => items.iter().for_each(|item| item.names(into)),
        }
    }

    pub fn uses_channel(&self) -> bool {
        match self {
            TsType::Channel(_) => true,
            TsType::Keyword(_) | TsType::Named(_) => false,
            TsType::Array(inner) | TsType::Nullable(inner) => inner.uses_channel(),
            TsType::Record(key, value) => key.uses_channel() || value.uses_channel(),
            TsType::Tuple(items) => items.iter().any(TsType::uses_channel),
        }
    }
}

impl fmt::Display for TsType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TsType::Keyword(word) => f.write_str(word),
            TsType::Named(name) => f.write_str(name),
            // `T | null[]` would make only the elements nullable.
            TsType::Array(inner) if matches!(**inner, TsType::Nullable(_)) => {
                write!(f, "({inner})[]")
            }
            TsType::Array(inner) => write!(f, "{inner}[]"),
            // serde writes Option<Option<T>> as a single null too.
            TsType::Nullable(inner)
                if matches!(**inner, TsType::Nullable(_) | TsType::Keyword("null")) =>
            {
                write!(f, "{inner}")
            }
            TsType::Nullable(inner) => write!(f, "{inner} | null"),
            TsType::Record(key, value) => write!(f, "Record<{key}, {value}>"),
            TsType::Tuple(items) => {
                f.write_str("[")?;
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{item}")?;
                }
                f.write_str("]")
            }
            TsType::Channel(inner) => write!(f, "Channel<{inner}>"),
        }
    }
}

/// Parameter types Tauri fills in itself: the window never sends them.
const INJECTED: &[&str] = &[
    "State",
    "AppHandle",
    "Window",
    "WebviewWindow",
    "Webview",
    "Request",
    "CommandScope",
    "GlobalScope",
];

pub fn is_injected(ty: &Type) -> bool {
    match strip(ty) {
        Type::Path(TypePath { qself: None, path }) => path
            .segments
            .last()
            .is_some_and(|last| INJECTED.contains(&last.ident.to_string().as_str())),
        _ => false,
    }
}

/// The type of a command parameter, or of a field of a shell struct.
pub fn map_type(ty: &Type) -> Result<TsType, String> {
    match strip(ty) {
        Type::Slice(slice) => Ok(TsType::Array(Box::new(map_type(&slice.elem)?))),
        Type::Array(array) => Ok(TsType::Array(Box::new(map_type(&array.elem)?))),
        // serde writes () as null; only a command's result reads better as void.
        Type::Tuple(tuple) if tuple.elems.is_empty() => Ok(TsType::Keyword("null")),
        Type::Tuple(tuple) => tuple
            .elems
            .iter()
            .map(map_type)
            .collect::<Result<_, _>>()
            .map(TsType::Tuple),
        Type::Path(TypePath { qself: None, path }) => {
            let last = path
                .segments
                .last()
                .ok_or_else(|| "an empty type path".to_string())?;
            let ident = last.ident.to_string();
            let args = type_args(&last.arguments);
            let one = |what: fn(Box<TsType>) -> TsType| -> Result<TsType, String> {
                match args.as_slice() {
                    [inner] => Ok(what(Box::new(map_type(inner)?))),
                    _ => Err(format!("`{}` should have one type argument", spell(ty))),
                }
            };
            match ident.as_str() {
                "String" | "str" | "char" | "PathBuf" | "Path" => Ok(TsType::Keyword("string")),
                "i8" | "i16" | "i32" | "i64" | "i128" | "isize" | "u8" | "u16" | "u32" | "u64"
                | "u128" | "usize" | "f32" | "f64" => Ok(TsType::Keyword("number")),
                "bool" => Ok(TsType::Keyword("boolean")),
                "Option" => one(TsType::Nullable),
                "Vec" | "VecDeque" | "HashSet" | "BTreeSet" => one(TsType::Array),
                "Box" | "Arc" | "Rc" => match args.as_slice() {
                    [inner] => map_type(inner),
                    _ => Err(format!("`{}` should have one type argument", spell(ty))),
                },
                "Cow" => match args.as_slice() {
                    [inner] => map_type(inner),
                    _ => Err(format!("`{}` should have one type argument", spell(ty))),
                },
                "Channel" => one(TsType::Channel),
                // tauri::ipc::Response: raw bytes, read by the window as an ArrayBuffer.
                "Response" => Ok(TsType::Keyword("ArrayBuffer")),
                "HashMap" | "BTreeMap" => match args.as_slice() {
                    [key, value] => Ok(TsType::Record(
                        Box::new(map_type(key)?),
                        Box::new(map_type(value)?),
                    )),
                    _ => Err(format!(
                        "`{}` should have a key and a value type",
                        spell(ty)
                    )),
                },
                "Value" if is_json_value(path) => Ok(TsType::Keyword("unknown")),
                _ if args.is_empty() => Ok(TsType::Named(ident)),
                _ => Err(format!(
                    "the generic type `{}` has no TypeScript twin",
                    spell(ty)
                )),
            }
        }
        other => Err(format!("`{}` has no TypeScript twin", spell(other))),
    }
}

/// A command's result: what `Ok` carries for a `Result` (the error goes through
/// ErrorPayload), void for `()`.
pub fn map_result(output: &ReturnType) -> Result<TsType, String> {
    let ty = match output {
        ReturnType::Default => return Ok(TsType::Keyword("void")),
        ReturnType::Type(_, ty) => strip(ty),
    };
    let ok = match ty {
        Type::Path(TypePath { qself: None, path }) => match path.segments.last() {
            Some(last) if last.ident.to_string().ends_with("Result") => {
                match type_args(&last.arguments).first() {
                    Some(ok) => strip(ok),
                    None => return Err(format!("`{}` names no success type", spell(ty))),
                }
            }
            _ => ty,
        },
        _ => ty,
    };
    match ok {
        Type::Tuple(tuple) if tuple.elems.is_empty() => Ok(TsType::Keyword("void")),
        _ => map_type(ok),
    }
}

pub fn spell(ty: &Type) -> String {
    ty.to_token_stream()
        .to_string()
        .replace(" < ", "<")
        .replace(" >", ">")
        .replace("< ", "<")
        .replace(" ,", ",")
}

/// References, parentheses and macro groups change nothing on the wire.
fn strip(ty: &Type) -> &Type {
    match ty {
        Type::Reference(reference) => strip(&reference.elem),
        Type::Paren(paren) => strip(&paren.elem),
        Type::Group(group) => strip(&group.elem),
        _ => ty,
    }
}

fn type_args(arguments: &PathArguments) -> Vec<&Type> {
    match arguments {
        PathArguments::AngleBracketed(angle) => angle
            .args
            .iter()
            .filter_map(|arg| match arg {
                GenericArgument::Type(ty) => Some(ty),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// `serde_json::Value`, or `Value` brought in by a `use` (a type of our own by that name
/// would need a binding, and the missing file would say so).
fn is_json_value(path: &syn::Path) -> bool {
    let segments: Vec<String> = path.segments.iter().map(|s| s.ident.to_string()).collect();
    matches!(segments.as_slice(), [one] if one == "Value")
        || segments.first().is_some_and(|first| first == "serde_json")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ts(rust: &str) -> String {
        map_type(&syn::parse_str(rust).unwrap())
            .unwrap()
            .to_string()
    }

    fn result(rust: &str) -> String {
        let item: syn::ItemFn = syn::parse_str(&format!("fn f() {rust} {{}}")).unwrap();
        map_result(&item.sig.output).unwrap().to_string()
    }

    fn injected(rust: &str) -> bool {
        is_injected(&syn::parse_str(rust).unwrap())
    }

    #[test]
    fn strings_and_paths_map_to_string() {
        assert_eq!(ts("String"), "string");
        assert_eq!(ts("&str"), "string");
        assert_eq!(ts("&'a str"), "string");
        assert_eq!(ts("std::path::PathBuf"), "string");
    }

    #[test]
    fn every_integer_and_float_maps_to_number() {
        for rust in [
            "i8", "i16", "i32", "i64", "isize", "u8", "u16", "u32", "u64", "usize", "f32", "f64",
        ] {
            assert_eq!(ts(rust), "number", "{rust}");
        }
    }

    #[test]
    fn bool_maps_to_boolean() {
        assert_eq!(ts("bool"), "boolean");
    }

    #[test]
    fn option_maps_to_the_type_or_null() {
        assert_eq!(ts("Option<i64>"), "number | null");
        assert_eq!(ts("std::option::Option<String>"), "string | null");
    }

    #[test]
    fn vec_and_slices_map_to_arrays() {
        assert_eq!(ts("Vec<i64>"), "number[]");
        assert_eq!(ts("&[i64]"), "number[]");
        assert_eq!(ts("Vec<Vec<String>>"), "string[][]");
    }

    #[test]
    fn option_of_vec_maps_to_array_or_null() {
        assert_eq!(ts("Option<Vec<i64>>"), "number[] | null");
    }

    #[test]
    fn vec_of_option_keeps_the_null_inside_the_array() {
        assert_eq!(ts("Vec<Option<String>>"), "(string | null)[]");
    }

    #[test]
    fn nested_options_collapse_to_one_null_as_serde_writes_them() {
        assert_eq!(ts("Option<Option<bool>>"), "boolean | null");
    }

    #[test]
    fn maps_become_records() {
        assert_eq!(ts("HashMap<String, i64>"), "Record<string, number>");
        assert_eq!(
            ts("std::collections::BTreeMap<String, Vec<Company>>"),
            "Record<string, Company[]>"
        );
    }

    #[test]
    fn serde_json_value_maps_to_unknown() {
        assert_eq!(ts("serde_json::Value"), "unknown");
        assert_eq!(ts("Value"), "unknown");
    }

    #[test]
    fn any_other_type_is_named_for_its_ts_rs_binding() {
        assert_eq!(
            map_type(&syn::parse_str("dpo_desk_core::companies::CompanyInput").unwrap()),
            Ok(TsType::Named("CompanyInput".into()))
        );
        assert_eq!(ts("&MassChange"), "MassChange");
    }

    #[test]
    fn smart_pointers_are_transparent() {
        assert_eq!(ts("Box<Area>"), "Area");
        assert_eq!(ts("Arc<str>"), "string");
    }

    #[test]
    fn tuples_map_to_tuples_and_unit_to_null() {
        assert_eq!(ts("(i64, String)"), "[number, string]");
        assert_eq!(ts("Option<()>"), "null");
    }

    #[test]
    fn a_channel_argument_is_a_channel_of_its_message() {
        assert_eq!(ts("tauri::ipc::Channel<Progress>"), "Channel<Progress>");
    }

    #[test]
    fn a_raw_byte_response_is_read_as_an_array_buffer() {
        assert_eq!(
            result("-> ShellResult<tauri::ipc::Response>"),
            "ArrayBuffer"
        );
    }

    #[test]
    fn a_generic_type_of_our_own_is_refused_with_its_name() {
        let error = map_type(&syn::parse_str("Page<Company>").unwrap()).unwrap_err();
        assert!(error.contains("Page<Company>"), "{error}");
    }

    #[test]
    fn a_function_pointer_is_refused() {
        assert!(map_type(&syn::parse_str("fn(i64) -> i64").unwrap()).is_err());
    }

    #[test]
    fn shell_and_plain_results_map_to_what_ok_carries() {
        assert_eq!(result("-> ShellResult<Vec<UserSummary>>"), "UserSummary[]");
        assert_eq!(
            result("-> Result<Option<String>, ShellError>"),
            "string | null"
        );
        assert_eq!(result("-> Tenant"), "Tenant");
    }

    #[test]
    fn unit_and_missing_results_map_to_void() {
        assert_eq!(result(""), "void");
        assert_eq!(result("-> ()"), "void");
        assert_eq!(result("-> ShellResult<()>"), "void");
    }

    #[test]
    fn state_handles_and_windows_are_filled_in_by_tauri() {
        assert!(injected("State<'_, AppState>"));
        assert!(injected("tauri::State<'_, Unsaved>"));
        assert!(injected("AppHandle<R>"));
        assert!(injected("Window<R>"));
        assert!(injected("tauri::WebviewWindow"));
        assert!(injected("tauri::ipc::Request<'_>"));
        assert!(!injected("tauri::ipc::Channel<Progress>"));
        assert!(!injected("i64"));
        assert!(!injected("CompanyInput"));
    }
}
