import { describe, expect, it } from "vitest";
import { toStorageInputError } from "./to-storage-input-error.ts";

const prismaShaped = (code: string) => ({
  name: "PrismaClientKnownRequestError",
  code: "P2039",
  meta: { driverAdapterError: { name: "DriverAdapterError", cause: { originalCode: code, kind: "postgres" } } },
});

describe("toStorageInputError", () => {
  it("answers values PostgreSQL cannot store with 422 saying what kind, from Prisma's and pg's error shapes", () => {
    expect(toStorageInputError(prismaShaped("22021"))).toMatchObject({ code: "validation_failed", status: 422 });
    expect(toStorageInputError(prismaShaped("22021"))?.message).toMatch(/NUL character/);
    expect(toStorageInputError(prismaShaped("22008"))?.message).toMatch(/date or time is out of range/);
    expect(toStorageInputError(prismaShaped("54000"))?.message).toMatch(/too long to be indexed/);
    expect(toStorageInputError({ code: "22P05" })?.message).toMatch(/unpaired surrogate/);
  });

  it("leaves every other error alone (they stay internal errors)", () => {
    expect(toStorageInputError(prismaShaped("23505"))).toBeNull();
    expect(toStorageInputError(new Error("boom"))).toBeNull();
    expect(toStorageInputError(null)).toBeNull();
    expect(toStorageInputError({ code: "ECONNREFUSED" })).toBeNull();
  });
});
