"use server";
import { createUser, setUserActive, updateUserAccess } from "@/lib/users/users";
import { newUserSchema, setActiveSchema, updateUserSchema } from "@/lib/users/schemas";
import { defineAction } from "./safe-action";

export const addUserAction = defineAction({
  capability: "users.manage",
  schema: newUserSchema,
  revalidate: ["/settings"],
  async run(input, user) {
    await createUser(user, input);
    return `Added ${input.email}.`;
  },
});

export const changeAccessAction = defineAction({
  capability: "users.manage",
  schema: updateUserSchema,
  revalidate: ["/settings"],
  async run(input, user) {
    await updateUserAccess(user, input);
    return "Access updated.";
  },
});

export const setActiveAction = defineAction({
  capability: "users.manage",
  schema: setActiveSchema,
  revalidate: ["/settings"],
  async run(input, user) {
    await setUserActive(user, input.id, input.active);
    return input.active ? "Account reactivated." : "Account deactivated.";
  },
});
