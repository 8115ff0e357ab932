//! Documents of a tenant: the folder tree, files and their versions, links to records and
//! the storage quota. One gate per operation; every read and write inside the user's reach.

use std::io::Write;
use std::path::Path;

use crate::access::operations::Operation;
use crate::access::session::Session;
use crate::desk::{export_name, list_name, Desk};
use crate::domain::documents::{
    self, AddedFile, Document, DocumentInput, DocumentListing, DocumentRow, DocumentVersion,
    Folder, StorageUse,
};
use crate::kernel::error::CoreResult;
use crate::kernel::text::Language;
use crate::kernel::vocabulary::ObjectType;
use crate::services::exports::{ExportFile, ExportFormat};

impl Desk {
    /// A folder's subfolders and documents (`folder` None: the root), or with `text` the
    /// documents of every folder whose name, description or tags hold it.
    pub fn documents(
        &self,
        session: &mut Session,
        tenant_id: i64,
        folder: Option<i64>,
        text: Option<&str>,
    ) -> CoreResult<DocumentListing> {
        let (user, _) = self.gate(session, Operation::ListDocuments)?;
        documents::listing(self.store.conn(), &user, tenant_id, folder, text)
    }

    /// The folder at a path like "/Verträge/2026" ("/" is the root).
    pub fn document_folder_at(
        &self,
        session: &mut Session,
        tenant_id: i64,
        path: &str,
    ) -> CoreResult<Option<i64>> {
        let (user, _) = self.gate(session, Operation::ListDocuments)?;
        documents::folder_by_path(self.store.conn(), &user, tenant_id, path)
    }

    pub fn document(&self, session: &mut Session, id: i64) -> CoreResult<Document> {
        let (user, now) = self.gate(session, Operation::ShowDocument)?;
        documents::visible_by_id(self.store.conn(), &user, now, id)
    }

    /// Adds one file, read from `path`, in one transaction: a new document, or a new version
    /// of the document of the same name in that folder.
    pub fn add_document_file(
        &mut self,
        session: &mut Session,
        tenant_id: i64,
        folder: Option<i64>,
        path: &Path,
    ) -> CoreResult<AddedFile> {
        self.write(session, Operation::AddDocument, |conn, user, now| {
            documents::add_file(conn, now, user, tenant_id, folder, path)
        })
    }

    /// Stores a file as the next version of a document, whatever the file's name.
    pub fn add_document_version(
        &mut self,
        session: &mut Session,
        id: i64,
        path: &Path,
    ) -> CoreResult<AddedFile> {
        self.write(session, Operation::AddDocumentVersion, |conn, user, now| {
            documents::add_version(conn, now, user, id, path)
        })
    }

    /// Streams a version (the current one when `None`) into `out`, for the window's preview
    /// and for opening it with the system's program.
    pub fn read_document(
        &self,
        session: &mut Session,
        id: i64,
        version: Option<i64>,
        out: &mut dyn Write,
    ) -> CoreResult<DocumentVersion> {
        let (user, now) = self.gate(session, Operation::OpenDocument)?;
        documents::content_to(self.store.conn(), &user, now, id, version, out)
    }

    /// Saves a copy of a version where the person chose (written under a temporary name,
    /// then renamed).
    pub fn save_document_copy(
        &self,
        session: &mut Session,
        id: i64,
        version: Option<i64>,
        to: &Path,
    ) -> CoreResult<DocumentVersion> {
        let (user, now) = self.gate(session, Operation::SaveDocumentCopy)?;
        let mut saved = None;
        crate::services::exports::write_atomically_with(to, |file| {
            saved = Some(documents::content_to(
                self.store.conn(),
                &user,
                now,
                id,
                version,
                file,
            )?);
            Ok(())
        })?;
        Ok(saved.expect("written"))
    }

    pub fn update_document(
        &mut self,
        session: &mut Session,
        id: i64,
        input: &DocumentInput,
    ) -> CoreResult<Document> {
        self.write(session, Operation::UpdateDocument, |conn, user, now| {
            documents::update(conn, now, user, id, input)
        })
    }

