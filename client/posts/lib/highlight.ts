import type { CheckHit } from '@shared/posts/checks/types';

// Splits a field's text into plain and marked runs from the check hits' [start, end) spans, so
// the offending characters are highlighted where the author typed them. Where spans overlap,
// the most serious mark wins.

export type Mark = 'blocking' | 'overridable' | 'warning';
export interface Run {
  text: string;
  mark: Mark | null;
  /** The first hit covering this run (for tapping through to its explanation). */
  hitKey: string | null;
}

const RANK: Record<Mark, number> = { warning: 1, overridable: 2, blocking: 3 };

export function markOf(hit: Pick<CheckHit, 'severity' | 'overridable'>): Mark | null {
  if (hit.severity === 'blocking') return hit.overridable ? 'overridable' : 'blocking';
  return hit.severity === 'warning' ? 'warning' : null;
}

export function markRuns(
  text: string,
  hits: ReadonlyArray<Pick<CheckHit, 'start' | 'end' | 'severity' | 'overridable' | 'key'>>,
): Run[] {
  const spans = hits
    .map((h) => ({ start: Math.max(0, h.start), end: Math.min(text.length, h.end), mark: markOf(h), key: h.key }))
    .filter((s): s is { start: number; end: number; mark: Mark; key: string } => s.mark !== null && s.end > s.start);
  if (!spans.length) return text ? [{ text, mark: null, hitKey: null }] : [];
  const cuts = new Set<number>([0, text.length]);
  for (const s of spans) {
    cuts.add(s.start);
    cuts.add(s.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const runs: Run[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const [a, b] = [points[i], points[i + 1]];
    let best: { mark: Mark; key: string } | null = null;
    for (const s of spans) {
      if (s.start <= a && s.end >= b && (!best || RANK[s.mark] > RANK[best.mark])) best = s;
    }
    const piece = text.slice(a, b);
    const last = runs[runs.length - 1];
    if (last && last.mark === (best?.mark ?? null) && last.hitKey === (best?.key ?? null)) last.text += piece;
    else runs.push({ text: piece, mark: best?.mark ?? null, hitKey: best?.key ?? null });
  }
  return runs;
}

/** Hits that belong to one field ('title', 'body', 'links.0', …). */
export function hitsFor<T extends Pick<CheckHit, 'field'>>(hits: readonly T[], field: string): T[] {
  return hits.filter((h) => h.field === field);
}
