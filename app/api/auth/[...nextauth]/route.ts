import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth";
import { withHeaderOrigin } from "@/lib/auth/auth-request-url";

// Same origin for the callback as for the sign-in that started it (see auth-request-url.ts).
export const GET = (request: NextRequest) => handlers.GET(withHeaderOrigin(request));
export const POST = (request: NextRequest) => handlers.POST(withHeaderOrigin(request));
