"use server";
import { verifyChain } from "@/lib/activity/list-activity";
import { verifyChainSchema } from "@/lib/activity/schemas";
import { defineAction } from "./safe-action";

export const verifyChainAction = defineAction({
  capability: "activity.read",
  schema: verifyChainSchema,
  // The check is recorded: the log on screen gains its entry.
  revalidate: ["/activity"],
  async run(_input, user) {
    const chain = await verifyChain(user);
    return {
      message: chain.ok
        ? `Chain intact: ${chain.checked} entries verified.`
        : `Chain broken at entry #${chain.brokenAt}: ${chain.reason}.`,
      data: { chain },
    };
  },
});
