// What every part of the matrix's seeding (matrix-seed-*.ts) is given: the admin who creates the
// records (some functions record who made a record), and the day and name helpers the registry
// entries use too, so that seeded and requested names never collide.
import type { UserActor } from "@/lib/auth/actor";

/** A PostgreSQL address nothing listens on: a pull or a connection test fails at once, on a business rule. */
export const UNREACHABLE_SOURCE = "postgresql://nobody:x@127.0.0.1:1/none";
export const REQUIREMENT = "MATRIX-01";

export interface SeedTools {
  admin: UserActor & { password: string };
  /** Day `offset` days from today (UTC), YYYY-MM-DD. */
  day(offset?: number): string;
  /** A name no earlier call used. */
  unique(prefix: string): string;
}
