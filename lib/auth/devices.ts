import "server-only";
// "A new sign-in from a new device": each browser gets a random device cookie (stored hashed per
// account). A successful sign-in from a browser the account has not used before is recorded, and
// e-mailed to the account's owner when SMTP is configured — except the very first one, which
// every account has.
import { createHash, randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { recordActivity, type ActivityActor } from "@/lib/activity/record";
import { deliver } from "@/lib/mail/deliver";
import { newDeviceMail } from "@/lib/mail/messages";
import { mailEnabled, type MailResult } from "@/lib/mail/mailer";
import { cutText } from "@/lib/validation/storable";

export const DEVICE_COOKIE = "tb_device";
const DEVICE_SHAPE = /^[A-Za-z0-9_-]{43}$/;

const hashDevice = (id: string) => createHash("sha256").update(id, "utf8").digest("hex");

export interface DeviceOutcome {
  /** The cookie value to (re)set: the browser's own when well-formed, else a new one. */
  deviceId: string;
  isNew: boolean;
  /** The e-mail to the owner, when one was due; not awaited by sign-in. */
  mail: Promise<MailResult> | null;
}

export async function recognizeDevice(
  user: ActivityActor & { id: string },
  presented: string | null | undefined,
  meta: { address: string | null; browser: string | null },
  now = new Date(),
): Promise<DeviceOutcome> {
  const deviceId =
    presented && DEVICE_SHAPE.test(presented) ? presented : randomBytes(32).toString("base64url");
  const deviceHash = hashDevice(deviceId);
  const prisma = await db();
  const known = await prisma.knownDevice.findUnique({
    where: { userId_deviceHash: { userId: user.id, deviceHash } },
    select: { id: true },
  });
  if (known) {
    await prisma.knownDevice.update({ where: { id: known.id }, data: { lastSeenAt: now } });
    return { deviceId, isNew: false, mail: null };
  }
  const browser = meta.browser == null ? null : cutText(meta.browser, 200);
  const earlier = await prisma.$transaction(async (tx) => {
    const count = await tx.knownDevice.count({ where: { userId: user.id } });
    await tx.knownDevice.upsert({
      where: { userId_deviceHash: { userId: user.id, deviceHash } },
      create: { userId: user.id, deviceHash, createdAt: now, lastSeenAt: now },
      update: { lastSeenAt: now },
    });
    if (count > 0)
      await recordActivity(tx, user, {
        action: "auth.new_device",
        entityType: "user",
        entityId: user.id,
        summary: `${user.email} signed in from a new browser (${browser ?? "unknown"}) at ${meta.address ?? "an unknown address"}`,
      });
    return count;
  });
  const mail =
    earlier > 0 && mailEnabled()
      ? deliver(
          user,
          { kind: "new sign-in notice", userId: user.id },
          newDeviceMail({ to: user.email, at: now, ...meta, browser }),
        ).catch((): MailResult => ({ status: "failed", code: "ERROR" }))
      : null;
  return { deviceId, isNew: true, mail };
}
