"use server";
import { defineAction } from "./safe-action";
import { createPackageSchema } from "@/lib/package/schemas";
import { createStoredPackage } from "@/lib/package/stored-packages";

export const createPackageAction = defineAction({
  capability: "package.create",
  schema: createPackageSchema,
  revalidate: ["/settings"],
  async run(input, user) {
    const p = await createStoredPackage(user, input);
    const mb = (p.size / 1_048_576).toFixed(1);
    return `Package for ${p.period.from} to ${p.period.to} created: ${p.files} files, ${mb} MB.`;
  },
});
