import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkTableMarkdown } from "./check-table";

describe("the README's posture check table", () => {
  it("is the table generated from check-table.ts", () => {
    const readme = readFileSync(path.resolve(import.meta.dirname, "../../../README.md"), "utf8");
    const between = readme
      .split("<!-- posture-checks:start -->")[1]
      ?.split("<!-- posture-checks:end -->")[0];
    const dedented = (between ?? "")
      .split("\n")
      .map((l) => l.replace(/^ {2}/, ""))
      .join("\n")
      .trim();
    expect(dedented).toBe(checkTableMarkdown());
  });
});
