// A small Aho–Corasick automaton: finds every occurrence of many patterns in one pass over the
// text, so a 20,000-character post is checked against a 10,000-word list in milliseconds
// instead of one indexOf scan per word. Patterns and text are compared as UTF-16 code units;
// callers fold case and width first (normalize.ts) and map offsets back themselves.

export interface AcMatch {
  /** Index of the pattern in the list given to the constructor. */
  pattern: number;
  /** Start offset in the searched text (inclusive). */
  start: number;
  /** End offset in the searched text (exclusive). */
  end: number;
}

export class AhoCorasick {
  /** goto[state]: next state by code unit. */
  private readonly goto: Array<Map<number, number>> = [new Map()];
  /** fail[state]: the longest proper suffix of the state's string that is also a trie prefix. */
  private fail: Int32Array = new Int32Array(1);
  /** Pattern ending exactly at the state (-1 none); several identical patterns share the first. */
  private readonly terminal: number[] = [-1];
  /** Nearest state on the fail chain that ends a pattern (-1 none): the dictionary suffix link. */
  private dictLink: Int32Array = new Int32Array(1);
  /** Depth of each state = length of the string it spells. */
  private readonly depth: number[] = [0];
  /** Patterns that are duplicates of an earlier one, by the earlier one's index. */
  private readonly duplicates = new Map<number, number[]>();
  readonly size: number;

  constructor(patterns: readonly string[]) {
    this.size = patterns.length;
    patterns.forEach((p, i) => this.insert(p, i));
    this.build();
  }

  private insert(pattern: string, index: number): void {
    if (pattern.length === 0) return; // an empty pattern would match everywhere; ignore it
    let state = 0;
    for (let i = 0; i < pattern.length; i++) {
      const c = pattern.charCodeAt(i);
      let next = this.goto[state].get(c);
      if (next === undefined) {
        next = this.goto.length;
        this.goto.push(new Map());
        this.terminal.push(-1);
        this.depth.push(this.depth[state] + 1);
        this.goto[state].set(c, next);
      }
      state = next;
    }
    const first = this.terminal[state];
    if (first === -1) this.terminal[state] = index;
    else {
      const list = this.duplicates.get(first) ?? [];
      list.push(index);
      this.duplicates.set(first, list);
    }
  }

  /** Breadth-first: a state's fail link is computed after every shallower state's. */
  private build(): void {
    const n = this.goto.length;
    this.fail = new Int32Array(n);
    this.dictLink = new Int32Array(n).fill(-1);
    const queue: number[] = [];
    for (const child of this.goto[0].values()) queue.push(child);
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head];
      for (const [c, child] of this.goto[state]) {
        let f = this.fail[state];
        while (f !== 0 && !this.goto[f].has(c)) f = this.fail[f];
        const target = this.goto[f].get(c);
        this.fail[child] = target !== undefined && target !== child ? target : 0;
        const fc = this.fail[child];
        this.dictLink[child] = this.terminal[fc] !== -1 ? fc : this.dictLink[fc];
        queue.push(child);
      }
    }
  }

  /** Every occurrence of every pattern (overlaps included), in order of end offset. */
  findAll(text: string): AcMatch[] {
    const out: AcMatch[] = [];
    this.scan(text, (pattern, start, end) => {
      out.push({ pattern, start, end });
    });
    return out;
  }

  /** Calls `onMatch` for each occurrence; the scan itself allocates nothing per character. */
  scan(text: string, onMatch: (pattern: number, start: number, end: number) => void): void {
    const { goto, fail, terminal, dictLink, depth } = this;
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      let next = goto[state].get(c);
      while (next === undefined && state !== 0) {
        state = fail[state];
        next = goto[state].get(c);
      }
      state = next ?? 0;
      let s = terminal[state] !== -1 ? state : dictLink[state];
      while (s !== -1) {
        const end = i + 1;
        const start = end - depth[s];
        const p = terminal[s];
        onMatch(p, start, end);
        const dups = this.duplicates.get(p);
        if (dups) for (const d of dups) onMatch(d, start, end);
        s = dictLink[s];
      }
    }
  }
}
