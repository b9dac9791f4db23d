// The matrix's collector records: a test-result mapping rule and watched directory, an audit source
// (unreachable), an expected event, audit events to sample, and a stored audit package.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import path from "node:path";
import { db } from "@/lib/db";
import { createMappingRule } from "@/lib/collectors/test-results/rules";
import { addResultDirectory } from "@/lib/collectors/test-results/directories";
import { addExpectedEvent } from "@/lib/collectors/audit/expected-events";
import { storeAuditEvents } from "@/lib/collectors/audit/ingest";
import { parseAuditEvents } from "@/lib/collectors/audit/parse";
import { encryptSecret } from "@/lib/collectors/audit/crypto";
import { secretKey } from "@/lib/collectors/audit/secret-key";
import { createStoredPackage } from "@/lib/package/stored-packages";
import { UNREACHABLE_SOURCE, type SeedTools } from "./matrix-seed-tools";

/** `resultsRoot` must be (inside) TRUSTBOARD_RESULTS_ROOTS; `controlId` is what rules map to. */
export async function seedCollectorRecords(
  { admin, unique }: SeedTools,
  controlId: string,
  resultsRoot: string,
) {
  const prisma = await db();
  await createMappingRule(admin, { field: "name", pattern: "matrix *", controlId });
  const { id: ruleId } = await prisma.testMappingRule.findFirstOrThrow({
    where: { pattern: "matrix *" },
  });

  mkdirSync(resultsRoot, { recursive: true });
  const newResultDirectory = () => mkdtempSync(path.join(resultsRoot, "dir-"));
  const pulled = newResultDirectory();
  writeFileSync(
    path.join(pulled, "matrix.xml"),
    `<testsuite name="matrix-dir" tests="1"><testcase classname="matrix" name="pulled" time="0.01"/></testsuite>\n`,
  );
  const { id: resultDirectoryId } = await addResultDirectory(
    admin,
    { name: unique("matrix-results"), path: pulled },
    [resultsRoot],
  );

  // Created directly: the data layer saves a source only after a live connection test.
  const { id: auditSourceId } = await prisma.auditSource.create({
    data: {
      name: unique("matrix-source"),
      connectionEnc: encryptSecret(UNREACHABLE_SOURCE, secretKey()),
      tableName: "audit_log",
      columns: { time: "created_at", action: "action" },
      cursorColumn: "id",
    },
  });

  await addExpectedEvent(admin, { controlId, action: "matrix.expected", maxSilenceDays: 7 });
  const { id: expectedEventId } = await prisma.expectedEvent.findFirstOrThrow({
    where: { controlId, action: "matrix.expected" },
  });

  // Events in the sampled population (the default mapping puts `login` under CC6.1).
  await storeAuditEvents(
    admin,
    parseAuditEvents(
      [1, 2, 3]
        .map((h) =>
          JSON.stringify({
            timestamp: new Date(Date.now() - h * 3_600_000).toISOString(),
            action: "login",
            actor: `matrix${h}@example.test`,
          }),
        )
        .join("\n"),
    ),
    "upload",
  );

  const { id: packageId } = await createStoredPackage(admin, {});

  return {
    ruleId,
    resultDirectoryId,
    auditSourceId,
    expectedEventId,
    packageId,
    newResultDirectory,
  };
}
