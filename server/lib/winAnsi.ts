/*
 * The characters a PDF's standard fonts can draw. Helvetica, built into every PDF reader and so
 * never embedded, is encoded in WinAnsi (Windows-1252): ASCII, Latin-1 (Spanish, French, German,
 * Portuguese…) and a few more such as “ ” ‘ ’ – — … € ™. A character outside it would come out as
 * a wrong glyph, so every string drawn into a PDF passes through winAnsiText first.
 */

/** The characters WinAnsi adds to Latin-1 (its 0x80–0x9F, which Unicode has elsewhere). */
const WIN_ANSI_EXTRAS = new Set("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ");

function drawable(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return char === "\n" || (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRAS.has(char);
}

const COMBINING_MARKS = /\p{M}/gu;
/** Format characters (a zero-width space, a byte order mark): they draw nothing. */
const FORMAT_CHARACTER = /^\p{Cf}$/u;
const CONTROL_CHARACTER = /^\p{Cc}$/u;

/**
 * `text` as Helvetica can draw it: other spaces (the narrow no-break space in "3:04 PM", a tab)
 * become a space; a letter outside the set loses its accents when its plain letter is in it ("ő"
 * is "o", "ﬁ" is "fi"); invisible characters are dropped; whatever is left becomes "?" (an "ł",
 * Chinese, an emoji). So a name is never silently misspelt in other letters, only simplified.
 */
export function winAnsiText(text: string): string {
  let drawn = "";
  for (const char of text.normalize("NFC")) {
    if (drawable(char)) drawn += char;
    else if (FORMAT_CHARACTER.test(char)) continue;
    else if (/\s/.test(char)) drawn += " ";
    else if (CONTROL_CHARACTER.test(char)) continue;
    else {
      const plain = char.normalize("NFKD").replace(COMBINING_MARKS, "");
      drawn += [...plain].every(drawable) ? plain : "?";
    }
  }
  return drawn;
}
