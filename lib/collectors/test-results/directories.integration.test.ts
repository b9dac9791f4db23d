import { copyFileSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { makeUser } from "@/lib/testing/fixtures";
import { addResultDirectory, allowedDirectory, pullResultDirectory } from "./directories";

const FIXTURES = path.resolve(__dirname, "../../../../shared/fixtures/test-results");
const root = mkdtempSync(path.join(os.tmpdir(), "tb-results-root-"));
const outside = mkdtempSync(path.join(os.tmpdir(), "tb-results-outside-"));

describe("pulling result files from a server directory", () => {
  it("accepts directories inside a root and refuses escapes by .. or symlink", () => {
    const inside = path.join(root, "ci");
    mkdirSync(inside);
    expect(allowedDirectory(inside, [root])).toBe(path.join(root, "ci"));
    expect(() => allowedDirectory(path.join(root, "ci", "..", ".."), [root])).toThrow(/outside the allowed result roots/);
    symlinkSync(outside, path.join(root, "sneaky"));
    expect(() => allowedDirectory(path.join(root, "sneaky"), [root])).toThrow(/outside the allowed result roots/);
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
    const dir = await addResultDirectory(prisma, admin, { name: "nightly", path: dirPath }, [root]);
    const runsBefore = await prisma.testRun.count();
    const first = await pullResultDirectory(prisma, admin, dir.id, [root]);
    expect(first).toMatchObject({ files: 3, ingested: 2, duplicates: 0 });
    expect(first.failed).toEqual([{ file: "c-corrupt.xml", error: expect.stringMatching(/Not well-formed XML/) }]);
    expect(await prisma.testRun.count()).toBe(runsBefore + 2);
    const second = await pullResultDirectory(prisma, admin, dir.id, [root]);
    expect(second).toMatchObject({ ingested: 0, duplicates: 2 });
    expect((await prisma.resultDirectory.findUniqueOrThrow({ where: { id: dir.id } })).lastResult).toMatch(/0 ingested, 2 already known, 1 failed/);
    await expect(addResultDirectory(prisma, admin, { name: "escape", path: outside }, [root])).rejects.toThrow(/outside/);
  });
});
