// Every connection is saved under a name of its own choosing (the lists show it, and it must be
// unique); the field is the same in each add form.
import { Field } from "@/components/ui/form";
import type { ActionState } from "@/lib/actions/safe-action";

export function ConnectionNameField({ id, state }: { id: string; state: ActionState }) {
  return (
    <Field
      id={id}
      label="Name"
      name="name"
      required
      values={state.values}
      errors={state.errors?.name}
    />
  );
}
