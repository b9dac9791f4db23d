"use client";
import { startTransition, type FormEvent } from "react";

/**
 * Submits a form to an action without React's automatic reset, so a chosen file survives a
 * "secrets found — redact or keep?" round trip. The clicked button's name/value is included.
 */
export function keptSubmit(action: (data: FormData) => void, blocked: boolean) {
  return (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (blocked) return;
    const data = new FormData(e.currentTarget, (e.nativeEvent as SubmitEvent).submitter);
    startTransition(() => action(data));
  };
}
