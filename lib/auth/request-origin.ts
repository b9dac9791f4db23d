// The relying party (origin and host) of the request a server action runs in.
import "server-only";
import { headers } from "next/headers";
import { relyingPartyFrom, type RelyingParty } from "./passkeys";

export async function requestRelyingParty(): Promise<RelyingParty> {
  try {
    return relyingPartyFrom(await headers());
  } catch {
    // Outside a request (a test calling the action directly): the local default.
    return relyingPartyFrom(null);
  }
}
