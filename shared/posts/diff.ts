// What changed between two versions of a post, for the reviewer and the leader who saw an
// earlier one: a line diff (Myers' O(ND) algorithm) refined to characters inside each changed
// block, so a one-character fix in a long paragraph shows as that one character.

export type DiffOp = 'equal' | 'insert' | 'delete';
export interface DiffSegment {
  op: DiffOp;
  text: string;
}

type Edit = { op: DiffOp; index: number }; // index into a (equal/delete) or b (insert)

/** Myers' shortest edit script between token arrays, as a list of per-token edits. */
function myers(a: readonly string[], b: readonly string[]): Edit[] {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const offset = max;
  const v = new Int32Array(2 * max + 2);
  const trace: Int32Array[] = [];
  let found = max === 0;
  for (let d = 0; d <= max && !found; d++) {
    trace.push(v.slice(offset - d, offset + d + 1));
    for (let k = -d; k <= d; k += 2) {
      let x =
        k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = true;
        break;
      }
    }
  }
  // Walk back from (n, m) through the saved frontiers.
  const edits: Edit[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0 && (x > 0 || y > 0); d--) {
    const vd = trace[d]; // frontier before step d, indices k + d
    const k = x - y;
    const get = (kk: number) => vd[kk + d];
    let prevK: number;
    if (d === 0) prevK = 0;
    else prevK = k === -d || (k !== d && get(k - 1) < get(k + 1)) ? k + 1 : k - 1;
    const prevX = d === 0 ? 0 : get(prevK);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      x--;
      y--;
      edits.push({ op: 'equal', index: x });
    }
    if (d > 0) {
      if (x === prevX) edits.push({ op: 'insert', index: --y });
      else edits.push({ op: 'delete', index: --x });
    }
  }
  return edits.reverse();
}

function push(out: DiffSegment[], op: DiffOp, text: string): void {
  if (!text) return;
  const last = out[out.length - 1];
  if (last && last.op === op) last.text += text;
  else out.push({ op, text });
}

function diffTokens(a: string[], b: string[], out: DiffSegment[]): void {
  for (const e of myers(a, b)) push(out, e.op, e.op === 'insert' ? b[e.index] : a[e.index]);
}

function splitLines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/** Changed blocks longer than this are shown as a whole delete and insert. */
const CHAR_DIFF_LIMIT = 4000;

/** Segments that turn `before` into `after`: equal, deleted and inserted text in reading order. */
export function diffText(before: string, after: string): DiffSegment[] {
  if (before === after) return before ? [{ op: 'equal', text: before }] : [];
  const lineSegs: DiffSegment[] = [];
  diffTokens(splitLines(before), splitLines(after), lineSegs);
  const out: DiffSegment[] = [];
  for (let i = 0; i < lineSegs.length; i++) {
    const seg = lineSegs[i];
    const next = lineSegs[i + 1];
    if (seg.op === 'delete' && next?.op === 'insert' && seg.text.length + next.text.length <= CHAR_DIFF_LIMIT) {
      const chars: DiffSegment[] = [];
      diffTokens(Array.from(seg.text), Array.from(next.text), chars);
      for (const c of chars) push(out, c.op, c.text);
      i++;
    } else push(out, seg.op, seg.text);
  }
  return out;
}

/** Rebuilds either side from the segments (used by tests and to check a diff). */
export function applySide(segments: readonly DiffSegment[], side: 'before' | 'after'): string {
  const skip: DiffOp = side === 'before' ? 'insert' : 'delete';
  return segments
    .filter((s) => s.op !== skip)
    .map((s) => s.text)
    .join('');
}

/** Long unchanged stretches shortened to their ends, so the change is what the eye finds. */
export function collapseEqual(segments: readonly DiffSegment[], context = 40): DiffSegment[] {
  return segments.map((s, i) => {
    if (s.op !== 'equal' || s.text.length <= context * 2 + 10) return s;
    const head = i === 0 ? '' : s.text.slice(0, context);
    const tail = i === segments.length - 1 ? '' : s.text.slice(-context);
    return { op: 'equal', text: `${head} … ${tail}`.trim() };
  });
}

export function diffStats(segments: readonly DiffSegment[]): { inserted: number; deleted: number } {
  let inserted = 0;
  let deleted = 0;
  for (const s of segments) {
    if (s.op === 'insert') inserted += s.text.length;
    if (s.op === 'delete') deleted += s.text.length;
  }
  return { inserted, deleted };
}
