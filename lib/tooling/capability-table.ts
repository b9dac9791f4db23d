// `npx tsx lib/tooling/capability-table.ts`: prints the README's roles table (the section between
// <!-- capabilities:start --> and <!-- capabilities:end -->), generated from lib/auth/capabilities.ts.
import { capabilityTableMarkdown } from "../auth/capability-table-markdown";

console.log(capabilityTableMarkdown());
