// The backlog page's charts replay a year of transitions; they are kept until the backlog's data
// version moves (any write to its tables) or the day turns, and are the same as computed afresh.
import { describe, expect, it } from "vitest";
import { makeUser } from "@/lib/testing/fixtures";
import { backlogCharts } from "./backlog-queries";
import { createBacklogItem } from "./backlog-writes";
import { backlogSchema } from "./schemas";

describe("the backlog charts", () => {
  it("are kept until the backlog changes, and equal the charts computed afresh", async () => {
    const admin = await makeUser("admin");
    const first = await backlogCharts(admin);
    // Nothing changed: the same charts, not computed again.
    expect(await backlogCharts(admin)).toBe(first);

    await createBacklogItem(
      admin,
      backlogSchema.parse({ title: `Charts ${Date.now()}`, priority: "P2" }),
    );
    const after = await backlogCharts(admin);
    expect(after).not.toBe(first);
    expect(after.burndown.at(-1)!.open).toBe(first.burndown.at(-1)!.open + 1);
    expect(after.openByPriority.find((p) => p.priority === "P2")!.open).toBe(
      first.openByPriority.find((p) => p.priority === "P2")!.open + 1,
    );
    // With a clock given, computed afresh: the same figures.
    expect(await backlogCharts(admin, 90, new Date())).toEqual(after);
    // Another span is other charts.
    expect((await backlogCharts(admin, 7)).burndown).toHaveLength(7);
  });
});
