import "server-only";
import { authorize } from "@/lib/auth/authorize";
import type { Actor } from "@/lib/auth/actor";
import { cache } from "react";
import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/types";
import { computeWorkspaceStatus, recordSnapshots, type WorkspaceStatus } from "./compute";

const computeOnce = cache(async (): Promise<WorkspaceStatus> => {
  const prisma = await db();
  const status = await computeWorkspaceStatus(prisma);
  await recordSnapshots(prisma, status);
  return status;
});

/** Computed status of every control and criterion, once per request; refreshes today's snapshot. */
export async function workspaceStatus(actor: Actor | null): Promise<WorkspaceStatus> {
  authorize(actor, "workspace.read");
  return computeOnce();
}
