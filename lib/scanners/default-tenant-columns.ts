// The column names that mark a table as holding one tenant's rows, when a scan is not told
// otherwise: the same for the PostgreSQL posture scan and the code query audit, so that both
// call the same tables tenant-scoped.
export const DEFAULT_TENANT_COLUMNS = [
  "tenant_id",
  "org_id",
  "organization_id",
  "workspace_id",
  "account_id",
] as const;
