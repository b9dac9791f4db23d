"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { ADMINS } from "@/lib/auth/guard";
import { createUser, setUserActive, updateUserAccess } from "@/lib/users/users";
import { newUserSchema, updateUserSchema } from "@/lib/users/schemas";
import { safeAction, type ActionState } from "./safe-action";

const addUser = safeAction({
  roles: ADMINS,
  schema: newUserSchema,
  what: "add users",
  async run(input, user) {
    await createUser(user, input);
    revalidatePath("/settings");
    return `Added ${input.email}.`;
  },
});

const changeAccess = safeAction({
  roles: ADMINS,
  schema: updateUserSchema,
  what: "change roles",
  async run(input, user) {
    await updateUserAccess(user, input);
    revalidatePath("/settings");
    return "Access updated.";
  },
});

const toggleActive = safeAction({
  roles: ADMINS,
  schema: z.object({
    id: z.uuid(),
    active: z.enum(["true", "false"]).transform((v) => v === "true"),
  }),
  what: "deactivate users",
  async run(input, user) {
    await setUserActive(user, input.id, input.active);
    revalidatePath("/settings");
    return input.active ? "Account reactivated." : "Account deactivated.";
  },
});

export async function addUserAction(prev: ActionState, form: FormData) {
  return addUser(prev, form);
}
export async function changeAccessAction(prev: ActionState, form: FormData) {
  return changeAccess(prev, form);
}
export async function setActiveAction(prev: ActionState, form: FormData) {
  return toggleActive(prev, form);
}
