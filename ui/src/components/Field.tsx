import {
  useId,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from "react";

export type Labelled = { label: string; hint?: ReactNode; error?: string | null };

/** Label, hint and error around any control, wired up for screen readers. */
export function Labelled({
  label,
  hint,
  error,
  control,
}: Labelled & { control: (id: string, aria: Record<string, unknown>) => ReactNode }) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const aria = {
    "aria-invalid": error ? true : undefined,
    "aria-describedby": [hintId, errorId].filter(Boolean).join(" ") || undefined,
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {control(id, aria)}
      {hint && (
        <div className="hint" id={hintId}>
          {hint}
        </div>
      )}
      {error && (
        <div className="field-error" id={errorId} role="alert">
          {error}
        </div>
      )}
    </div>
  );
}

/** A labelled input. */
export function Field({ label, hint, error, ...input }: InputHTMLAttributes<HTMLInputElement> & Labelled) {
  return (
    <Labelled label={label} hint={hint} error={error} control={(id, aria) => <input id={id} {...aria} {...input} />} />
  );
}

/** A labelled multi-line text. */
export function TextArea({ label, hint, error, ...area }: TextareaHTMLAttributes<HTMLTextAreaElement> & Labelled) {
  return (
    <Labelled
      label={label}
      hint={hint}
      error={error}
      control={(id, aria) => <textarea id={id} rows={3} {...aria} {...area} />}
    />
  );
}

/** A labelled choice. */
export function Select({
  label,
  hint,
  error,
  children,
  ...select
}: SelectHTMLAttributes<HTMLSelectElement> & Labelled) {
  return (
    <Labelled
      label={label}
      hint={hint}
      error={error}
      control={(id, aria) => (
        <select id={id} {...aria} {...select}>
          {children}
        </select>
      )}
    />
  );
}
