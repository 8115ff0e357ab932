//! The risk classes of the 4×4 matrix (SPEC §6): likelihood × severity → low / risk / high.
//! The cells are data: a shipped default (`catalogue/dpia/risk_matrix.json`, not the DSK
//! figure, which could not be verified) that each office may change; the office's matrix is
//! kept in the settings.

use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::kernel::error::{CoreError, CoreResult};
use crate::kernel::vocabulary::snake_names;
use crate::store::settings;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
#[derive(strum::IntoStaticStr, strum::EnumString, strum::VariantArray)]
#[strum(serialize_all = "snake_case")]
pub enum RiskLevel {
    Low,
    Risk,
    High,
}

snake_names!(RiskLevel);

/// `cells[likelihood - 1][severity - 1]`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RiskMatrix {
    pub cells: Vec<Vec<RiskLevel>>,
}

#[derive(Deserialize)]
struct Shipped {
    cells: Vec<Vec<RiskLevel>>,
}

const SETTING: &str = "dpia.risk_matrix";

impl RiskMatrix {
    pub fn shipped() -> RiskMatrix {
        let shipped: Shipped =
            serde_json::from_str(include_str!("../../../catalogue/dpia/risk_matrix.json"))
                .expect("the shipped risk matrix parses");
        RiskMatrix {
            cells: shipped.cells,
        }
    }

    /// The class of a rating; `None` until both values are given.
    pub fn level(&self, likelihood: Option<i64>, severity: Option<i64>) -> Option<RiskLevel> {
        let (l, s) = (likelihood?, severity?);
        self.cells
            .get(usize::try_from(l - 1).ok()?)?
            .get(usize::try_from(s - 1).ok()?)
            .copied()
    }

    fn validated(self) -> CoreResult<RiskMatrix> {
        if self.cells.len() != 4 || self.cells.iter().any(|row| row.len() != 4) {
            return Err(CoreError::validation(
                "risk_matrix",
                "shape",
                "the matrix has 4 rows (likelihood) of 4 cells (severity)",
            ));
        }
        Ok(self)
    }
}

/// The office's matrix: its own if it changed one, the shipped default otherwise.
pub fn current(conn: &Connection) -> CoreResult<RiskMatrix> {
    match settings::get_raw(conn, SETTING)? {
        Some(text) => serde_json::from_str(&text)
            .map_err(|e| CoreError::Corrupt(format!("the stored risk matrix does not parse: {e}"))),
        None => Ok(RiskMatrix::shipped()),
    }
}

pub(crate) fn store(conn: &Connection, matrix: RiskMatrix) -> CoreResult<RiskMatrix> {
    let matrix = matrix.validated()?;
    settings::put_raw(
        conn,
        SETTING,
        &serde_json::to_string(&matrix).expect("serialises"),
    )?;
    Ok(matrix)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_matrix_classes_all_sixteen_cells() {
        let m = RiskMatrix::shipped();
        let expected = [
            ["low", "low", "risk", "risk"],
            ["low", "risk", "risk", "high"],
            ["risk", "risk", "high", "high"],
            ["risk", "high", "high", "high"],
        ];
        for l in 1..=4 {
            for s in 1..=4 {
                assert_eq!(
                    m.level(Some(l), Some(s)).map(RiskLevel::as_str),
                    Some(expected[(l - 1) as usize][(s - 1) as usize]),
                    "likelihood {l}, severity {s}"
                );
            }
        }
        assert_eq!(m.level(None, Some(2)), None);
        assert_eq!(m.level(Some(5), Some(2)), None);
        // Symmetric: a likely small harm weighs as an unlikely large one.
        for l in 1..=4 {
            for s in 1..=4 {
                assert_eq!(m.level(Some(l), Some(s)), m.level(Some(s), Some(l)));
            }
        }
    }
}
