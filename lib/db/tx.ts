import type { Prisma } from "@/lib/generated/prisma/client";

export type Tx = Prisma.TransactionClient;
