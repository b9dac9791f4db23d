import { describe, expect, it } from "vitest";
import { databaseErrorForClient } from "./data-exception";

describe("database data exceptions are bad input", () => {
  it("recognises Prisma's value errors and SQLSTATE class 22 through the driver adapter", () => {
    expect(databaseErrorForClient({ code: "P2020" })?.code).toBe("invalid");
    expect(
      databaseErrorForClient({
        code: "P2010",
        meta: { driverAdapterError: { cause: { kind: "postgres", code: "22021" } } },
      })?.code,
    ).toBe("invalid");
    expect(databaseErrorForClient({ cause: { originalCode: "22P05" } })?.code).toBe("invalid");
  });

  it("makes a deadlock or serialization failure a conflict to retry", () => {
    expect(databaseErrorForClient({ code: "40P01" })?.code).toBe("conflict");
    expect(databaseErrorForClient({ cause: { code: "40001" } })?.code).toBe("conflict");
    expect(
      databaseErrorForClient({
        code: "P2010",
        meta: { driverAdapterError: { cause: { kind: "postgres", code: "40P01" } } },
      })?.message,
    ).toMatch(/nothing of this one was saved\. Try again\./);
  });

  it("leaves every other failure a server error", () => {
    expect(databaseErrorForClient(new Error("boom"))).toBeNull();
    expect(databaseErrorForClient({ code: "P2002" })).toBeNull();
    expect(databaseErrorForClient({ cause: { code: "23505" } })).toBeNull();
    expect(databaseErrorForClient("22003")).toBeNull();
    expect(databaseErrorForClient({ code: "40P02" })).toBeNull();
  });
});
