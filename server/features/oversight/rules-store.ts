import type { z } from 'zod';
import {
  RULE_DEFS,
  RULE_KEYS,
  changedKeys,
  defaultSettings,
  effectiveRules,
  formatAmount,
  settingsProblems,
  type EffectiveRules,
  type RuleSettings,
} from '@shared/oversight/rules';
import type { updateRulesInput, ruleHistoryInput } from '@shared/oversight/schemas';
import type { RulesView, RuleVersionView, Page } from '@shared/oversight/views';
import type { ActionContext } from '@server/runtime/action';
import type { Database } from '@server/runtime/database';
import { conflict, invalid } from '@server/runtime/errors';
import { getDoc, inTransaction, traceChange } from '@server/runtime/trace';
import { OV_META, RULE_VERSIONS, type RuleVersionDoc, type StoredSetting } from './model';

// The rule settings, versioned: every edit by the information center writes a new version
// (never overwrites one), moves the pointer and leaves an audit entry in the same transaction.
// Version 0 is the built-in defaults (nothing stored yet).

const POINTER = 'rules';
const versionId = (n: number) => `v${n}`;

export interface CurrentRules {
  version: number;
  settings: RuleSettings;
  doc: RuleVersionDoc | null;
  effective: EffectiveRules;
}

function complete(settings: Partial<RuleSettings>): RuleSettings {
  return { ...defaultSettings(), ...settings };
}

const fromStored = (rows: StoredSetting[] | undefined): RuleSettings =>
  complete(Object.fromEntries((rows ?? []).map((r) => [r.key, { value: r.value, enabled: r.enabled }])));
const toStored = (s: RuleSettings): StoredSetting[] =>
  RULE_KEYS.map((key) => ({ key, value: s[key].value, enabled: s[key].enabled }));

export async function currentRules(db: Database): Promise<CurrentRules> {
  const pointer = await getDoc<{ version: number }>(db, OV_META, POINTER);
  return rulesAt(db, pointer?.version ?? 0);
}

/**
 * One saved version (0: the built-in defaults). A refresh that spans several timer runs keeps
 * the version it started with, so every unit is judged by the same rules.
 */
export async function rulesAt(db: Database, version: number): Promise<CurrentRules> {
  const doc = version > 0 ? await getDoc<RuleVersionDoc>(db, RULE_VERSIONS, versionId(version)) : null;
  const settings = fromStored(doc?.settings);
  return { version, settings, doc, effective: effectiveRules(settings) };
}

export function toRulesView(cur: CurrentRules): RulesView {
  return {
    version: cur.version,
    editedAt: cur.doc?.editedAt ?? null,
    editedByName: cur.doc?.editedByName ?? null,
    reason: cur.doc?.reason ?? null,
    rules: RULE_KEYS.map((k) => ({
      ...cur.effective[k],
      min: RULE_DEFS[k].min,
      max: RULE_DEFS[k].max,
      defaultValue: RULE_DEFS[k].defaultValue,
      ceiling: RULE_DEFS[k].ceiling ?? null,
    })),
  };
}

/** The information center saves a new version; a stale `baseVersion` is a Conflict. */
export async function updateRules(input: z.output<typeof updateRulesInput>, ctx: ActionContext): Promise<RulesView> {
  const settings = complete(input.settings as RuleSettings);
  const problems = settingsProblems(settings);
  if (Object.keys(problems).length) {
    const fieldErrors = Object.fromEntries(Object.entries(problems).map(([k, v]) => [`settings.${k}.value`, v]));
    throw invalid(Object.values(problems)[0], fieldErrors);
  }
  const staff = ctx.caller.staff!;
  const now = ctx.deps.now();
  await inTransaction(ctx, async (t) => {
    const pointer = await getDoc<{ version: number }>(t, OV_META, POINTER);
    const current = pointer?.version ?? 0;
    if (current !== input.baseVersion) throw conflict('规则已被他人修改，请刷新后再改', { version: current });
    const before = current > 0 ? await getDoc<RuleVersionDoc>(t, RULE_VERSIONS, versionId(current)) : null;
    const beforeSettings = fromStored(before?.settings);
    const changes = changedKeys(beforeSettings, settings);
    if (!changes.length) throw invalid('没有修改任何规则', { _: '没有修改任何规则' });
    const version = current + 1;
    const doc: Omit<RuleVersionDoc, '_id'> = {
      version,
      settings: toStored(settings),
      editedAt: now,
      editedBy: staff._id,
      editedByName: staff.name,
      reason: input.reason,
      changes,
    };
    await t
      .collection(RULE_VERSIONS)
      .doc(versionId(version))
      .set({ data: doc as unknown as Record<string, unknown> });
    await t.collection(OV_META).doc(POINTER).set({ data: { version } });
    await traceChange(t, ctx, {
      target: { type: 'oversightRules', id: versionId(version) },
      unitId: staff.roles[0]?.unitId ?? null,
      reason: input.reason,
      details: {
        version,
        changes: changes.map((k) => ({
          key: k,
          from: beforeSettings[k],
          to: settings[k],
        })),
      },
    });
  });
  return toRulesView(await currentRules(ctx.deps.db));
}

/** Every saved version, newest first, with what changed. */
export async function ruleHistory(
  db: Database,
  input: z.output<typeof ruleHistoryInput>,
): Promise<Page<RuleVersionView>> {
  const _ = db.command;
  const before = input.cursor ? Number(input.cursor) : Infinity;
  if (input.cursor && !/^\d{1,9}$/.test(input.cursor))
    throw invalid('翻页参数无效，请刷新列表', { cursor: '翻页参数无效' });
  const res = await db
    .collection(RULE_VERSIONS)
    .where(Number.isFinite(before) ? { version: _.lt(before) } : {})
    .orderBy('version', 'desc')
    .limit(input.pageSize + 1)
    .get();
  const rows = res.data as RuleVersionDoc[];
  const page = rows.slice(0, input.pageSize);
  const previous = new Map<number, RuleSettings>();
  for (const r of rows) previous.set(r.version, fromStored(r.settings));
  const items: RuleVersionView[] = [];
  for (const r of page) {
    let prior = previous.get(r.version - 1);
    if (!prior) {
      const doc = r.version > 1 ? await getDoc<RuleVersionDoc>(db, RULE_VERSIONS, versionId(r.version - 1)) : null;
      prior = fromStored(doc?.settings);
    }
    items.push({
      version: r.version,
      editedAt: r.editedAt,
      editedByName: r.editedByName,
      reason: r.reason,
      changes: r.changes.map((k) => ({
        key: k,
        label: RULE_DEFS[k].label,
        from: settingText(prior![k], RULE_DEFS[k].unit),
        to: settingText(fromStored(r.settings)[k], RULE_DEFS[k].unit),
      })),
    });
  }
  return {
    items,
    nextCursor: rows.length > input.pageSize && page.length ? String(page[page.length - 1].version) : null,
  };
}

function settingText(s: { value: number; enabled: boolean }, unit: (typeof RULE_DEFS)[keyof typeof RULE_DEFS]['unit']) {
  return s.enabled ? formatAmount(s.value, unit) : `${formatAmount(s.value, unit)}（已停用）`;
}
