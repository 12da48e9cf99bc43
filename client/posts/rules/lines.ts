// Turns what the information center pastes (one word per line, or separated by commas) into a
// clean list: trimmed, no blanks, no duplicates, in the order given.
export function wordsFromText(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of text.split(/[\n,，、;；]+/)) {
    const w = raw.trim();
    if (w && !seen.has(w)) {
      seen.add(w);
      out.push(w);
    }
  }
  return out;
}
