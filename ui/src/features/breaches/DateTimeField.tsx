import { useState } from "react";
import { useTranslation } from "react-i18next";
import { DateField } from "../../components/DateField";

const pad = (n: number) => String(n).padStart(2, "0");
const TIME = /^([01]?\d|2[0-3]):([0-5]\d)$/;

/** The local day and time ("2026-03-02", "09:30") of an instant. */
export function localParts(iso: string | null): { day: string; time: string } {
  if (!iso) return { day: "", time: "" };
  const d = new Date(iso);
  return {
    day: `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`,
    time: `${pad(d.getHours())}:${pad(d.getMinutes())}`,
  };
}

/** The instant of a local day and time (stored in UTC, shown local); null while incomplete. */
export function instantOf(day: string, time: string): string | null {
  if (!day) return null;
  const at = new Date(`${day}T${time || "00:00"}:00`);
  return Number.isNaN(at.getTime()) ? null : at.toISOString();
}

/** A date with its time of day, in the app's language, for instants such as a discovery. */
export function DateTimeField({
  label,
  name,
  value,
  error,
  hint,
  readOnly,
  onChange,
}: {
  label: string;
  name: string;
  value: string | null;
  error?: string | null;
  hint?: string;
  readOnly?: boolean;
  onChange: (iso: string | null) => void;
}) {
  const { t } = useTranslation();
  const { day, time } = localParts(value);
  // Typed as 24-hour "HH:MM" in both languages (a time input would follow the OS locale instead).
  const [typed, setTyped] = useState(time);
  const [shown, setShown] = useState(time);
  if (shown !== time) {
    setShown(time);
    setTyped(time);
  }
  const valid = typed === "" || TIME.test(typed);
  return (
    <div className="date-time">
      <DateField
        label={label}
        name={name}
        error={error}
        hint={hint}
        value={day}
        readOnly={readOnly}
        onChange={(iso) => onChange(instantOf(iso, TIME.test(typed.trim()) ? typed.trim() : time || "00:00"))}
      />
      <label className="field time-field">
        <span className="label">{t("breaches.time")}</span>
        <input
          type="text"
          inputMode="numeric"
          placeholder={t("breaches.timeHint")}
          value={typed}
          readOnly={readOnly}
          aria-invalid={valid ? undefined : true}
          data-testid={`${name}-time`}
          onChange={(e) => {
            setTyped(e.target.value);
            const match = TIME.exec(e.target.value.trim());
            if (match) onChange(instantOf(day, `${match[1].padStart(2, "0")}:${match[2]}`));
          }}
        />
        {!valid && <span className="field-error">{t("breaches.timeInvalid")}</span>}
      </label>
    </div>
  );
}
