"use server";
// Using an invitation or password reset link. The visitor has no session: the token in the link
// is the credential, so this is a plain server action (like sign-in), answering in the same shapes.
import { redirect } from "next/navigation";
import { redeemCredentialLink } from "@/lib/auth/invitations";
import { settleError } from "@/lib/http/boundary";
import { redeemLinkSchema } from "@/lib/users/schemas";
import {
  failureState,
  fieldWithNul,
  formObject,
  invalidFormState,
  type ActionState,
} from "./safe-action";
import { invalid } from "@/lib/errors";

export async function redeemLinkAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const nul = fieldWithNul(form);
  if (nul !== null)
    return failureState(invalid("This field contains a NUL character; remove it.", nul), form);
  const parsed = redeemLinkSchema.safeParse(formObject(form));
  if (!parsed.success) return invalidFormState(parsed.error, form);
  try {
    await redeemCredentialLink(parsed.data.token, parsed.data.password);
  } catch (err) {
    return failureState(await settleError(err, null, "credential link"), form);
  }
  redirect("/login?reason=password-set");
}
