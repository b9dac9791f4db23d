"use client";
import { useActionState, useEffect, useState } from "react";
import { createPackageAction } from "@/lib/actions/package-actions";
import { Field, FormStatus, SubmitButton } from "@/components/ui/form";
import { ProgressBar } from "@/components/ui/progress-bar";

interface Progress {
  step: string;
  done: number;
  total: number;
}

/** Creates a package of a period; while it builds, polls the server for the step it is on. */
export function CreatePackageForm({ from, to }: { from: string; to: string }) {
  const [state, action, pending] = useActionState(createPackageAction, {});
  const [progress, setProgress] = useState<Progress | null>(null);
  useEffect(() => {
    if (!pending) return;
    const timer = setInterval(async () => {
      const res = await fetch("/api/packages/progress", { cache: "no-store" }).catch(() => null);
      if (res?.ok) setProgress(((await res.json()) as { progress: Progress | null }).progress);
    }, 500);
    return () => {
      clearInterval(timer);
      setProgress(null);
    };
  }, [pending]);
  return (
    <form action={action} className="flex flex-col gap-3" data-testid="package-form">
      <div className="flex flex-wrap items-end gap-4">
        <Field
          label="From"
          name="from"
          type="date"
          defaultValue={state.values?.from ?? from}
          errors={state.errors?.from}
        />
        <Field
          label="To"
          name="to"
          type="date"
          defaultValue={state.values?.to ?? to}
          errors={state.errors?.to}
        />
        <SubmitButton pending={pending}>Create package</SubmitButton>
      </div>
      {pending && (
        <div aria-live="polite" className="max-w-md">
          <ProgressBar
            label={progress ? `Building: ${progress.step}` : "Starting…"}
            done={progress?.done ?? 0}
            total={progress?.total ?? 0}
            testId="package-progress"
          />
        </div>
      )}
      <FormStatus state={state} testId="package-status" />
    </form>
  );
}
