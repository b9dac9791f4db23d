// The one Prisma client of the server process, opened lazily on first use. Everything that
// must exist before the first request (migrations, catalog, first admin) happens in here.
import { env } from "@/lib/env";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { openDatabase, type Database } from "./open";
import { bootstrap } from "./bootstrap";

const holder = globalThis as typeof globalThis & { __trustboardDb?: Promise<Database> };

export function database(): Promise<Database> {
  if (!holder.__trustboardDb) {
    const e = env();
    holder.__trustboardDb = openDatabase({ url: e.DATABASE_URL, dataDir: e.dataDir })
      .then(async (d) => {
        await bootstrap(d.prisma, e);
        return d;
      })
      .catch((err) => {
        holder.__trustboardDb = undefined;
        throw err;
      });
  }
  return holder.__trustboardDb;
}

export async function db(): Promise<PrismaClient> {
  return (await database()).prisma;
}

export type { Tx } from "./tx";