    /// Makes an earlier version current again, as a new version.
    pub fn restore_document_version(
        &mut self,
        session: &mut Session,
        id: i64,
        version: i64,
    ) -> CoreResult<DocumentVersion> {
        self.write(
            session,
            Operation::RestoreDocumentVersion,
            |conn, user, now| documents::restore_version(conn, now, user, id, version),
        )
    }

    pub fn delete_documents(&mut self, session: &mut Session, ids: &[i64]) -> CoreResult<Vec<i64>> {
        self.write(session, Operation::DeleteDocuments, |conn, user, now| {
            documents::delete(conn, now, user, ids)
        })
    }

    /// Links (`linked`) or unlinks a document and a record; answers the record's documents.
    pub fn link_document(
        &mut self,
        session: &mut Session,
        document_id: i64,
        object: ObjectType,
        record_id: i64,
        linked: bool,
    ) -> CoreResult<Vec<DocumentRow>> {
        self.write(session, Operation::LinkDocument, |conn, user, now| {
            documents::link(conn, now, user, document_id, object, record_id, linked)
        })
    }

    /// The documents linked to a record, seen from the record.
    pub fn documents_of(
        &self,
        session: &mut Session,
        object: ObjectType,
        record_id: i64,
    ) -> CoreResult<Vec<DocumentRow>> {
        let (user, now) = self.gate(session, Operation::ListDocuments)?;
        documents::documents_of(self.store.conn(), &user, now, object, record_id)
    }

    pub fn create_document_folder(
        &mut self,
        session: &mut Session,
        tenant_id: i64,
        parent: Option<i64>,
        name: &str,
    ) -> CoreResult<Folder> {
        self.write(session, Operation::CreateFolder, |conn, user, now| {
            documents::create_folder(conn, now, user, tenant_id, parent, name)
        })
    }

    pub fn rename_document_folder(
        &mut self,
        session: &mut Session,
        id: i64,
        name: &str,
    ) -> CoreResult<Folder> {
        self.write(session, Operation::RenameFolder, |conn, user, now| {
            documents::rename_folder(conn, now, user, id, name)
        })
    }

    /// Moves a folder under another (`parent` None: to the root).
    pub fn move_document_folder(
        &mut self,
        session: &mut Session,
        id: i64,
        parent: Option<i64>,
    ) -> CoreResult<Folder> {
        self.write(session, Operation::MoveFolder, |conn, user, now| {
            documents::move_folder(conn, now, user, id, parent)
        })
    }

    /// The folder with everything in it goes to the trash as one entry.
    pub fn delete_document_folder(&mut self, session: &mut Session, id: i64) -> CoreResult<i64> {
        self.write(session, Operation::DeleteFolder, |conn, user, now| {
            documents::delete_folder(conn, now, user, id)
        })
    }

    /// The tenant's documents the user may see as a list (folder, name, version, size, last
    /// change), CSV, XLSX or JSON; the files stay in the database.
    pub fn export_documents(
        &self,
        session: &mut Session,
        tenant_id: i64,
        format: ExportFormat,
    ) -> CoreResult<ExportFile> {
        let (user, now) = self.gate(session, Operation::ExportDocuments)?;
        let conn = self.store.conn();
        let tenant = crate::domain::tenants::accessible(conn, &user, tenant_id)?;
        let list = documents::full_list(conn, &user, tenant_id)?;
        let language = Language::of(user.language.as_deref());
        let what = list_name(language, &documents::descriptor::DESCRIPTOR);
        Ok(ExportFile {
            suggested_name: export_name(&tenant.name, &what, now, format),
            bytes: documents::export::file(
                &list,
                format,
                crate::store::settings::table_style(conn, language)?,
            )?,
        })
    }

    /// Sets or removes a tenant's storage quota for documents (administrators).
    pub fn set_document_quota(
        &mut self,
        session: &mut Session,
        tenant_id: i64,
        quota: Option<i64>,
    ) -> CoreResult<StorageUse> {
        self.write(session, Operation::SetDocumentQuota, |conn, user, now| {
            documents::set_quota(conn, now, user, tenant_id, quota)
        })
    }
}
