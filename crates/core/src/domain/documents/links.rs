//! Links between documents and the records they prove. Documents come last in the domain
//! order, so they ask each record's own domain whether the user may see it: a link to a
//! record out of the user's reach is neither shown nor changed.

use chrono::{DateTime, Utc};
use rusqlite::types::Value;
use rusqlite::{params, params_from_iter, Connection};
use serde_json::json;

use crate::access::accounts::UserRecord;
use crate::domain::{activities, breaches, companies, dpias, processor_agreements, requests, toms};
use crate::kernel::clock::local_day;
use crate::kernel::error::{CoreError, CoreResult};
use crate::kernel::vocabulary::ObjectType;
use crate::store::audit::{self, Change};

use super::{visible, visible_by_id, DocumentLink, DocumentRow, ROW};

/// The kinds of record a document can be linked to.
pub const LINKABLE: &[ObjectType] = &[
    ObjectType::Company,
    ObjectType::ProcessingActivity,
    ObjectType::Tom,
    ObjectType::Dpia,
    ObjectType::Request,
    ObjectType::Breach,
    ObjectType::ProcessorAgreement,
];

/// The record's tenant and name, when the user may see it.
fn target(
    conn: &Connection,
    user: &UserRecord,
    now: DateTime<Utc>,
    object: ObjectType,
    id: i64,
) -> CoreResult<(i64, String)> {
    let today = local_day(now);
    Ok(match object {
        ObjectType::Company => {
            let c = companies::accessible(conn, user, id)?;
            (c.tenant_id, c.data.name)
        }
        ObjectType::ProcessingActivity => {
            let a = activities::visible_by_id(conn, user, id)?;
            (a.tenant_id, a.data.name)
        }
        ObjectType::Tom => {
            let t = toms::visible_by_id(conn, user, id)?;
            (t.data.tenant_id, t.data.title)
        }
        ObjectType::Dpia => {
            let d = dpias::visible_by_id(conn, user, id)?;
            (d.tenant_id, d.activity_name)
        }
        ObjectType::Request => {
            let r = requests::visible_by_id(conn, user, id, today)?;
            (r.data.tenant_id, r.data.requester)
        }
        ObjectType::Breach => {
            let b = breaches::visible_by_id(conn, user, id, now)?;
            (b.data.tenant_id, b.data.title)
        }
        ObjectType::ProcessorAgreement => {
            let g = processor_agreements::visible_by_id(conn, user, id, today)?;
            (
                g.data.tenant_id,
                format!("{} – {}", g.processor_name, g.data.subject),
            )
        }
        other => {
            return Err(CoreError::validation(
                "link",
                "unsupported",
                format!("a document cannot be linked to a {}", other.as_str()),
            ))
        }
    })
}

fn stored(conn: &Connection, document_id: i64) -> CoreResult<Vec<(ObjectType, i64)>> {
    let rows = conn
        .prepare_cached("SELECT object_type, object_id FROM document_links WHERE document_id = ?1 ORDER BY object_type, object_id")?
        .query_map([document_id], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows
        .into_iter()
        .filter_map(|(o, id)| ObjectType::parse(&o).map(|o| (o, id)))
        .collect())
}

/// The document's links to live records the user may see, named.
pub(crate) fn of_document(
    conn: &Connection,
    user: &UserRecord,
    now: DateTime<Utc>,
    document_id: i64,
) -> CoreResult<Vec<DocumentLink>> {
    Ok(stored(conn, document_id)?
        .into_iter()
        .filter_map(|(object, id)| {
            target(conn, user, now, object, id)
                .ok()
                .map(|(_, label)| DocumentLink { object, id, label })
        })
        .collect())
}

/// Replaces the links the user can see by `links`; each must be a record of the tenant the
/// user may see.
pub(crate) fn replace(
    conn: &Connection,
    user: &UserRecord,
    now: DateTime<Utc>,
    document_id: i64,
    tenant_id: i64,
    links: &[DocumentLink],
) -> CoreResult<()> {
    for link in links {
        let (tenant, _) = target(conn, user, now, link.object, link.id)?;
        if tenant != tenant_id {
            return Err(CoreError::validation(
                "link",
                "other_tenant",
                "a document is linked to records of its own tenant",
            ));
        }
    }
    for link in of_document(conn, user, now, document_id)? {
        if !links
            .iter()
            .any(|l| l.object == link.object && l.id == link.id)
        {
            conn.execute(
                "DELETE FROM document_links WHERE document_id = ?1 AND object_type = ?2 AND object_id = ?3",
                params![document_id, link.object.as_str(), link.id],
            )?;
        }
    }
    for link in links {
        conn.execute(
            "INSERT OR IGNORE INTO document_links (document_id, object_type, object_id) VALUES (?1, ?2, ?3)",
            params![document_id, link.object.as_str(), link.id],
        )?;
    }
    Ok(())
}

/// Links (or unlinks) one document and one record, from the record's side.
pub(crate) fn link(
    conn: &Connection,
    now: DateTime<Utc>,
    user: &UserRecord,
    document_id: i64,
    object: ObjectType,
    id: i64,
    linked: bool,
) -> CoreResult<Vec<DocumentRow>> {
    let document = visible_by_id(conn, user, now, document_id)?;
    let (tenant, _) = target(conn, user, now, object, id)?;
    if tenant != document.row.tenant_id {
        return Err(CoreError::validation(
            "link",
            "other_tenant",
            "a document is linked to records of its own tenant",
        ));
    }
    let changed = if linked {
        conn.execute(
            "INSERT OR IGNORE INTO document_links (document_id, object_type, object_id) VALUES (?1, ?2, ?3)",
            params![document_id, object.as_str(), id],
        )?
    } else {
        conn.execute(
            "DELETE FROM document_links WHERE document_id = ?1 AND object_type = ?2 AND object_id = ?3",
            params![document_id, object.as_str(), id],
        )?
    };
    if changed > 0 {
        audit::record(
            conn,
            now,
            Some(&user.actor()),
            Change {
                action: if linked { "link" } else { "unlink" },
                object_type: ObjectType::Document.as_str(),
                object_id: Some(document_id.to_string()),
                old: None,
                new: Some(json!({ "object": object.as_str(), "id": id })),
            },
        )?;
    }
    documents_of(conn, user, now, object, id)
}

/// The live documents the user may see that are linked to a record they may see.
pub(crate) fn documents_of(
    conn: &Connection,
    user: &UserRecord,
    now: DateTime<Utc>,
    object: ObjectType,
    id: i64,
) -> CoreResult<Vec<DocumentRow>> {
    target(conn, user, now, object, id)?;
    let filter = visible(conn, user)?;
    let mut params: Vec<Value> = vec![Value::Text(object.as_str().into()), id.into()];
    params.extend(filter.params);
    let rows = conn
        .prepare(&format!(
            "{ROW} JOIN document_links l ON l.document_id = d.id AND l.object_type = ? AND l.object_id = ?
             WHERE d.trash_id IS NULL AND {} ORDER BY d.name COLLATE NOCASE",
            filter.sql
        ))?
        .query_map(params_from_iter(params), super::row)?
        .collect::<Result<_, _>>()?;
    Ok(rows)
}
