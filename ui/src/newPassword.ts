import type { TFunction } from "i18next";

/** The core's minimum (password::MIN_LENGTH); checked here only to answer before asking. */
export const MIN_PASSWORD = 10;

/** Errors of a "new password + repeat" pair, shown once the person has tried to submit. */
export function newPasswordErrors(t: TFunction, password: string, repeat: string, touched: boolean) {
  return {
    passwordError: touched && password.length < MIN_PASSWORD ? t("errors.validation.password.too_short") : null,
    repeatError: touched && repeat !== password ? t("setup.passwordMismatch") : null,
    acceptable: password.length >= MIN_PASSWORD && repeat === password,
  };
}
