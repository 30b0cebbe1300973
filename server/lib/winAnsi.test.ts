import { describe, expect, it } from "vitest";
import { winAnsiText } from "./winAnsi";

describe("text drawn in a PDF's standard font", () => {
  it("keeps Spanish and other Latin-1 letters, typographic quotes, dashes, the ellipsis and the euro", () => {
    const text = "Señora Muñoz, ¿Qué tal? Ærø, Straße, façade — “quoted” ‘single’ – 1…2 € ™ · ½ °";
    expect(winAnsiText(text)).toBe(text);
  });

  it("takes the accents off letters outside the set whose plain letter is in it", () => {
    expect(winAnsiText("Dvořák, Nguyễn, Gdańsk, Şişli, Mihăilă")).toBe("Dvorák, Nguyen, Gdansk, Sisli, Mihaila");
    // A letter written as its base letter and a combining accent is the composed letter.
    expect(winAnsiText("Cafe\u0301")).toBe("Café");
    expect(winAnsiText("ﬁnal")).toBe("final");
  });

  it("writes what it cannot draw as a question mark, never as another letter", () => {
    expect(winAnsiText("Łódź")).toBe("?ódz");
    expect(winAnsiText("北京 task force 🙂")).toBe("?? task force ?");
  });

  it("makes other spaces plain spaces, keeps line breaks and drops invisible characters", () => {
    expect(winAnsiText("3:04\u202FPM\tnext")).toBe("3:04 PM next");
    expect(winAnsiText("one\ntwo")).toBe("one\ntwo");
    expect(winAnsiText("zero\u200Bwidth\uFEFF\u0007")).toBe("zerowidth");
    // An accent with no letter to sit on draws nothing either.
    expect(winAnsiText("\u0301note")).toBe("note");
  });
});
