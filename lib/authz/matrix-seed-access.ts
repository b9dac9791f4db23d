// The matrix's accounts and tokens to act on (never the matrix's actors themselves, whose access
// must not change under the test): users to edit, an open invitation, tokens to revoke and take over.
import { db } from "@/lib/db";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { createUser } from "@/lib/users/users";
import { inviteUser } from "@/lib/auth/invitations";
import { createToken } from "@/lib/collectors/tokens";
import type { SeedTools } from "./matrix-seed-tools";

export async function seedAccessRecords({ admin, day, unique }: SeedTools) {
  const prisma = await db();
  const userEmail = `${unique("matrix-target")}@example.test`;
  await createUser(admin, {
    email: userEmail,
    name: "Matrix target",
    role: "engineer",
    password: "correct horse battery staple",
    expires: null,
  });
  const { id: userId } = await prisma.user.findUniqueOrThrow({ where: { email: userEmail } });

  const credentialEmail = `${unique("matrix-credentials")}@example.test`;
  await createUser(admin, {
    email: credentialEmail,
    name: "Matrix credentials",
    role: "engineer",
    password: "correct horse battery staple",
    expires: null,
  });
  const { id: credentialUserId } = await prisma.user.findUniqueOrThrow({
    where: { email: credentialEmail },
  });
  const invited = await inviteUser(admin, {
    email: `${unique("matrix-invitee")}@example.test`,
    name: "Matrix invitee",
    role: "auditor",
    expires: day(30),
  });
  const invitationToken = invited.link.split("/").at(-1)!;

  const { id: tokenId } = await createToken(admin, {
    name: unique("matrix-revocable"),
    scopes: ["test-results", "audit-events", "findings"],
    expiresAt: null,
  });
  const { id: ownerlessTokenId } = await createToken(CLI_ACTOR, {
    name: unique("matrix-ownerless"),
    scopes: ["findings"],
  });

  return { userId, credentialUserId, invitationToken, tokenId, ownerlessTokenId };
}
