import type { UserRow } from "@/lib/users/users";
import { auditorAccessOpen, lastAccessDay } from "@/lib/auth/access";
import { isoDay } from "@/lib/dates";
import { UserAccessForm, UserActiveToggle } from "./user-row-controls";
import { EndSessionsButton, IssueLinkButton } from "./user-session-controls";

export function UsersTable({
  users,
  selfId,
  invitations,
}: {
  users: UserRow[];
  selfId: string;
  /** Open invitations by account id, with their expiry. */
  invitations: Map<string, { expiresAt: Date; expired: boolean }>;
}) {
  const now = new Date();
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
      <table className="w-full text-left text-sm" data-testid="users-table">
        <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
          <tr>
            <th scope="col" className="px-4 py-2">
              User
            </th>
            <th scope="col" className="px-4 py-2">
              State
            </th>
            <th scope="col" className="px-4 py-2">
              Role and access
            </th>
            <th scope="col" className="px-4 py-2">
              <span className="sr-only">Credentials, sessions and activation</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => {
            const expired = !auditorAccessOpen(u, now);
            const locked = u.lockedUntil && u.lockedUntil > now;
            const invitation = invitations.get(u.id);
            return (
              <tr
                key={u.id}
                className="border-b border-slate-100 align-top last:border-0"
                data-testid="user-row"
                data-email={u.email}
              >
                <td className="px-4 py-2">
                  <p className="font-medium">{u.name}</p>
                  <p className="text-slate-600">{u.email}</p>
                </td>
                <td className="px-4 py-2 text-xs">
                  <span data-testid="user-state">
                    {!u.active
                      ? "Deactivated"
                      : expired
                        ? "Access expired"
                        : u.awaitingInvitation
                          ? invitation && !invitation.expired
                            ? `Invited (link valid until ${isoDay(invitation.expiresAt)})`
                            : "Invitation expired"
                          : locked
                            ? "Locked"
                            : "Active"}
                  </span>
                  {u.lastLoginAt && (
                    <p className="text-slate-500">Last sign-in {isoDay(u.lastLoginAt)}</p>
                  )}
                </td>
                <td className="px-4 py-2">
                  <UserAccessForm
                    id={u.id}
                    role={u.role}
                    lastDay={u.accessExpiresAt ? lastAccessDay(u.accessExpiresAt) : null}
                  />
                </td>
                <td className="flex flex-col items-start gap-2 px-4 py-2">
                  {u.active && (
                    <IssueLinkButton id={u.id} email={u.email} invitation={u.awaitingInvitation} />
                  )}
                  {u.active && !u.awaitingInvitation && (
                    <EndSessionsButton id={u.id} email={u.email} />
                  )}
                  {u.id !== selfId && (
                    <UserActiveToggle id={u.id} email={u.email} active={u.active} />
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
