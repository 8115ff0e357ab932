mod args;
mod backups;
mod commands;
mod context;
mod courses;
mod dpias;
mod error;
mod records;
mod registers;
mod reports;
mod toms;

use std::process::ExitCode;

use clap::Parser;

use args::{Cli, Command};
use dpo_desk_core::domain::website_texts::WebsiteTextKind;

fn main() -> ExitCode {
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
        Command::Copy {
            object,
            ids,
            targets,
            parent,
        } => commands::copy_records(&cli, object, ids, targets, *parent),
    };
    match result {
        Ok(out) => {
            if cli.json {
                println!("{}", serde_json::to_string_pretty(&out.json).expect("json"));
            } else {
                print!("{}", out.text);
            }
            ExitCode::SUCCESS
        }
        Err(err) => {
            if cli.json {
                println!(
                    "{}",
                    serde_json::to_string_pretty(&serde_json::json!({ "error": err.payload() }))
                        .expect("json")
                );
            }
            eprintln!("error [{}]: {}", err.code(), err);
            ExitCode::FAILURE
        }
    }
}
