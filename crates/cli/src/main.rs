mod args;
mod backups;
mod commands;
mod context;
mod courses;
mod documents;
mod dpias;
mod error;
mod history;
mod records;
mod registers;
mod reports;
mod toms;

use std::process::ExitCode;

use clap::Parser;

use args::{Cli, Command};
use dpo_desk_core::domain::website_texts::WebsiteTextKind;

fn main() -> ExitCode {
    dpo_desk_core::kernel::crash::install("dpo-desk-cli", |_| {});
    let cli = Cli::parse_from(args::rewrite_subcommand_options(
        std::env::args_os().collect(),
    ));
    let result = match &cli.command {
        Command::Init { office, owner } => commands::init(&cli, office, owner),
        Command::Status => commands::status(&cli),
        Command::Settings { action } => commands::settings(&cli, action),
        Command::Role { action } => commands::role(&cli, action),
        Command::User { action } => commands::user(&cli, action),
        Command::Tenant { action } => commands::tenant(&cli, action),
        Command::Demo {
            tenants,
            activities,
            seed,
        } => commands::demo(&cli, *tenants, *activities, *seed),
        Command::Backup { action } => backups::backup(&cli, action),
        Command::Company { action } => records::company(&cli, action),
        Command::Area { action } => records::area(&cli, action),
        Command::Activity { action } => records::activity(&cli, action),
        Command::Document { action } => documents::document(&cli, action),
        Command::Tom { action } => toms::tom(&cli, action),
        Command::Request { action } => registers::request(&cli, action),
        Command::Breach { action } => registers::breach(&cli, action),
        Command::Agreement { action } => registers::agreement(&cli, action),
        Command::Course { action } => courses::course(&cli, action),
        Command::Deadlines { tenant } => registers::deadlines(&cli, *tenant),
        Command::Dpia { action } => dpias::dpia(&cli, action),
        Command::Report { action } => reports::report(&cli, action),
        Command::Imprint { company, html } => {
            reports::website_text(&cli, *company, WebsiteTextKind::Imprint, *html)
        }
        Command::PrivacyPolicy { company, html } => {
            reports::website_text(&cli, *company, WebsiteTextKind::PrivacyPolicy, *html)
        }
        Command::Export {
            kind,
            tenant,
            format,
            to,
        } => reports::export(&cli, kind, *tenant, format, to),
        Command::History { action, object, id } => history::history(&cli, action, object, *id),
        Command::Copy {
            object,
            ids,
            targets,
            parent,
        } => commands::copy_records(&cli, object, ids, targets, *parent),
    };
    match result {
        Ok(out) => {
            let text = if cli.json {
                format!(
                    "{}\n",
                    serde_json::to_string_pretty(&out.json).expect("json")
                )
            } else {
                out.text
            };
            print_to_stdout(&text)
        }
        Err(err) => {
            if cli.json {
                let payload = serde_json::json!({ "error": err.payload() });
                let _ = print_to_stdout(&format!(
                    "{}\n",
                    serde_json::to_string_pretty(&payload).expect("json")
                ));
            }
            eprintln!("error [{}]: {}", err.code(), err);
            ExitCode::FAILURE
        }
    }
}

/// Writes the answer; a reader that stopped early (`| head`) is no failure of ours, and
/// `println!` would panic on the closed pipe.
fn print_to_stdout(text: &str) -> ExitCode {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error [output]: the answer could not be written: {e}");
            ExitCode::FAILURE
        }
    }
}
