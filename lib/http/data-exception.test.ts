import { describe, expect, it } from "vitest";
import { dataExceptionAsInvalid } from "./data-exception";

describe("database data exceptions are bad input", () => {
  it("recognises Prisma's value errors and SQLSTATE class 22 through the driver adapter", () => {
    expect(dataExceptionAsInvalid({ code: "P2020" })?.code).toBe("invalid");
    expect(
      dataExceptionAsInvalid({
        code: "P2010",
        meta: { driverAdapterError: { cause: { kind: "postgres", code: "22021" } } },
      })?.code,
    ).toBe("invalid");
    expect(dataExceptionAsInvalid({ cause: { originalCode: "22P05" } })?.code).toBe("invalid");
  });

  it("leaves every other failure a server error", () => {
    expect(dataExceptionAsInvalid(new Error("boom"))).toBeNull();
    expect(dataExceptionAsInvalid({ code: "P2002" })).toBeNull();
    expect(dataExceptionAsInvalid({ cause: { code: "23505" } })).toBeNull();
    expect(dataExceptionAsInvalid("22003")).toBeNull();
  });
});
