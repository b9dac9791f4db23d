// Every upload limit in one client-safe place without imports, so next.config.ts can size the
// server-action body cap from them: the cap must let the largest promised upload through, or
// the limits the README states could never be reached.

const MB = 1024 * 1024;

/** The largest evidence file. */
export const MAX_EVIDENCE_BYTES = 20 * MB;
/** The largest test-result file (JUnit XML or CTRF JSON). */
export const MAX_RESULT_BYTES = 50 * MB;
/** The largest audit-event export. */
export const MAX_AUDIT_BYTES = 50 * MB;

/** A server action's body: the largest file plus room for the multipart envelope and fields. */
export const ACTION_BODY_LIMIT_MB =
  Math.ceil(Math.max(MAX_EVIDENCE_BYTES, MAX_RESULT_BYTES, MAX_AUDIT_BYTES) / MB) + 1;
