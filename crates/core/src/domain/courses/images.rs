//! Pictures of a course — logo, the pictures shown on passing and failing, page pictures —
//! kept in the encrypted database. Only PNG, JPEG, GIF and WebP are taken, recognised by
//! their first bytes (never by the file name), up to a size that keeps a course small.

use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;
use ts_rs::TS;

use crate::kernel::error::{CoreError, CoreResult};

/// The largest picture a course takes.
pub const MAX_IMAGE_BYTES: usize = 2 * 1024 * 1024;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct CourseImage {
    pub id: i64,
    pub mime: String,
    #[serde(skip)]
    #[ts(skip)]
    pub bytes: Vec<u8>,
}

impl CourseImage {
    /// The picture as a `data:` URL the window shows without another request.
    pub fn data_url(&self) -> String {
        format!(
            "data:{};base64,{}",
            self.mime,
            data_encoding::BASE64.encode(&self.bytes)
        )
    }
}

/// The picture's type from its signature, or None for anything that is not a picture.
pub fn sniff(bytes: &[u8]) -> Option<&'static str> {
    match bytes {
        [0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, ..] => Some("image/png"),
        [0xFF, 0xD8, 0xFF, ..] => Some("image/jpeg"),
        [b'G', b'I', b'F', b'8', b'7' | b'9', b'a', ..] => Some("image/gif"),
        [b'R', b'I', b'F', b'F', _, _, _, _, b'W', b'E', b'B', b'P', ..] => Some("image/webp"),
        _ => None,
    }
}

/// Refuses a picture over the limit by its size alone (the window asks before reading it).
pub fn check_size(size: u64) -> CoreResult<()> {
    if size > MAX_IMAGE_BYTES as u64 {
        return Err(CoreError::validation(
            "image",
            "too_large",
            format!(
                "the picture has {:.1} MB; a course takes pictures up to {} MB",
                size as f64 / 1_048_576.0,
                MAX_IMAGE_BYTES / 1_048_576
            ),
        ));
    }
    Ok(())
}

/// Checks a picture before anything is written.
pub fn checked(bytes: &[u8]) -> CoreResult<&'static str> {
    check_size(bytes.len() as u64)?;
    sniff(bytes).ok_or_else(|| {
        CoreError::validation(
            "image",
            "format",
            "this file is not a picture DPO Desk shows (PNG, JPEG, GIF or WebP)",
        )
    })
}

pub(crate) fn insert(
    conn: &Connection,
    course_id: i64,
    mime: &str,
    bytes: &[u8],
) -> CoreResult<i64> {
    conn.execute(
        "INSERT INTO course_images (course_id, mime, bytes) VALUES (?1, ?2, ?3)",
        params![course_id, mime, bytes],
    )?;
    Ok(conn.last_insert_rowid())
}

pub(crate) fn ids_of(conn: &Connection, course_id: i64) -> CoreResult<Vec<i64>> {
    let ids = conn
        .prepare_cached("SELECT id FROM course_images WHERE course_id = ?1 ORDER BY id")?
        .query_map([course_id], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    Ok(ids)
}

pub(crate) fn all_of(conn: &Connection, course_id: i64) -> CoreResult<Vec<CourseImage>> {
    let images = conn
        .prepare("SELECT id, mime, bytes FROM course_images WHERE course_id = ?1 ORDER BY id")?
        .query_map([course_id], |r| {
            Ok(CourseImage {
                id: r.get(0)?,
                mime: r.get(1)?,
                bytes: r.get(2)?,
            })
        })?
        .collect::<Result<_, _>>()?;
    Ok(images)
}

/// A picture and the course it belongs to.
pub(crate) fn by_id(conn: &Connection, id: i64) -> CoreResult<(i64, CourseImage)> {
    conn.query_row(
        "SELECT course_id, id, mime, bytes FROM course_images WHERE id = ?1",
        [id],
        |r| {
            Ok((
                r.get(0)?,
                CourseImage {
                    id: r.get(1)?,
                    mime: r.get(2)?,
                    bytes: r.get(3)?,
                },
            ))
        },
    )
    .optional()?
    .ok_or_else(|| CoreError::validation("image", "unknown", format!("no picture with id {id}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pictures_are_recognised_by_their_signature_not_their_name() {
        assert_eq!(sniff(b"\x89PNG\r\n\x1a\n...."), Some("image/png"));
        assert_eq!(sniff(&[0xFF, 0xD8, 0xFF, 0xE0]), Some("image/jpeg"));
        assert_eq!(sniff(b"GIF89a.."), Some("image/gif"));
        assert_eq!(sniff(b"RIFF\0\0\0\0WEBPVP8 "), Some("image/webp"));
        assert_eq!(sniff(b"<svg onload=alert(1)>"), None);
        assert_eq!(sniff(b"%PDF-1.7"), None);
        assert_eq!(sniff(b""), None);
    }

    #[test]
    fn a_picture_over_the_limit_is_refused_with_its_size() {
        let mut big = b"\x89PNG\r\n\x1a\n".to_vec();
        big.resize(MAX_IMAGE_BYTES + 1, 0);
        let err = checked(&big).unwrap_err().to_string();
        assert!(err.contains("2 MB"), "{err}");
        assert!(checked(b"hello").is_err());
    }
}
