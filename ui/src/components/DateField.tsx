// Apart from ./Field so that the sign-in screen's code does not carry the calendar.
import { DateInput } from "./DateInput";
import { Labelled } from "./Field";

/** A labelled date, written and typed in the app's language, with a calendar. */
export function DateField({
  label,
  hint,
  error,
  ...input
}: Labelled & Omit<Parameters<typeof DateInput>[0], "error" | "id">) {
  return (
    <Labelled
      label={label}
      hint={hint}
      control={(id, aria) => (
        <DateInput id={id} aria-describedby={aria["aria-describedby"] as string | undefined} error={error} {...input} />
      )}
    />
  );
}
