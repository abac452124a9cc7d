import { describe, expect, it } from "vitest";
import { sanitizeText } from "../../src/core/text/sanitizeText.js";

const RLO = "\u202e";
const LRE = "\u202a";
const PDF = "\u202c";
const RLI = "\u2067";
const PDI = "\u2069";

describe("sanitizeText", () => {
  it("drops terminal escapes, bells, NULs, DEL and C1 controls, keeping line breaks and tabs", () => {
    expect(sanitizeText("\u001b[31mred\u001b[0m\u0007 and\u0000 null\u007f\u0085\u009b2J")).toBe(
      "[31mred[0m and null2J",
    );
    expect(sanitizeText("one\r\ntwo\rthree\n\tfour")).toBe("one\ntwo\nthree\n\tfour");
  });

  it("keeps ordinary text, emoji and right-to-left scripts as written", () => {
    const text = "Café 📚 — שלום עולם, مرحبا\n\tindented";
    expect(sanitizeText(text)).toBe(text);
  });

  it("drops an override or isolate that is never closed, so it cannot reach past the text", () => {
    expect(sanitizeText(`nice ${RLO}txt.exe`)).toBe("nice txt.exe");
    expect(sanitizeText(`a${RLI}b`)).toBe("ab");
    expect(sanitizeText(`a${LRE}b${RLO}c${PDF}`)).toBe(`ab${RLO}c${PDF}`);
  });

  it("drops a closer that closes nothing, and keeps balanced pairs", () => {
    expect(sanitizeText(`x${PDF}y${PDI}`)).toBe("xy");
    expect(sanitizeText(`${RLO}abc${PDF} ${RLI}def${PDI}`)).toBe(`${RLO}abc${PDF} ${RLI}def${PDI}`);
    expect(sanitizeText(`${RLI}${RLO}a${PDI}${PDF}`)).toBe(`${RLO}a${PDF}`);
  });

  it("balances each line on its own: a line break ends every override", () => {
    expect(sanitizeText(`${RLO}first\nsecond${PDF}`)).toBe("first\nsecond");
  });
});
