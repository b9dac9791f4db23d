import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { makeUser } from "@/lib/testing/fixtures";
import { createControl } from "@/lib/controls/controls";
import { addRevision, createEvidence, readRevision, reviewEvidence } from "./evidence";
import { MAX_UPLOAD_BYTES } from "./limits";
import { evidenceSchema } from "./schemas";
import { prepareUpload, type PreparedFile } from "./upload";

const fields = (over: Record<string, unknown> = {}) =>
  evidenceSchema.parse({
    title: "Tenant isolation test report",
    kind: "file",
    evidenceDate: "2026-03-01",
    ...over,
  });

async function ready(
  text: string,
  name = "report.txt",
  decision?: "redact" | "keep",
): Promise<PreparedFile> {
  const p = await prepareUpload(new File([text], name, { type: "text/plain" }), decision);
  if (p.kind !== "ready") throw new Error("expected a ready file");
  return p.file;
}

describe("evidence files", () => {
  it("stores the SHA-256, returns the exact bytes, and records every download with the reader", async () => {
    const engineer = await makeUser("engineer");
    const auditor = await makeUser("auditor");
    const file = await ready("8 passed, 0 failed\n");
    const { id } = await createEvidence(engineer, fields(), file);
    const got = await readRevision(auditor, id, 1);
    expect(got?.sha256).toBe(createHash("sha256").update("8 passed, 0 failed\n").digest("hex"));
    expect(Buffer.from(got!.content).toString()).toBe("8 passed, 0 failed\n");
    const log = await (
      await db()
    ).activity.findFirstOrThrow({ where: { action: "evidence.download", entityId: id } });
    expect(log.actorEmail).toBe(auditor.email);
    expect(log.summary).toContain("(auditor) downloaded revision 1");
  });

  it("keeps older revisions readable, asks for a new review, and refuses an identical re-upload", async () => {
    const engineer = await makeUser("engineer");
    const admin = await makeUser("admin");
    const v1 = await ready("version one");
    const { id } = await createEvidence(engineer, fields(), v1);
    await expect(reviewEvidence(admin, id, "accept", "")).rejects.toMatchObject({
      code: "invalid",
    });
    await reviewEvidence(admin, id, "accept", "", v1.sha256);
    const r2 = await addRevision(engineer, id, await ready("version two"));
    expect(r2.number).toBe(2);
    const prisma = await db();
    expect((await prisma.evidence.findUniqueOrThrow({ where: { id } })).reviewState).toBe(
      "in_review",
    );
    expect(Buffer.from((await readRevision(admin, id, 1))!.content).toString()).toBe("version one");
    expect(Buffer.from((await readRevision(admin, id, 2))!.content).toString()).toBe("version two");
    await expect(addRevision(engineer, id, await ready("version two"))).rejects.toThrow(
      /identical to revision 2/,
    );
    await expect(addRevision(engineer, id, await ready("version two"))).rejects.toMatchObject({
      code: "conflict",
    });
    await expect(readRevision(admin, id, 3)).rejects.toMatchObject({ code: "not_found" });
    await expect(
      readRevision(admin, "00000000-0000-4000-8000-000000000000", 1),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(
      prisma.$executeRawUnsafe(
        `UPDATE "evidence_revisions" SET file_name = 'x' WHERE evidence_id = '${id}'`,
      ),
    ).rejects.toThrow(/immutable/);
  });

  it("recognises identical content uploaded as other evidence and stores it once", async () => {
    const engineer = await makeUser("engineer");
    const a = await createEvidence(engineer, fields({ title: "First" }), await ready("same bytes"));
    const b = await createEvidence(
      engineer,
      fields({ title: "Second" }),
      await ready("same bytes"),
    );
    expect(a.duplicateOf).toBeNull();
    expect(b.duplicateOf).toMatchObject({ evidenceId: a.id, title: "First", revision: 1 });
    const sha = createHash("sha256").update("same bytes").digest("hex");
    expect(await (await db()).evidenceBlob.count({ where: { sha256: sha } })).toBe(1);
  });

  it("holds back a file with secrets until the uploader decides, then redacts or keeps", async () => {
    const leaky = 'export NEON_PG_CONN="postgresql://neondb_owner:npg_RealPassw0rd@db/neondb"\n';
    const held = await prepareUpload(new File([leaky], "report.log"), undefined);
    expect(held).toMatchObject({
      kind: "needs-decision",
      findings: [{ kind: "database-url", line: 1 }],
    });
    const redacted = await ready(leaky, "report.log", "redact");
    expect(redacted.content.toString()).not.toContain("npg_RealPassw0rd");
    expect(redacted).toMatchObject({ redacted: true });
    const kept = await ready(leaky, "report.log", "keep");
    expect(kept.content.toString()).toContain("npg_RealPassw0rd");
    expect(kept.findings).toHaveLength(1);
  });

  it("refuses a file over the size limit before reading it", async () => {
    const big = new File([new Uint8Array(MAX_UPLOAD_BYTES + 1)], "big.bin");
    await expect(prepareUpload(big, undefined)).rejects.toThrow(/limit is 20 MB/);
    await expect(prepareUpload(big, undefined)).rejects.toMatchObject({ code: "too_large" });
    await expect(prepareUpload(new File([], "empty.txt"), undefined)).rejects.toMatchObject({
      code: "invalid",
    });
  });
});

describe("evidence access rules", () => {
  it("an auditor adds nothing, an engineer accepts nothing, and nothing is written", async () => {
    const engineer = await makeUser("engineer");
    const auditor = await makeUser("auditor");
    const { id } = await createEvidence(
      engineer,
      fields({ kind: "note", body: "Quarterly access review done" }),
      null,
    );
    const prisma = await db();
    const before = await prisma.activity.count();
    await expect(
      createEvidence(auditor, fields({ kind: "note", body: "x" }), null),
    ).rejects.toThrow(/auditor\) is not allowed to add evidence/);
    await expect(reviewEvidence(engineer, id, "accept", "")).rejects.toThrow(
      /engineer\) is not allowed to accept or reject evidence/,
    );
    await expect(reviewEvidence(auditor, id, "accept", "")).rejects.toThrow(/not allowed/);
    await expect(readRevision(null, id, 1)).rejects.toMatchObject({ code: "unauthenticated" });
    expect((await prisma.evidence.findUniqueOrThrow({ where: { id } })).reviewState).toBe(
      "in_review",
    );
    expect(await prisma.activity.count()).toBe(before);
  });

  it("links evidence only to existing controls", async () => {
    const engineer = await makeUser("engineer");
    const c = await createControl(engineer, {
      title: "Backups",
      description: "",
      ownerId: null,
      implementation: "implemented",
      naJustification: null,
      locations: [],
      criteria: ["A1.2"],
    });
    const ok = await createEvidence(
      engineer,
      fields({ kind: "link", url: "https://wiki.example/backups", controls: [c.id] }),
      null,
    );
    expect(
      await (await db()).evidenceControl.count({ where: { evidenceId: ok.id, controlId: c.id } }),
    ).toBe(1);
    await expect(
      createEvidence(
        engineer,
        fields({
          kind: "link",
          url: "https://x.example",
          controls: ["00000000-0000-4000-8000-000000000000"],
        }),
        null,
      ),
    ).rejects.toThrow(/does not exist/);
  });
});
