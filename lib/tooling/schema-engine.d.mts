import type { PGlite } from "@electric-sql/pglite";

export interface HistoryDiagnosis {
  editedMigrationNames: string[];
  failedMigrationNames: string[];
  hasMigrationsTable: boolean;
  history: { diagnostic: string } | null;
}
export const root: string;
export const schemaPath: string;
export const migrationsDir: string;
export function pendingSchemaChange(opts?: {
  schemaFile?: string;
  migrations?: string;
}): Promise<string>;
export function createMigrationScript(name: string): Promise<string>;
export function diagnoseHistory(main: PGlite): Promise<HistoryDiagnosis>;
