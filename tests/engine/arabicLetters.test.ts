/**
 * foldArabicLetters: the variants people type interchangeably become one spelling; other scripts
 * pass unchanged.
 */
import { foldArabicLetters } from "../../src/engine/arabicLetters";

describe("foldArabicLetters", () => {
  it("drops marks and tatweel, folds alef forms, ta marbuta and alef maqsura", () => {
    expect(foldArabicLetters("المَبلـغ")).toBe("المبلغ");
    expect(foldArabicLetters("إجمالي أعلى آخر ٱسم")).toBe("اجمالي اعلي اخر اسم");
    expect(foldArabicLetters("نِسْبَة الفوز")).toBe("نسبه الفوز");
    expect(foldArabicLetters("قرآنۖ")).toBe("قران");
  });

  it("leaves Latin text, digits and other letters as they are", () => {
    expect(foldArabicLetters("Deal Stage 2026 é")).toBe("Deal Stage 2026 é");
    expect(foldArabicLetters("ؤئ")).toBe("ؤئ");
  });
});
