import { env } from "@/lib/env";

/** The zone configured for a result source (TRUSTBOARD_RESULTS_TIME_ZONES), else UTC. */
export function sourceTimeZone(source: string | null | undefined): string {
  const zones: Record<string, string | undefined> = env().TRUSTBOARD_RESULTS_TIME_ZONES;
  return (source ? zones[source] : undefined) ?? "UTC";
}
