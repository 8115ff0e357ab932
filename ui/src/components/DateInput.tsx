import { format, isValid, parse } from "date-fns";
import { useEffect, useId, useRef, useState, type InputHTMLAttributes } from "react";
import { DayPicker } from "react-day-picker";
import { de } from "react-day-picker/locale/de";
import { enGB } from "react-day-picker/locale/en-GB";
import "react-day-picker/style.css";
import { useTranslation } from "react-i18next";

// The app's language decides how a date is written, not the OS locale (which decided for the
// webview's own date input). English is written the European way: the users are EU offices.
const STYLES = {
  de: { pattern: "dd.MM.yyyy", hint: "TT.MM.JJJJ", locale: de },
  en: { pattern: "dd/MM/yyyy", hint: "DD/MM/YYYY", locale: enGB },
} as const;

/** What a person may type: the language's own form, the other one, short forms and ISO. */
const ACCEPTED = ["dd.MM.yyyy", "d.M.yyyy", "d.M.yy", "dd/MM/yyyy", "d/M/yyyy", "d/M/yy", "yyyy-MM-dd"];

/** The ISO date a typed text means, "" for an empty text, null when it is no date (1970–2200, as the core). */
export function parseDate(text: string, reference = new Date()): string | null {
  const typed = text.trim();
  if (!typed) return "";
  for (const pattern of ACCEPTED) {
    const date = parse(typed, pattern, reference);
    if (isValid(date) && date.getFullYear() >= 1970 && date.getFullYear() <= 2200) {
      return format(date, "yyyy-MM-dd");
    }
  }
  return null;
}

function styleOf(language: string) {
  return language.startsWith("de") ? STYLES.de : STYLES.en;
}

/** An ISO date written as the app's language writes it. */
export function writeDate(iso: string, language: string): string {
  if (!iso) return "";
  return format(parse(iso, "yyyy-MM-dd", new Date()), styleOf(language).pattern);
}

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, "value" | "onChange" | "type" | "min" | "max"> & {
  /** An ISO date or "". */
  value: string;
  onChange: (iso: string) => void;
  /** An error from the core for this field, shown like the field's own. */
  error?: string | null;
  max?: string;
};

/**
 * A date typed in the app's language, or picked from a calendar. A text that is no date keeps
 * what was typed, marks the field and holds back every save (`data-date-invalid`), so nothing
 * is stored that the person did not see.
 */
export function DateInput({ value, onChange, error, max, className, ...input }: Props) {
  const { t, i18n } = useTranslation();
  const style = styleOf(i18n.language);
  const [text, setText] = useState(() => writeDate(value, i18n.language));
  const [open, setOpen] = useState(false);
  const popover = useRef<HTMLDivElement>(null);
  const errorId = useId();
  const parsed = parseDate(text);
  const invalid = parsed === null || (!!max && !!parsed && parsed > max);
  // A new value from outside (a loaded record, the calendar) is written anew, unless it is what
  // the person is typing; a language switch writes it in the new language's form.
  useEffect(() => {
    setText((current) => (parseDate(current) === value ? current : writeDate(value, i18n.language)));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the language has its own effect below
  }, [value]);
  useEffect(() => {
    setText((current) => {
      const typed = parseDate(current);
      return typed === null ? current : writeDate(typed, i18n.language);
    });
  }, [i18n.language]);
  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent) => {
      if (!popover.current?.parentElement?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener("mousedown", close);
    return () => document.removeEventListener("mousedown", close);
  }, [open]);
  const message = invalid
    ? parsed && max && parsed > max
      ? t("date.notAfter", { date: writeDate(max, i18n.language) })
      : t("date.invalid", { pattern: style.hint })
    : error;
  return (
    <span className={`date-input${className ? ` ${className}` : ""}`}>
      <span className="date-input-row">
        <input
          {...input}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          placeholder={style.hint}
          value={text}
          aria-invalid={message ? true : undefined}
          aria-describedby={message ? errorId : input["aria-describedby"]}
          data-date-invalid={invalid ? "true" : undefined}
          onChange={(e) => {
            setText(e.target.value);
            const iso = parseDate(e.target.value);
            if (iso !== null && !(max && iso && iso > max)) onChange(iso);
          }}
          onBlur={(e) => {
            if (parsed) setText(writeDate(parsed, i18n.language));
            input.onBlur?.(e);
          }}
          onKeyDown={(e) => {
            if (e.key === "Escape" && open) {
              e.stopPropagation();
              setOpen(false);
            }
          }}
        />
        <button
          type="button"
          className="date-input-open"
          aria-label={t("date.choose")}
          aria-expanded={open}
          disabled={input.disabled || input.readOnly}
          onClick={() => setOpen((o) => !o)}
        >
          <svg viewBox="0 0 24 24" aria-hidden="true" className="icon">
            <path
              d="M7 3v3M17 3v3M4 9h16M5 6h14a1 1 0 0 1 1 1v12a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V7a1 1 0 0 1 1-1z"
              fill="none"
              stroke="currentColor"
              strokeWidth="1.8"
              strokeLinecap="round"
            />
          </svg>
        </button>
      </span>
      {open && (
        <div
          className="date-popover"
          ref={popover}
          role="dialog"
          aria-label={t("date.choose")}
          onKeyDown={(e) => {
            if (e.key === "Escape") {
              e.stopPropagation();
              setOpen(false);
            }
          }}
        >
          <DayPicker
            mode="single"
            locale={style.locale}
            weekStartsOn={1}
            captionLayout="dropdown"
            startMonth={new Date(1990, 0)}
            endMonth={max ? parse(max, "yyyy-MM-dd", new Date()) : new Date(new Date().getFullYear() + 10, 11)}
            disabled={max ? { after: parse(max, "yyyy-MM-dd", new Date()) } : undefined}
            selected={value ? parse(value, "yyyy-MM-dd", new Date()) : undefined}
            defaultMonth={value ? parse(value, "yyyy-MM-dd", new Date()) : undefined}
            autoFocus
            onSelect={(date) => {
              const iso = date ? format(date, "yyyy-MM-dd") : "";
              setText(writeDate(iso, i18n.language));
              onChange(iso);
              setOpen(false);
            }}
          />
        </div>
      )}
      {message && (
        <span className="field-error" id={errorId} role="alert">
          {message}
        </span>
      )}
    </span>
  );
}
