import "server-only";
// Reads and renews the device cookie around a successful sign-in (see devices.ts). Runs inside
// next-auth's authorize(), within the sign-in request, where cookies may be set.
import { cookies } from "next/headers";
import { DEVICE_COOKIE, recognizeDevice } from "./devices";

const YEAR_S = 365 * 24 * 60 * 60;

export async function noteSignInDevice(
  user: { id: string; email: string },
  headers: Headers | null | undefined,
  address: string | null,
): Promise<void> {
  try {
    const jar = await cookies();
    const { deviceId } = await recognizeDevice(user, jar.get(DEVICE_COOKIE)?.value, {
      address,
      browser: headers?.get("user-agent") ?? null,
    });
    jar.set(DEVICE_COOKIE, deviceId, {
      httpOnly: true,
      sameSite: "lax",
      secure: headers?.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https",
      path: "/",
      maxAge: YEAR_S,
    });
  } catch (err) {
    // A notice must never stop a sign-in that already succeeded.
    console.error("[auth] device check failed:", err instanceof Error ? err.message : err);
  }
}
