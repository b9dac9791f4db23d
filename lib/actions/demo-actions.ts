"use server";
import { loadDemo } from "@/lib/demo/load-demo";
import { loadDemoSchema } from "@/lib/demo/schemas";
import { defineAction } from "./safe-action";

export const loadDemoAction = defineAction({
  capability: "demo.load",
  schema: loadDemoSchema,
  async run(_input, user) {
    const r = await loadDemo(user);
    return {
      message: `Demo loaded: ${r.controls} controls, ${r.evidence} evidence items, ${r.testRuns} test runs, ${r.auditEvents} audit events, ${r.phases} phases and ${r.backlogItems} backlog items in the audit period ${r.period.start} – ${r.period.end}.`,
      data: { accounts: r.accounts },
    };
  },
});
