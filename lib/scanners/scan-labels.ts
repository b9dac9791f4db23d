// Client-safe names of the scanners.
export type ScanKind = "postgres" | "code" | "sarif";

export const SCAN_KIND_LABEL: Record<ScanKind, string> = {
  postgres: "PostgreSQL posture scan",
  code: "Code query audit",
  sarif: "SARIF findings",
};
