import { useEffect } from "react";
import { api } from "../../api";

const ALERT_MS = 60_000;

/** Asks the core for the deadline alerts due now (breaches' 72 hours, requests' months) at sign-in and every
 * minute; the shell shows them as native notifications and the core remembers each level once, so alerts missed
 * while the app was closed come once at the next start. */
export function useDeadlineAlerts(userName: string) {
  useEffect(() => {
    const check = () => {
      void api.deadlineAlerts().catch(() => undefined);
    };
    check();
    const timer = window.setInterval(check, ALERT_MS);
    return () => window.clearInterval(timer);
  }, [userName]);
}
