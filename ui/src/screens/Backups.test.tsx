import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, expect, test, vi } from "vitest";
import type { BackupEntry } from "../bindings/BackupEntry";
import type { SessionInfo } from "../bindings/SessionInfo";
import { switchLanguage } from "../i18n";
import { clearMocks, mockCommands, session } from "../test/ipc";
import { BackupBanner } from "./backups/BackupBanner";
import { Backups } from "./backups/Backups";
import { LockScreen } from "./backups/LockScreen";

beforeEach(() => switchLanguage("en"));
afterEach(() => clearMocks());

const noop = () => undefined;
const entry = (id: number, downloaded: string | null): BackupEntry => ({
  id,
  file_name: `dpo-desk-2026-03-0${id}-090000.dpobackup`,
  created_at: `2026-03-0${id}T09:00:00Z`,
  created_by: "Anna Meier",
  size: 3 * 1024 * 1024,
  automatic: false,
  downloaded_at: downloaded,
});
const locked = (can_create: boolean): SessionInfo => ({
  ...session,
  is_admin: can_create,
  is_owner: can_create,
  menu: ["dashboard", "account"],
  backup: { level: "locked", due_date: "2026-03-06", concerns_user: true, can_create, contact: "Anna Meier" },
});

test("a backup is created, then downloaded through the save dialog, which may lift the reminder", async () => {
  let list = [entry(1, "2026-03-01T10:00:00Z")];
  const calls = mockCommands({
    backups: () => list,
    create_backup: () => {
      list = [entry(2, null), ...list];
      return list[0];
    },
    download_backup: () => "/media/usb/sicherung.dpobackup",
  });
  const changed = vi.fn();
  render(
    <Backups
      session={session}
      tenantId={null}
      onError={() => false}
      navigate={noop}
      openRecord={noop}
      onChanged={changed}
    />,
  );
  const user = userEvent.setup();
  expect(await screen.findByText("Kept in the app: 1 of 7")).toBeInTheDocument();
  await user.click(screen.getByTestId("create-backup"));
  expect(await screen.findByTestId("backup-notice")).toHaveTextContent("Backup created. Download it now");
  expect(await screen.findByText("Kept in the app: 2 of 7")).toBeInTheDocument();
  const rows = document.querySelectorAll("[data-backup]");
  expect(rows[0]).toHaveTextContent("3.0 MB");
  expect(rows[0]).toHaveTextContent("not yet");
  await user.click(screen.getAllByTestId("download-backup")[0]);
  expect(await screen.findByTestId("backup-notice")).toHaveTextContent("Saved to /media/usb/sicherung.dpobackup");
  expect(calls.find((c) => c.cmd === "download_backup")?.args).toMatchObject({ id: 2 });
  expect(changed).toHaveBeenCalled();
});

test("with seven backups in the app a new one is refused until one is deleted", async () => {
  mockCommands({ backups: () => [1, 2, 3, 4, 5, 6, 7].map((i) => entry(i, null)) });
  render(
    <Backups
      session={session}
      tenantId={null}
      onError={() => false}
      navigate={noop}
      openRecord={noop}
      onChanged={noop}
    />,
  );
  expect(await screen.findByTestId("backup-full")).toHaveTextContent("7 backups are kept in the app at most");
  expect(screen.getByTestId("create-backup")).toBeDisabled();
});

test("the lock screen offers the backup to who may make one and names whom to ask to everyone else", async () => {
  mockCommands({ backups: () => [] });
  const { unmount } = render(
    <LockScreen
      session={locked(true)}
      tenantId={null}
      onError={() => false}
      navigate={noop}
      openRecord={noop}
      onChanged={noop}
    />,
  );
  expect(screen.getByTestId("backup-lock")).toHaveTextContent("DPO Desk is locked");
  expect(await screen.findByTestId("create-backup")).toBeEnabled();
  expect(screen.queryByTestId("restore-panel")).toBeNull();
  unmount();
  render(
    <LockScreen
      session={locked(false)}
      tenantId={null}
      onError={() => false}
      navigate={noop}
      openRecord={noop}
      onChanged={noop}
    />,
  );
  expect(screen.getByTestId("lock-contact")).toHaveTextContent(
    "Please ask Anna Meier to create and download a backup.",
  );
  expect(screen.queryByTestId("create-backup")).toBeNull();
});

