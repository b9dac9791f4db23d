import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  CAPABILITIES,
  ROLE_CAPABILITIES,
  TOKEN_SCOPES,
  TOKEN_SCOPE_CAPABILITIES,
} from "./capabilities";
import {
  CAPABILITIES_END,
  CAPABILITIES_START,
  capabilityTableMarkdown,
  readmeCapabilitySection,
} from "./capability-table-markdown";

describe("the README's roles table", () => {
  it("is the table generated from lib/auth/capabilities.ts (npx tsx lib/tooling/capability-table.ts)", () => {
    const readme = readFileSync(path.resolve(import.meta.dirname, "../../README.md"), "utf8");
    const section = readmeCapabilitySection(readme);
    expect(section, `README.md needs ${CAPABILITIES_START} … ${CAPABILITIES_END}`).not.toBeNull();
    expect(section).toBe(capabilityTableMarkdown());
  });

  it("has one row per capability, with a mark exactly where a role or scope holds it", () => {
    const rows = capabilityTableMarkdown().split("\n").slice(2);
    expect(rows).toHaveLength(CAPABILITIES.length);
    for (const [i, c] of CAPABILITIES.entries()) {
      const cells = rows[i]!.split("|")
        .slice(1, -1)
        .map((s) => s.trim());
      expect(cells[0]).toBe(`\`${c}\``);
      expect(cells.slice(2)).toEqual([
        ROLE_CAPABILITIES.admin.includes(c) ? "✓" : "",
        ROLE_CAPABILITIES.engineer.includes(c) ? "✓" : "",
        ROLE_CAPABILITIES.auditor.includes(c) ? "✓" : "",
        ...TOKEN_SCOPES.map((s) => (TOKEN_SCOPE_CAPABILITIES[s].includes(c) ? "✓" : "")),
      ]);
    }
  });
});
