/** What the attempt log shows in place of a secret. */
export const REDACTED = '[redacted]';
