import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { compileWords, type CheckSettings, type WordEntry } from '@shared/posts/checks';
import { DEFAULT_PORTAL_DOMAINS, DEFAULT_WORDS } from '@shared/posts/checks/defaults';
import { WORD_CATEGORY_LABELS } from '@shared/posts/checks/words';
import type { addWordsInput, removeWordsInput, setDomainsInput, wordsPageInput } from '@shared/posts/rules-schemas';
import type { ActionContext } from '@server/runtime/action';
import type { Database } from '@server/runtime/database';
import { invalid } from '@server/runtime/errors';
import { getDoc, inTransaction, traceChange } from '@server/runtime/trace';

// The information center's check settings, in collection `postRules`: a small `settings`
// document (revision, digest, portal domains) and a `words` document with the lists. The
// compiled matcher is cached by the digest, so a check reads one small document and reuses the
// automaton until the lists change.

export const POST_RULES = 'postRules';
const SETTINGS_ID = 'settings';
const WORDS_ID = 'words';
export const MAX_WORDS = 20000;

interface SettingsDoc {
  rev: number;
  digest: string;
  portalDomains: string[];
  wordCount: number;
  updatedAt: number;
  updatedByName: string;
}

const digestOf = (words: readonly WordEntry[]) => createHash('sha256').update(JSON.stringify(words)).digest('hex');
const DEFAULT_DIGEST = digestOf(DEFAULT_WORDS);

const cache = new Map<string, CheckSettings['words']>();

function compiled(digest: string, words: readonly WordEntry[]): CheckSettings['words'] {
  let hit = cache.get(digest);
  if (!hit) {
    hit = compileWords(words);
    if (cache.size > 8) cache.delete(cache.keys().next().value as string);
    cache.set(digest, hit);
  }
  return hit;
}

async function readWords(db: Database | Parameters<typeof getDoc>[0]): Promise<WordEntry[]> {
  const doc = await getDoc<{ words: WordEntry[] }>(db, POST_RULES, WORDS_ID);
  return doc?.words ?? [...DEFAULT_WORDS];
}

/** The settings every check runs with (defaults until the information center saves its own). */
export async function loadCheckSettings(db: Database): Promise<CheckSettings> {
  const settings = await getDoc<SettingsDoc>(db, POST_RULES, SETTINGS_ID);
  if (!settings) {
    return { words: compiled(DEFAULT_DIGEST, DEFAULT_WORDS), portalDomains: DEFAULT_PORTAL_DOMAINS, rulesRev: 0 };
  }
  const words = cache.has(settings.digest) ? [] : await readWords(db);
  return { words: compiled(settings.digest, words), portalDomains: settings.portalDomains, rulesRev: settings.rev };
}

/** Reads, changes and writes the lists in one transaction with its audit entry. */
async function edit(
  ctx: ActionContext,
  change: (s: { words: WordEntry[]; portalDomains: string[] }) => { reason: string; details: Record<string, unknown> },
) {
  return inTransaction(ctx, async (t) => {
    const current = await getDoc<SettingsDoc>(t, POST_RULES, SETTINGS_ID);
    const state = {
      words: await readWords(t),
      portalDomains: current?.portalDomains ?? [...DEFAULT_PORTAL_DOMAINS],
    };
    const { reason, details } = change(state);
    if (state.words.length > MAX_WORDS)
      throw invalid(`词表最多 ${MAX_WORDS} 个词语`, { words: `词表最多 ${MAX_WORDS} 个词语` });
    const next: SettingsDoc = {
      rev: (current?.rev ?? 0) + 1,
      digest: digestOf(state.words),
      portalDomains: state.portalDomains,
      wordCount: state.words.length,
      updatedAt: ctx.deps.now(),
      updatedByName: ctx.caller.staff?.name ?? '',
    };
    await t
      .collection(POST_RULES)
      .doc(WORDS_ID)
      .set({ data: { words: state.words } });
    await t
      .collection(POST_RULES)
      .doc(SETTINGS_ID)
      .set({ data: { ...next } });
    await traceChange(t, ctx, {
      target: { type: 'postRules', id: SETTINGS_ID },
      reason,
      details: { ...details, rev: next.rev },
    });
    return { rev: next.rev, wordCount: next.wordCount, portalDomains: next.portalDomains };
  });
}

export function addWords(input: z.output<typeof addWordsInput>, ctx: ActionContext) {
  return edit(ctx, (s) => {
    const index = new Map(s.words.map((w, i) => [`${w.category}\u0000${w.word}`, i]));
    let added = 0;
    let changed = 0;
    for (const w of input.words) {
      // Confidential terms are always blocking (第二十一条).
      const entry: WordEntry = {
        word: w.word,
        category: w.category,
        level: w.category === 'confidential' ? 'blocking' : w.level,
        ...(w.note ? { note: w.note } : {}),
      };
      const at = index.get(`${w.category}\u0000${w.word}`);
      if (at === undefined) {
        index.set(`${w.category}\u0000${w.word}`, s.words.length);
        s.words.push(entry);
        added++;
      } else {
        s.words[at] = entry;
        changed++;
      }
    }
    return { reason: `词表新增 ${added} 个、更新 ${changed} 个词语`, details: { added, changed } };
  });
}

export function removeWords(input: z.output<typeof removeWordsInput>, ctx: ActionContext) {
  return edit(ctx, (s) => {
    const drop = new Set(input.words);
    const before = s.words.length;
    s.words = s.words.filter((w) => !drop.has(w.word));
    return { reason: `词表删除 ${before - s.words.length} 个词语`, details: { removed: before - s.words.length } };
  });
}

export function setDomains(input: z.output<typeof setDomainsInput>, ctx: ActionContext) {
  return edit(ctx, (s) => {
    s.portalDomains = [...new Set(input.portalDomains)];
    return { reason: `门户网站域名设为 ${s.portalDomains.join('、')}`, details: { portalDomains: s.portalDomains } };
  });
}

/** The lists as the information center pages through them. */
export async function listRules(input: z.output<typeof wordsPageInput>, ctx: ActionContext) {
  const db = ctx.deps.db;
  const settings = await getDoc<SettingsDoc>(db, POST_RULES, SETTINGS_ID);
  const all = await readWords(db);
  const matching = all.filter(
    (w) => (!input.category || w.category === input.category) && (!input.query || w.word.includes(input.query)),
  );
  return {
    rev: settings?.rev ?? 0,
    portalDomains: settings?.portalDomains ?? [...DEFAULT_PORTAL_DOMAINS],
    wordCount: all.length,
    updatedAt: settings?.updatedAt ?? null,
    updatedByName: settings?.updatedByName ?? null,
    total: matching.length,
    items: matching.slice(input.offset, input.offset + input.pageSize).map((w) => ({
      ...w,
      categoryLabel: WORD_CATEGORY_LABELS[w.category],
    })),
  };
}
