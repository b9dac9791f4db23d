import { describe, expect, it } from "vitest";
import { evidencePaths, safeSegment } from "./layout";
import { packageTables } from "./tables";
import { samplePackageData } from "./sample-data.test-helper";

describe("package layout", () => {
  it("keeps original names, safe for any file system", () => {
    expect(safeSegment("Q1 review.pdf")).toBe("Q1 review.pdf");
    expect(safeSegment("../../etc/passwd")).toBe("__.._etc_passwd");
    expect(safeSegment("a:b*c?.txt")).toBe("a_b_c_.txt");
    expect(safeSegment("")).toBe("_");
  });

  it("puts evidence under its first control and keeps two files of one name", () => {
    const rev = (fileName: string) => ({ fileName, number: 1 });
    const paths = evidencePaths([
      { id: "aaaaaaaa-1", controls: ["CTL-002", "CTL-001"], revision: rev("policy.pdf") },
      { id: "bbbbbbbb-2", controls: ["CTL-002"], revision: rev("Policy.pdf") },
      { id: "cccccccc-3", controls: [], revision: rev("x.txt") },
      { id: "dddddddd-4", controls: ["CTL-001"], revision: null },
    ]);
    expect([...paths.values()]).toEqual([
      "evidence/CTL-002/policy.pdf",
      "evidence/CTL-002/bbbbbbbb-r1-Policy.pdf",
      "evidence/unlinked/x.txt",
    ]);
  });

  it("tables guard spreadsheet formulas like the other exports", () => {
    const data = samplePackageData();
    data.controls[0]!.title = '=HYPERLINK("http://x")';
    const controls = packageTables(data).find(([n]) => n === "tables/controls.csv")![1];
    expect(controls).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(packageTables(data).map(([n]) => n)).toHaveLength(9);
  });
});
