//! The desktop shell: opens the installation named by `DPO_DESK_DATA_DIR` (or the OS's
//! app-data folder), then serves the window's commands.

mod admin;
mod automatic;
mod backups;
mod closing;
mod commands;
mod copies;
mod courses;
mod documents;
mod dpias;
mod error;
mod files;
mod history;
mod logging;
mod notifications;
mod records;
mod registers;
mod rendering;
mod reports;
mod start_trace;
mod state;
mod toms;
mod website_texts;

use std::sync::Arc;
use std::time::Instant;

use dpo_desk_core::desk::installation;
use dpo_desk_core::store::keystore::OsKeyring;
use dpo_desk_core::SystemClock;

pub use error::{ShellError, ShellResult};
pub use state::AppState;

pub struct StartedAt(pub Instant);

/// Keeps the log file writer alive for as long as the app runs.
struct LogGuard(#[allow(dead_code)] Option<tracing_appender::non_blocking::WorkerGuard>);

pub fn run() {
    let started = start_trace::began();
    rendering::draw_without_compositing();
    let data_dir = match installation::default_data_dir() {
        Ok(dir) => dir,
        Err(e) => fatal(&e.to_string()),
    };
    let log_guard = logging::init(&data_dir);
    dpo_desk_core::kernel::crash::install("DPO Desk", |text| tracing::error!("{text}"));
    start_trace::mark("log open");
    // The keyring (over D-Bus) and the database open beside WebKit's start, not before it:
    // the first command from the page waits for them if it comes first.
    let state = AppState::start_in_background(data_dir, Arc::new(OsKeyring), start_clock());
    tauri::Builder::default()
        .manage(state)
        .setup(|app| {
            use tauri::Manager;
            app.manage(files::Picker(Box::new(files::NativeFilePicker {
                app: app.handle().clone(),
            })));
            app.manage(notifications::Notifications(Box::new(
                notifications::NativeNotifier,
            )));
            automatic::start(app.handle().clone());
            // Copies left by a run that ended without cleaning up (a crash, a power cut).
            documents::clear_opened(&app.state::<AppState>().data_dir);
            start_trace::mark("window set up");
            Ok(())
        })
        .manage(StartedAt(started))
        .manage(LogGuard(log_guard))
        .manage(closing::Unsaved::default())
        .manage(reports::ReportCancel::default())
        .on_window_event(closing::on_window_event)
        .invoke_handler(tauri::generate_handler![
            commands::startup_state,
            commands::create_installation,
            commands::unlock_with_recovery_key,
            commands::restore_installation,
            commands::sign_in,
            commands::accept_invitation,
            commands::sign_out,
            commands::touch_session,
            commands::session_info,
            commands::refresh_session,
            commands::change_password,
            commands::set_language,
            commands::dashboard,
            commands::settings,
            commands::update_settings,
            commands::audit_log,
            commands::audit_lines,
            commands::audit_choices,
            commands::export_audit_log,
            commands::ui_ready,
            closing::set_unsaved,
            closing::close_window,
            copies::copy_tenant,
            copies::create_tenant_from_template,
            copies::copy_to_tenants,
            dpias::dpia_check_form,
            dpias::check_dpia,
            dpias::dpias,
            dpias::dpia,
            dpias::start_dpia,
            dpias::update_dpia,
            dpias::validate_dpia,
            dpias::new_dpia_version,
            dpias::delete_dpias,
            dpias::export_dpias,
            dpias::import_cnil,
            dpias::export_cnil,
            dpias::save_must_entry,
            dpias::remove_must_entry,
            dpias::risk_matrix,
            dpias::update_risk_matrix,
            dpias::dpia_overview,
            toms::toms,
            toms::tom,
            toms::create_tom,
            toms::update_tom,
            documents::documents,
            documents::document,
            documents::add_documents,
            documents::add_dropped_documents,
            documents::add_document_version,
            documents::update_document,
            documents::restore_document_version,
            documents::delete_documents,
            documents::link_document,
            documents::documents_of,
            documents::create_document_folder,
            documents::rename_document_folder,
            documents::move_document_folder,
            documents::delete_document_folder,
            documents::set_document_quota,
            documents::document_preview,
            documents::save_document_copy,
            documents::open_document,
            history::record_history,
            history::restore_version,
            toms::review_tom,
            toms::link_tom_activities,
            toms::delete_toms,
            toms::copy_toms,
            toms::copy_toms_to_tenant,
            toms::mass_change_toms,
            toms::export_toms,
            toms::due_tom_reviews,
            registers::requests,
            registers::request,
            registers::create_request,
            registers::update_request,
            registers::mass_change_requests,
            registers::delete_requests,
            registers::export_requests,
            registers::breaches,
            registers::breach,
            registers::create_breach,
            registers::update_breach,
            registers::mass_change_breaches,
            registers::delete_breaches,
            registers::export_breaches,
            registers::processor_agreements,
            registers::processor_agreement,
            registers::create_processor_agreement,
            registers::update_processor_agreement,
            registers::delete_processor_agreements,
            registers::export_processor_agreements,
            registers::record_attachments,
            registers::add_record_attachment,
            registers::save_record_attachment,
            registers::remove_record_attachment,
            registers::deadlines,
            registers::next_deadlines,
            registers::deadline_alerts,
            commands::open_link,
            courses::courses,
            courses::course,
            courses::create_course,
            courses::add_shipped_course,
            courses::update_course,
            courses::delete_courses,
            courses::add_course_image,
            courses::course_image,
            courses::export_courses,
            courses::course_learners,
            courses::assign_course,
            courses::unassign_course,
            courses::invite_learner,
            courses::course_statistics,
            courses::course_results_of_tenant,
            courses::export_course_results,
            courses::verify_certificate,
            courses::my_courses,
            courses::open_course,
            courses::start_course,
            courses::set_course_step,
            courses::answer_question,
            courses::finish_attempt,
            records::set_current_tenant,
            records::tenant_overview,
            records::companies,
            records::create_company,
            records::update_company,
            records::areas,
            records::create_area,
            records::activities,
            records::activity_window,
            records::activity_ids,
            records::activity,
            records::editors,
            records::create_activity,
            records::update_activity,
            records::delete_activities,
            records::attachments,
            records::add_attachment,
            records::save_attachment,
            records::remove_attachment,
            records::copy_activities,
            records::mass_change_activities,
            records::export_activities,
            records::master_items,
            records::create_master_item,
            records::update_master_item,
            records::delete_master_items,
            records::copy_master_items,
            records::mass_change_master_items,
            records::master_item_usages,
            records::export_master_items,
            records::search,
            records::trash,
            records::restore_from_trash,
            records::delete_companies,
            records::copy_companies,
            records::mass_change_companies,
            records::export_companies,
            records::delete_areas,
            records::update_area,
            records::copy_areas,
            records::mass_change_areas,
            records::export_areas,
            admin::users,
            admin::create_user,
            admin::update_user_access,
            admin::deactivate_user,
            admin::roles,
            admin::role_catalogue,
            admin::create_role,
            admin::update_role,
            admin::create_tenant,
            admin::update_tenant,
            admin::set_tenant_archived,
            admin::delete_tenant,
            admin::export_tenant,
            admin::import_tenant,
            admin::tenant_summaries,
            backups::backups,
            backups::create_backup,
            backups::download_backup,
            backups::delete_backup,
            backups::verify_backup,
            backups::restore_backup,
            backups::backup_csv,
            backups::browse_backup,
            backups::backup_reminder,
            backups::automatic_backup,
            backups::choose_automatic_backup_folder,
            backups::stop_automatic_backup,
            admin::mass_change_tenants,
            admin::export_tenant_list,
            reports::make_report,
            reports::make_report_from_backup,
            reports::cancel_report,
            reports::save_recovery_sheet,
            website_texts::imprint,
            website_texts::generate_imprint,
            website_texts::save_imprint,
            website_texts::privacy_policy,
            website_texts::generate_privacy_policy,
            website_texts::save_privacy_policy,
            website_texts::render_website_text,
        ])
        .build(tauri::generate_context!("tauri.conf.json"))
        .unwrap_or_else(|e| fatal(&format!("the window could not be started: {e}")))
        .run(|app, event| {
            // Documents opened with other programs were copies: they go when the app ends.
            if let tauri::RunEvent::Exit = event {
                use tauri::Manager;
                documents::clear_opened(&app.state::<AppState>().data_dir);
            }
        });
}

/// The system clock, or with `DPO_DESK_NOW=RFC3339` one that starts at that instant and
/// runs on (the window's twin of the CLI's `--now`: to show or test the backup reminder
/// on any day). Like `--now`, the instant is remembered as the latest time seen.
fn start_clock() -> Arc<dyn dpo_desk_core::Clock> {
    match std::env::var("DPO_DESK_NOW") {
        Ok(text) => match chrono::DateTime::parse_from_rfc3339(&text) {
            Ok(at) => Arc::new(dpo_desk_core::OffsetClock::starting_at(
                at.with_timezone(&chrono::Utc),
            )),
            Err(e) => fatal(&format!("DPO_DESK_NOW is not an RFC 3339 instant ({e})")),
        },
        Err(_) => Arc::new(SystemClock),
    }
}

/// Without a data folder or a window there is nowhere else to say it.
fn fatal(message: &str) -> ! {
    // The data folder may be what failed, so the log goes to stderr at least.
    let _ = tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .try_init();
    tracing::error!("DPO Desk cannot start: {message}");
    std::process::exit(1);
}
