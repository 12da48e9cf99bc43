// Text folding for matching. Word lists match regardless of case and full/half width, and
// across spaces or zero-width characters slipped between the characters of a word ("机 密",
// "机\u200b密"). Folding keeps a map back to the original offsets, so a hit highlights exactly
// the characters the author typed.

/** Full-width ASCII (！ to ～) → ASCII, ideographic space → space, A–Z → a–z; one unit in, one out. */
export function foldUnit(code: number): number {
  if (code >= 0xff01 && code <= 0xff5e) code -= 0xfee0;
  else if (code === 0x3000) code = 0x20;
  if (code >= 0x41 && code <= 0x5a) code += 0x20;
  return code;
}

/** Characters skipped when matching words: whitespace and invisible joiners/marks. */
export function isIgnorable(code: number): boolean {
  return (
    code === 0x20 ||
    code === 0x09 ||
    code === 0x0a ||
    code === 0x0d ||
    code === 0xa0 ||
    code === 0x3000 ||
    code === 0x200b ||
    code === 0x200c ||
    code === 0x200d ||
    code === 0x2060 ||
    code === 0xfeff ||
    code === 0x00ad
  );
}

export interface FoldedText {
  /** The folded text, ignorable characters removed. */
  text: string;
  /** origin[i] = offset in the original text of folded character i. */
  origin: Int32Array;
}

/** Folds `text` for word matching and keeps where each kept character came from. */
export function foldForMatching(text: string): FoldedText {
  const origin = new Int32Array(text.length);
  const codes: number[] = [];
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isIgnorable(c)) continue;
    codes.push(foldUnit(c));
    origin[n++] = i;
  }
  let folded = '';
  const CHUNK = 8192;
  for (let i = 0; i < codes.length; i += CHUNK) folded += String.fromCharCode(...codes.slice(i, i + CHUNK));
  return { text: folded, origin: origin.subarray(0, n) };
}

/** Folds a word-list entry the same way (ignorable characters dropped). */
export function foldWord(word: string): string {
  return foldForMatching(word).text;
}

/** Full-width digits → ASCII digits, one unit for one, so number patterns keep their offsets. */
export function asciiDigits(text: string): string {
  return text.replace(/[\uff10-\uff19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

/** Length as a person counts it: one per character (code point), not per UTF-16 unit. */
export function charCount(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}