test("the banner shows while the reminder concerns the user", () => {
  const due: SessionInfo = {
    ...session,
    menu: [...session.menu, "backups"],
    backup: { level: "due", due_date: "2026-03-06", concerns_user: true, can_create: true, contact: "Anna Meier" },
  };
  const { rerender } = render(<BackupBanner session={due} onOpen={noop} />);
  expect(screen.getByTestId("backup-banner")).toHaveTextContent("A backup is due since");
  expect(screen.getByTestId("banner-open-backups")).toBeInTheDocument();
  rerender(<BackupBanner session={{ ...due, backup: { ...due.backup, concerns_user: false } }} onOpen={noop} />);
  expect(screen.queryByTestId("backup-banner")).toBeNull();
  const overdue = { ...due, backup: { ...due.backup, level: "notify_all" as const, can_create: false } };
  rerender(<BackupBanner session={overdue} onOpen={noop} />);
  expect(screen.getByTestId("backup-banner")).toHaveTextContent("Please ask Anna Meier to create and download one.");
});

test("an administrator opens a backup read-only, sees its tenants down to the activities and prints a company's records from it", async () => {
  const calls = mockCommands({
    backups: () => [],
    automatic_backup: () => ({ folder: null, last_run: null, last_error: null }),
    make_report_from_backup: () => "/home/anna/Documents/RoPA.pdf",
    browse_backup: () => ({
      file: "/media/usb/kanzlei.dpobackup",
      header: {
        installation_id: "x",
        office_name: "Kanzlei Nord",
        created_at: "2026-03-11T10:00:00Z",
        created_by: "Anna Meier",
        schema_version: 7,
        app_version: "0.1.0",
        automatic: false,
        key_fingerprint: "00",
        nonce: "00",
        chunk_size: 1048576,
        payload_size: 10,
      },
      tenants: [
        {
          id: 1,
          name: "Bäckerei Schmidt",
          is_template: false,
          archived: true,
          companies: [
            {
              id: 7,
              name: "Bäckerei Schmidt GmbH",
              city: "Köln",
              areas: [{ name: "Personal", activities: [{ name: "Lohnabrechnung", status: "active" }] }],
            },
          ],
        },
      ],
    }),
  });
  render(
    <Backups
      session={session}
      tenantId={null}
      onError={() => false}
      navigate={noop}
      openRecord={noop}
      onChanged={noop}
    />,
  );
  const user = userEvent.setup();
  await user.click(await screen.findByTestId("browse-backup"));
  expect(await screen.findByTestId("backup-contents")).toHaveTextContent("Backup of Kanzlei Nord made");
  const tenant = document.querySelector('[data-backup-tenant="Bäckerei Schmidt"]') as HTMLElement;
  expect(tenant).toHaveTextContent("archived");
  expect(tenant.querySelector('[data-backup-activity="Lohnabrechnung"]')).toHaveTextContent("Active");
  expect(screen.getByTestId("automatic-backup-state")).toHaveTextContent("Off");
  await user.click(within(tenant).getByTestId("backup-company-report"));
  expect(await screen.findByTestId("backup-report-saved")).toHaveTextContent("/home/anna/Documents/RoPA.pdf");
  expect(calls.find((c) => c.cmd === "make_report_from_backup")?.args).toMatchObject({
    file: "/media/usb/kanzlei.dpobackup",
    request: { report: "ropa", company_id: 7, role: "controller" },
  });
});
