import { z } from "zod";

/** The demo button submits no fields. */
export const loadDemoSchema = z.object({});
