// Creating a package from the CLI, and the failures that must leave no package behind.
import { existsSync, mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { runPackageCreate, runPackageVerify } from "@/lib/cli/package-commands";
import { buildPackage } from "./build-package";
import { EVIDENCE_NAME, seedPackageWorkspace } from "./demo-package.test-helper";

let admin: Awaited<ReturnType<typeof seedPackageWorkspace>>;

describe("creating an audit package", () => {
  beforeAll(async () => {
    admin = await seedPackageWorkspace();
  });

  it("the CLI creates and verifies a package for a given period", async () => {
    const out: string[] = [];
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), "tb-cli-")), "audit.zip");
    const from = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);
    const to = new Date().toISOString().slice(0, 10);
    expect(await runPackageCreate({ out: file, from, to }, (l) => out.push(l))).toBe(0);
    expect(out[0]).toContain(`${from} to ${to}`);
    expect(await runPackageVerify({ file }, (l) => out.push(l))).toBe(0);
    expect(out.at(-1)).toMatch(/^OK: /);
    await expect(runPackageCreate({ out: file, from: to, to: from })).rejects.toMatchObject({
      code: "invalid",
    });
  });

  it("a package that cannot be written is deleted and the error surfaces", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "tb-fail-"));
    const outFile = path.join(dir, "missing-folder", "audit.zip");
    await expect(buildPackage(admin, { outFile })).rejects.toThrow(/ENOENT/);
    expect(existsSync(outFile)).toBe(false);
    expect(existsSync(`${outFile}.partial`)).toBe(false);
  });

  it("an evidence file that cannot be read deletes the package and names the file", async () => {
    const prisma = await db();
    const revision = await prisma.evidenceRevision.findFirstOrThrow({
      where: { fileName: EVIDENCE_NAME },
      select: { sha256: true },
    });
    // Stored contents are immutable by trigger; the test damages one the way a disk fault would.
    const damage = async (content: string) => {
      await prisma.$executeRawUnsafe(
        `ALTER TABLE "evidence_blobs" DISABLE TRIGGER "evidence_blobs_immutable"`,
      );
      await prisma.$executeRaw`UPDATE "evidence_blobs" SET "content" = convert_to(${content}, 'UTF8') WHERE "sha256" = ${revision.sha256}`;
      await prisma.$executeRawUnsafe(
        `ALTER TABLE "evidence_blobs" ENABLE TRIGGER "evidence_blobs_immutable"`,
      );
    };
    const original = "Quarterly access review: 14 accounts, 2 removed.\n";
    await damage(original.replace("14", "41"));
    try {
      const outFile = path.join(mkdtempSync(path.join(os.tmpdir(), "tb-damaged-")), "audit.zip");
      await expect(buildPackage(admin, { outFile })).rejects.toMatchObject({
        code: "conflict",
        message: expect.stringMatching(
          /could not be completed and was deleted: Evidence file evidence\/.+\/access review Q1\.txt could not be read: its content no longer matches its SHA-256/,
        ),
      });
      expect(existsSync(outFile)).toBe(false);
      expect(existsSync(`${outFile}.partial`)).toBe(false);
    } finally {
      await damage(original);
    }
  });
});
