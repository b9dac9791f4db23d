import { copyFileSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { makeUser } from "@/lib/testing/fixtures";
import { TEST_RESULT_FIXTURES } from "@/lib/testing/fixture-path";
import { SYSTEM_ACTOR } from "@/lib/auth/actor";
import {
  addResultDirectory,
  allowedDirectory,
  pullAllResultDirectories,
  pullResultDirectory,
} from "./directories";

const FIXTURES = TEST_RESULT_FIXTURES;
const root = mkdtempSync(path.join(os.tmpdir(), "tb-results-root-"));
const outside = mkdtempSync(path.join(os.tmpdir(), "tb-results-outside-"));

describe("pulling result files from a server directory", () => {
  it("accepts directories inside a root and refuses escapes by .. or symlink", () => {
    const inside = path.join(root, "ci");
    mkdirSync(inside);
    expect(allowedDirectory(inside, [root])).toBe(path.join(root, "ci"));
    expect(() => allowedDirectory(path.join(root, "ci", "..", ".."), [root])).toThrow(
      /outside the allowed result roots/,
    );
    symlinkSync(outside, path.join(root, "sneaky"));
    expect(() => allowedDirectory(path.join(root, "sneaky"), [root])).toThrow(
      /outside the allowed result roots/,
    );
    expect(() => allowedDirectory(inside, [])).toThrow(/TRUSTBOARD_RESULTS_ROOTS/);
    expect(() => allowedDirectory("relative/path", [root])).toThrow(/absolute/);
  });

  it("ingests new files, recognises known ones, and reports a corrupt file without storing it", async () => {
    const admin = await makeUser("admin");
    const prisma = await db();
    const dirPath = path.join(root, "nightly");
    mkdirSync(dirPath);
    copyFileSync(path.join(FIXTURES, "python/pytest.xml"), path.join(dirPath, "a-pytest.xml"));
    copyFileSync(path.join(FIXTURES, "ctrf/minimal.json"), path.join(dirPath, "b-ctrf.json"));
    copyFileSync(path.join(FIXTURES, "edge/corrupt.xml"), path.join(dirPath, "c-corrupt.xml"));
    writeFileSync(path.join(dirPath, "notes.txt"), "ignored");
    const dir = await addResultDirectory(admin, { name: "nightly", path: dirPath }, [root]);
    const runsBefore = await prisma.testRun.count();
    const first = await pullResultDirectory(admin, dir.id, [root]);
    expect(first).toMatchObject({ files: 3, ingested: 2, duplicates: 0 });
    expect(first.failed).toEqual([
      { file: "c-corrupt.xml", error: expect.stringMatching(/Not well-formed XML/) },
    ]);
    expect(await prisma.testRun.count()).toBe(runsBefore + 2);
    const second = await pullResultDirectory(admin, dir.id, [root]);
    expect(second).toMatchObject({ ingested: 0, duplicates: 2 });
    expect(
      (await prisma.resultDirectory.findUniqueOrThrow({ where: { id: dir.id } })).lastResult,
    ).toMatch(/0 ingested, 2 already known, 1 failed/);
    await expect(
      addResultDirectory(admin, { name: "escape", path: outside }, [root]),
    ).rejects.toThrow(/outside/);
  });

  it("authorizes: only an admin configures, writers pull, an auditor does neither", async () => {
    const [admin, engineer, auditor] = [
      await makeUser("admin"),
      await makeUser("engineer"),
      await makeUser("auditor"),
    ];
    const prisma = await db();
    const dirPath = path.join(root, "authz");
    mkdirSync(dirPath);
    copyFileSync(path.join(FIXTURES, "ctrf/minimal.json"), path.join(dirPath, "a.json"));
    const count = await prisma.resultDirectory.count();
    await expect(
      addResultDirectory(engineer, { name: "authz", path: dirPath }, [root]),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(
      addResultDirectory(null, { name: "authz", path: dirPath }, [root]),
    ).rejects.toMatchObject({ code: "unauthenticated" });
    expect(await prisma.resultDirectory.count()).toBe(count);
    const dir = await addResultDirectory(admin, { name: "authz", path: dirPath }, [root]);
    await expect(
      addResultDirectory(admin, { name: "again", path: dirPath }, [root]),
    ).rejects.toMatchObject({ code: "conflict" });
    await expect(pullResultDirectory(auditor, dir.id, [root])).rejects.toMatchObject({
      code: "forbidden",
    });
    expect(
      (await prisma.resultDirectory.findUniqueOrThrow({ where: { id: dir.id } })).lastPulledAt,
    ).toBeNull();
    expect(await pullResultDirectory(engineer, dir.id, [root])).toMatchObject({
      files: 1,
      failed: [],
    });
    await expect(
      pullResultDirectory(engineer, "00000000-0000-4000-8000-000000000000", [root]),
    ).rejects.toMatchObject({ code: "not_found" });
    // The schedule pulls every directory as the server itself.
    await expect(pullAllResultDirectories(auditor, [root])).rejects.toMatchObject({
      code: "forbidden",
    });
    await pullAllResultDirectories({ ...SYSTEM_ACTOR, email: "scheduler" }, [root]);
    expect(
      await prisma.activity.count({
        where: { action: "result_dir.pull", actorEmail: "scheduler", entityId: dir.id },
      }),
    ).toBe(1);
  });
});
