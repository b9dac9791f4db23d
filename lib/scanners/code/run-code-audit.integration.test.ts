import { cpSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import yazl from "yazl";
import { db } from "@/lib/db";
import { makeUser } from "@/lib/testing/fixtures";
import { CODE_AUDIT_REPO } from "@/lib/testing/fixture-path";
import { runCodeAuditOnArchive, runCodeAuditOnDirectory } from "./run-code-audit";

const root = mkdtempSync(path.join(os.tmpdir(), "tb-code-root-"));
const outside = mkdtempSync(path.join(os.tmpdir(), "tb-code-outside-"));

function copyRepo(name: string): string {
  const dir = path.join(root, name);
  cpSync(CODE_AUDIT_REPO, dir, { recursive: true });
  return dir;
}

async function itemsByKey(keys: string[]) {
  const links = await (
    await db()
  ).scanFindingItem.findMany({
    where: { key: { in: keys } },
    select: {
      key: true,
      item: { select: { key: true, status: true, priority: true, origin: true } },
    },
  });
  return new Map(links.map((l) => [l.key, l.item]));
}

describe("the code query audit, recorded", () => {
  it("records the fixture repository's findings, then resolves the one fixed in the code", async () => {
    const engineer = await makeUser("engineer");
    const prisma = await db();
    const repo = copyRepo("app");
    const first = await runCodeAuditOnDirectory(engineer, { path: repo }, [root]);
    expect(first.report.findings).toHaveLength(6);
    expect(first.recorded!.diff.new).toHaveLength(6);
    expect(first.recorded!.backlog.created).toHaveLength(6);
    const keys = first.recorded!.diff.new;
    expect(keys).toContain(
      `code:missing_tenant_predicate:svc/store.go:${first.report.findings.find((f) => f.file === "svc/store.go")!.hash}`,
    );

    // The Markdown report is the scan's evidence, hash and all.
    const scan = await prisma.scan.findUniqueOrThrow({
      where: { id: first.recorded!.scanId },
      select: { evidenceId: true, reportSha256: true, summary: true, source: true },
    });
    expect(scan.source).toBe(repo);
    expect(scan.summary).toMatchObject({
      statements: 24,
      tenantStatements: 15,
      notAnalysed: 5,
      warn: 6,
    });
    const rev = await prisma.evidenceRevision.findFirstOrThrow({
      where: { evidenceId: scan.evidenceId! },
      select: { sha256: true, contentType: true, blob: { select: { content: true } } },
    });
    expect(rev.sha256).toBe(scan.reportSha256);
    expect(new TextDecoder().decode(rev.blob.content)).toContain("# SOC 2 Query Audit Report");
    const items = await itemsByKey(keys);
    expect(
      [...items.values()].every(
        (i) => i.status === "open" && i.priority === "P2" && i.origin === "collector",
      ),
    ).toBe(true);

    // The Go DELETE gets its tenant predicate: the next audit resolves that item only.
    const go = path.join(repo, "svc/store.go");
    writeFileSync(
      go,
      readFileSync(go, "utf8").replace(
        '"DELETE FROM users WHERE id = ?", id)',
        '"DELETE FROM users WHERE id = ? AND org_id = ?", id, orgID)',
      ),
    );
    const second = await runCodeAuditOnDirectory(engineer, { path: repo }, [root]);
    expect(second.recorded!.diff).toMatchObject({ new: [], stillOpen: expect.any(Array) });
    expect(second.recorded!.diff.fixed).toEqual([keys.find((k) => k.includes("svc/store.go"))]);
    expect(second.recorded!.backlog.resolved).toHaveLength(1);
    const after = await itemsByKey(keys);
    expect([...after.values()].map((i) => i.status).sort()).toEqual([
      "open",
      "open",
      "open",
      "open",
      "open",
      "resolved",
    ]);
  });

  it("refuses directories outside the roots and users without scans.run, storing nothing", async () => {
    const engineer = await makeUser("engineer");
    const auditor = await makeUser("auditor");
    const prisma = await db();
    const before = await prisma.scan.count();
    symlinkSync(outside, path.join(root, "sneaky"));
    await expect(
      runCodeAuditOnDirectory(engineer, { path: path.join(root, "sneaky") }, [root]),
    ).rejects.toMatchObject({
      code: "invalid",
    });
    await expect(runCodeAuditOnDirectory(engineer, { path: copyRepo("x") }, [])).rejects.toThrow(
      /TRUSTBOARD_RESULTS_ROOTS/,
    );
    await expect(
      runCodeAuditOnDirectory(auditor, { path: copyRepo("y") }, [root]),
    ).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(
      runCodeAuditOnArchive(engineer, {
        fileName: "bad.zip",
        bytes: new TextEncoder().encode("nope"),
      }),
    ).rejects.toMatchObject({ code: "invalid" });
    expect(await prisma.scan.count()).toBe(before);
  });

  it("audits an uploaded ZIP with other tenant columns", async () => {
    const engineer = await makeUser("engineer");
    const z = new yazl.ZipFile();
    z.addBuffer(
      Buffer.from("CREATE TABLE docs (id int, team_id int);\nSELECT * FROM docs;\n"),
      "repo/db.sql",
    );
    z.end();
    const chunks: Buffer[] = [];
    for await (const c of z.outputStream) chunks.push(c as Buffer);
    const run = await runCodeAuditOnArchive(engineer, {
      fileName: "repo.zip",
      bytes: new Uint8Array(Buffer.concat(chunks)),
      tenantColumns: ["team_id"],
    });
    expect(run.report.findings.map((f) => `${f.file}:${f.line}:${f.table}`)).toEqual([
      "repo/db.sql:2:docs",
    ]);
    expect(run.recorded!.diff.new).toHaveLength(1);
    const scan = await (await db()).scan.findUniqueOrThrow({ where: { id: run.recorded!.scanId } });
    expect(scan.source).toBe("upload:repo.zip");
  });
});
