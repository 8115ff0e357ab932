/** Error codes with which the core has ended the session: the window returns to sign-in. */
export const SESSION_ENDING = new Set(["session_expired", "session_required", "user_deactivated", "not_open"]);
