import { describe, expect, it } from "vitest";
import { isPlausiblePhone, maskPhone, phoneForInput } from "./phone-input.js";

describe("phone input helpers", () => {
  it("masks a Brazilian number as it is typed", () => {
    expect(maskPhone("11")).toBe("11");
    expect(maskPhone("1133334444")).toBe("(11) 3333-4444");
    expect(maskPhone("11987654321")).toBe("(11) 98765-4321");
    expect(maskPhone("+1 415 555 2671")).toBe("+1 415 555 2671");
  });

  it("shows a stored E.164 number the way the form masks it", () => {
    expect(phoneForInput("+5511987654321")).toBe("(11) 98765-4321");
    expect(phoneForInput("+14155552671")).toBe("+14155552671");
    expect(phoneForInput(null)).toBe("");
  });

  it("calls a number plausible once it has an area code and a local number", () => {
    expect(isPlausiblePhone("(11) 3333-4444")).toBe(true);
    expect(isPlausiblePhone("3333-4444")).toBe(false);
  });
});
