// Keys stored before the key began with the record's time (migration
// audit_dedupe_key_time_first) are found by a push for events up to two days after the newest
// of them, so a record pushed before the upgrade is not stored again after it.
import { describe, expect, it } from "vitest";
import { canonicalJson } from "@/lib/activity/chain";
import { db } from "@/lib/db";
import { makeUser } from "@/lib/testing/fixtures";
import { legacyKeyOf } from "./dedupe-key";
import { storeAuditEvents } from "./ingest";
import { parseAuditEvents } from "./parse";

const DAY = 86_400_000;

async function storeOld(record: Record<string, unknown>, occurredAt: Date) {
  const prisma = await db();
  await prisma.$executeRaw`INSERT INTO "audit_events" ("occurred_at", "action", "dedupe_key")
    VALUES (${occurredAt}, 'login', ${legacyKeyOf(canonicalJson(record))}::uuid)`;
}

describe("keys of the old form", () => {
  it("recognise a record stored before the upgrade; after the window, a push does not look", async () => {
    const admin = await makeUser("admin");
    const prisma = await db();
    const newest = new Date(Date.now() - 30 * DAY);
    const inWindow = { action: "login", time: new Date(newest.getTime() - 5 * DAY).toISOString() };
    const afterWindow = {
      action: "login",
      time: new Date(newest.getTime() + 3 * DAY).toISOString(),
    };
    // Read a little later than the newest old key (a zone-less time read in another zone by an
    // older version): within the two days, still looked up.
    const justAfter = { action: "login", time: new Date(newest.getTime() + DAY).toISOString() };
    const beforeNote = { action: "login", time: new Date(newest.getTime() - DAY).toISOString() };
    for (const r of [inWindow, justAfter, afterWindow, beforeNote])
      await storeOld(r, new Date(r.time));
    const push = (r: object) =>
      storeAuditEvents(admin, parseAuditEvents(JSON.stringify(r)), "test");

    // Without a note of old keys (a fresh installation) nothing is looked up.
    expect(await push(beforeNote)).toMatchObject({ stored: 1 });

    await prisma.$executeRaw`INSERT INTO "audit_legacy_keys" ("id", "until") VALUES (1, ${newest})`;
    expect(await push(inWindow)).toMatchObject({ received: 1, stored: 0, duplicates: 1 });
    expect(await push(justAfter)).toMatchObject({ stored: 0, duplicates: 1 });
    // More than two days after the newest old key: stored under its new key.
    expect(await push(afterWindow)).toMatchObject({ stored: 1 });
    // And the new key is recognised from then on.
    expect(await push(afterWindow)).toMatchObject({ stored: 0, duplicates: 1 });
  });
});
