import { describe, expect, it } from "vitest";
import { makeControl, makeUser } from "@/lib/testing/fixtures";
import { listControlOptions, listControls, setControlArchived } from "./controls";

describe("listControlOptions", () => {
  it("offers the active controls by ref, as listControls lists them, and no archived one", async () => {
    const admin = await makeUser("admin");
    const auditor = await makeUser("auditor");
    const b = await makeControl(admin, { title: "Second", criteria: ["CC6.1"] });
    const a = await makeControl(admin, { title: "First", criteria: ["CC6.1"] });
    const gone = await makeControl(admin, { title: "Archived", criteria: ["CC6.1"] });
    await setControlArchived(admin, gone.id, true);
    const options = await listControlOptions(auditor);
    expect(options.map((o) => o.id)).toEqual((await listControls(auditor)).map((c) => c.id));
    expect(options).toEqual(
      expect.arrayContaining([
        { id: a.id, ref: a.ref, title: "First" },
        { id: b.id, ref: b.ref, title: "Second" },
      ]),
    );
    expect(options.some((o) => o.id === gone.id)).toBe(false);
    expect(options.map((o) => o.ref)).toEqual([...options.map((o) => o.ref)].sort());
    await expect(listControlOptions(null)).rejects.toThrow();
  });
});
