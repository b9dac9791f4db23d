import { sessionRoute } from "@/lib/http/api-route";
import { packageProgress } from "@/lib/package/build-package";

// GET /api/packages/progress: the package being built by this server ({"progress": null} when
// none). Polled with fetch while the create action runs: server actions from one page run one
// after another, so a second action could not report progress during the first.
export const GET = sessionRoute("package.create", async (_req, user) =>
  Response.json({ progress: packageProgress(user) }, { headers: { "Cache-Control": "no-store" } }),
);
