import { describe, expect, it } from "vitest";
import { addLine, unescapeCopy, type CopyBatch } from "./copy-read";

const empty = (): CopyBatch => ({ text: "", rows: 0, last: null, daily: new Map() });

describe("a pulled COPY line", () => {
  it("is passed on without its cursor, counted per day and action", () => {
    const b = empty();
    addLine(b, "41\t2026-03-01T10:00:00.000Z\tlogin\ta@x.io\t\\N\t\\N\t\\N\t\\N", "t");
    addLine(b, "42\t2026-03-01T11:00:00.000Z\tlogin\tb\\tc\t\\N\t\\N\t\\N\t\\N", "t");
    addLine(b, "43\t2026-03-02T00:00:00.000Z\tkey\\\\x\t\\N\t\\N\t\\N\t\\N\t\\N", "t");
    expect(b.rows).toBe(3);
    expect(b.last).toBe("43");
    expect(b.text.split("\n")[1]).toBe(
      "2026-03-01T11:00:00.000Z\tlogin\tb\\tc\t\\N\t\\N\t\\N\t\\N",
    );
    expect([...b.daily.values()]).toEqual([
      { day: "2026-03-01", action: "login", n: 2 },
      { day: "2026-03-02", action: "key\\x", n: 1 },
    ]);
  });

  it("without a time or an action fails naming the row", () => {
    expect(() => addLine(empty(), "7\t\\N\tlogin\t\\N\t\\N\t\\N\t\\N\t\\N", "app.log")).toThrow(
      "app.log row 7: no valid time.",
    );
    expect(() =>
      addLine(empty(), "8\t2026-03-01T10:00:00.000Z\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N", "app.log"),
    ).toThrow("app.log row 8: no action.");
  });

  it("unescapes what COPY TO escapes", () => {
    expect(unescapeCopy("a\\tb\\nc\\\\d\\re")).toBe("a\tb\nc\\d\re");
    expect(unescapeCopy("plain")).toBe("plain");
  });
});
