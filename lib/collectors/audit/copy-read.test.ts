import { describe, expect, it } from "vitest";
import { newPulledTally, takeLine, unescapeCopy } from "./copy-read";

/** Takes each line of `text` as copyRows does; returns Trustboard's rows. */
function take(text: string, table = "t") {
  const tally = newPulledTally();
  const rows: string[] = [];
  let start = 0;
  for (let nl = text.indexOf("\n"); nl >= 0; nl = text.indexOf("\n", start)) {
    rows.push(text.slice(takeLine(tally, text, start, nl, table), nl));
    start = nl + 1;
  }
  return { tally, rows };
}

describe("a pulled COPY line", () => {
  it("is passed on without its cursor, counted per day and action", () => {
    const { tally, rows } = take(
      "41\t2026-03-01T11:59:58.765Z\tlogin\ta@x.io\t\\N\t\\N\t\\N\t\\N\n" +
        "42\t2026-03-01T10:00:00.000Z\tlogin\tb\\tc\t\\N\t\\N\t\\N\t\\N\n" +
        "43\t2026-03-02T00:00:00.000Z\tkey\\\\x\t\\N\t\\N\t\\N\t\\N\t\\N\n",
    );
    expect(tally.rows).toBe(3);
    expect(rows[1]).toBe("2026-03-01T10:00:00.000Z\tlogin\tb\\tc\t\\N\t\\N\t\\N\t\\N");
    // The day's latest event, whichever order the rows came in (the cursor need not be time).
    expect([...tally.daily.values()]).toEqual([
      {
        day: "2026-03-01",
        action: "login",
        n: 2,
        lastOfDay: ((11 * 60 + 59) * 60 + 58) * 1000 + 765,
      },
      { day: "2026-03-02", action: "key\\x", n: 1, lastOfDay: 0 },
    ]);
  });

  it("without a time or an action fails naming the row", () => {
    expect(() => take("7\t\\N\tlogin\t\\N\t\\N\t\\N\t\\N\t\\N\n", "app.log")).toThrow(
      "app.log row 7: no valid time (none, or outside the years 1970 to 9999).",
    );
    expect(() =>
      take("8\t2026-03-01T10:00:00.000Z\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\n", "app.log"),
    ).toThrow("app.log row 8: no action.");
    // An action that merely starts with \N is an action.
    expect(take("9\t2026-03-01T10:00:00.000Z\t\\Nx\t\\N\t\\N\t\\N\t\\N\t\\N\n").tally.rows).toBe(1);
  });

  it("with too few fields is refused, not read past its end", () => {
    expect(() => take("10\t2026-03-01T10:00:00.000Z\n11\tx\ty\tz\n")).toThrow(
      "t: unreadable row from COPY.",
    );
  });

  it("unescapes what COPY TO escapes", () => {
    expect(unescapeCopy("a\\tb\\nc\\\\d\\re")).toBe("a\tb\nc\\d\re");
    expect(unescapeCopy("plain")).toBe("plain");
  });
});
