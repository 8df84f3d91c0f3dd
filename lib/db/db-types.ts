import type { Prisma, PrismaClient } from "./generated/client.ts";

/** Either the client or an interactive transaction: functions that write take this. */
export type Db = PrismaClient | Prisma.TransactionClient;
export type { Prisma, PrismaClient };
