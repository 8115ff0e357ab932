//! The deadline dashboard and the deadline alerts of the window.

use chrono::Duration;

use crate::access::operations::Operation;
use crate::access::permissions::granted;
use crate::access::session::Session;
use crate::desk::Desk;
use crate::domain::descriptor::{Deadline, DeadlineKind, DeadlineQuery};
use crate::domain::{breaches, requests};
use crate::kernel::error::CoreResult;
use crate::kernel::vocabulary::{ObjectType, Permission, Right};
use crate::services::deadlines::{self, DeadlineAlert, DeadlineBoard};

impl Desk {
    /// Every due item of one tenant, or of all the user may open (`None`): overdue first,
    /// then the next 30 days, with the next backup for those who make backups.
    pub fn deadlines(
        &self,
        session: &mut Session,
        tenant_id: Option<i64>,
    ) -> CoreResult<DeadlineBoard> {
        let (user, now) = self.gate(session, Operation::Deadlines)?;
        let conn = self.store.conn();
        if let Some(id) = tenant_id {
            crate::domain::tenants::accessible(conn, &user, id)?;
        }
        let query = deadlines::query(tenant_id, now);
        let backup = if self.sees_backups(&user)? {
            let status = self.backup_status(now)?;
            (status.due_date <= query.horizon).then(|| Deadline {
                kind: DeadlineKind::Backup,
                id: 0,
                tenant_id: None,
                tenant_name: String::new(),
                title: String::new(),
                due: status.due_date,
                due_at: None,
                overdue: status.due_date < query.today,
            })
        } else {
            None
        };
        let may_view = |object| granted(conn, &user, Permission::new(object, Right::View));
        deadlines::collect(conn, &user, &may_view, &query, backup)
    }

    /// The dashboard's share of the board: the counts of every due item, but only the first
    /// `first` items. A tenant with tens of thousands of planned reviews would otherwise send
    /// all of them to the window on every visit of the dashboard, which shows six.
    pub fn next_deadlines(
        &self,
        session: &mut Session,
        tenant_id: Option<i64>,
        first: usize,
    ) -> CoreResult<DeadlineBoard> {
        let mut board = self.deadlines(session, tenant_id)?;
        board.items.truncate(first);
        Ok(board)
    }

    /// The native notifications due now for the user's breaches and requests, each level
    /// once (also across restarts: missed ones come once at the next start).
    pub fn deadline_alerts(&mut self, session: &mut Session) -> CoreResult<Vec<DeadlineAlert>> {
        self.write(session, Operation::DeadlineAlerts, |conn, user, now| {
            let mut query: DeadlineQuery = deadlines::query(None, now);
            // Every pending item, however far its deadline: the rule decides the level.
            query.horizon = query.today + Duration::days(3660);
            let mut items = Vec::new();
            if granted(conn, user, Permission::new(ObjectType::Breach, Right::View))? {
                items.extend((breaches::descriptor::DESCRIPTOR
                    .deadlines
                    .expect("breaches have deadlines"))(
                    conn, user, &query
                )?);
            }
            if granted(
                conn,
                user,
                Permission::new(ObjectType::Request, Right::View),
            )? {
                items.extend((requests::descriptor::DESCRIPTOR
                    .deadlines
                    .expect("requests have deadlines"))(
                    conn, user, &query
                )?);
            }
            deadlines::due_alerts(conn, user, &items, now)
        })
    }
}
