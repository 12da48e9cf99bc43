import { ensurePhone } from '../fuzz/lib/prepare';
import { registeredActions } from '../fuzz/lib/catalog';
import { SAMPLES } from '../fuzz/samples';
import type { TestCloud } from '../support/cloud-harness';
import type { SampleEnv } from '../fuzz/lib/sample-env';
import { cloneDocs, storedDocs } from './lib/list-budget';

// Which actions return lists, and how to give each one more rows than a page may hold. The call
// itself is the action's fuzz sample (test/fuzz/samples.ts: its caller and payload). A list-like
// action missing here fails test/budgets/lists.test.ts; one that is not a list says why.
//
// Rows are made the way the product makes them — another action's sample is run once (the
// "producer": e.g. incidents.record for incidents.list) — and the documents it wrote are then
// cloned, so the list sees realistic documents in realistic numbers without minutes of calls.

export interface FillContext {
  cloud: TestCloud;
  env: SampleEnv;
  /** The sample's caller, who will list. */
  openid: string;
  payload: Record<string, unknown>;
}

export interface ListBudget {
  /** Creates more than 100 rows the sample call would list. */
  fill: (c: FillContext) => Promise<unknown>;
  /**
   * A violation reported to the action's owner and not fixed yet: the test shows it as TODO
   * instead of failing, and fails once it is fixed so this note is removed.
   */
  knownViolation?: string;
}

export interface NotAList {
  notAList: string;
}

export const ROWS = 130;
const DAY = 86400_000;

/** Ids of the documents each collection holds. */
function idsByCollection(cloud: TestCloud): Map<string, Set<string>> {
  const tables = cloud.store.sqlite
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'c\\_%' ESCAPE '\\'`)
    .all() as Array<{ name: string }>;
  return new Map(
    tables.map(({ name }) => [name.slice(2), new Set(storedDocs(cloud, name.slice(2)).map((d) => d._id))]),
  );
}

/**
 * Runs another action's fuzz sample (its payload builder, and the call itself unless `callIt` is
 * false) and returns what it created, by collection.
 */
async function produce(c: FillContext, action: string, callIt = true): Promise<Map<string, string[]>> {
  const before = idsByCollection(c.cloud);
  const sample = SAMPLES[action];
  const entry = registeredActions().find((e) => e.name === action);
  if (!sample || !entry) throw new Error(`no sample for producer ${action}`);
  const who = await sample.as(c.env);
  const payload = await sample.payload(c.env);
  if (callIt) {
    await ensurePhone(c.cloud, who);
    await c.env.ok(entry.fn, action, payload, who);
  }
  const made = new Map<string, string[]>();
  for (const [coll, ids] of idsByCollection(c.cloud)) {
    const fresh = [...ids].filter((id) => !before.get(coll)?.has(id));
    if (fresh.length) made.set(coll, fresh);
  }
  return made;
}

/** Runs a producer and clones what it created in `collection` ROWS times. */
const viaProducer =
  (
    action: string,
    collection: string,
    opts: {
      callIt?: boolean;
      edit?: Parameters<typeof cloneDocs>[4];
      /** Only the created documents the lister will see (e.g. their own notices). */
      where?: Parameters<typeof cloneDocs>[2];
    } = {},
  ) =>
  async (c: FillContext) => {
    const made = await produce(c, action, opts.callIt ?? true);
    const ids = new Set(made.get(collection) ?? []);
    if (!ids.size)
      throw new Error(`${action} created nothing in ${collection} (created: ${[...made.keys()].join(', ')})`);
    return cloneDocs(c.cloud, collection, (d) => ids.has(d._id) && (opts.where?.(d) ?? true), ROWS, opts.edit);
  };

const cloneById = (collection: string, id: string, edit?: Parameters<typeof cloneDocs>[4]) => (c: FillContext) =>
  cloneDocs(c.cloud, collection, (d) => d._id === id, ROWS, edit);

/** Staff members of a unit, cloned from a demo person (openids must stay unique). */
const moreStaff = (template: string, unitOf: (c: FillContext) => string) => (c: FillContext) =>
  cloneDocs(
    c.cloud,
    'staff',
    (s) => s._id === template,
    ROWS,
    (d) => ({
      ...d,
      openid: `clone-${d._id}`,
      unitIds: [unitOf(c)],
    }),
  );
const unitOf = (c: FillContext) =>
  String(c.payload.unitId ?? (c.payload.unitIds as string[] | undefined)?.[0] ?? 'u-education');

export const LIST_BUDGETS: Record<string, ListBudget | NotAList> = {
  // ---- identity
  'units.list': { fill: cloneById('units', 'u-qingshan') },
  'staff.list': { fill: moreStaff('s-edu-publisher', unitOf) },
  'invites.open': { fill: viaProducer('invites.create', 'invites') },
  'devices.mine': { fill: (c) => cloneDocs(c.cloud, 'devices', (d) => d.staffId === 's-edu-publisher', ROWS) },
  'devices.unit': {
    fill: (c) =>
      cloneDocs(
        c.cloud,
        'devices',
        (d) => d.staffId === 's-edu-admin' || d.staffId === 's-edu-publisher',
        ROWS,
        (d) => ({
          ...d,
          status: 'pending',
        }),
      ),
  },
  'security.events': {
    fill: (c) =>
      cloneDocs(
        c.cloud,
        'audit',
        (a) => a.unitId === c.payload.unitId || a.action === 'demo.seed',
        ROWS,
        (d) => ({
          ...d,
          unitId: c.payload.unitId,
        }),
      ),
  },

  // ---- messages
  'messages.mine': {
    fill: async ({ cloud, env, openid }) => {
      await env.ok(
        'messages',
        'messages.submit',
        { unitId: 'u-huamachi', category: 'help', title: '路灯坏了', content: '村里的路灯坏了好几天，晚上出行不便。' },
        openid,
      );
      return cloneDocs(cloud, 'messages', (m) => m.citizenOpenid === openid, ROWS);
    },
  },
  'messages.inbox': { fill: viaProducer('messages.accept', 'messages', { callIt: false }) },
  'messages.board': { fill: viaProducer('messages.rate', 'messages', { callIt: false }) },
  'messages.supervision': {
    // overdue as the sweeper flags them (shared/messages/sweep.ts)
    fill: (c) =>
      viaProducer('messages.accept', 'messages', {
        callIt: false,
        edit: (d) => ({ ...d, overdue: true, dueAt: c.cloud.clock.now() - DAY, dueKind: 'accept' }),
      })(c),
  },
  'messages.handlers': { fill: moreStaff('s-edu-publisher', unitOf) },
  'notices.mine': {
    fill: viaProducer('messages.accept', 'notifications', {
      callIt: false,
      where: (n) => n.staffId === 's-edu-publisher',
    }),
  },
  'notices.outbox': { fill: viaProducer('messages.submit', 'outbox') },
  'calendar.list': {
    notAList:
      "one year's calendar: the statutory holidays and swapped working days (about 40 a year, at most 366), " +
      'shown as a calendar the information center corrects, not a list that grows',
  },

  // ---- accounts
  'accounts.list': { fill: viaProducer('accounts.apply', 'accounts') },
  'accounts.directory': { fill: cloneById('accounts', 'acc-edu-wechat') },
  'accounts.officeQueue': { fill: viaProducer('accounts.officeApprove', 'accounts', { callIt: false }) },
  'accounts.people': { fill: moreStaff('s-edu-publisher', unitOf) },
  'accounts.exceptions': { fill: viaProducer('accounts.grantException', 'accountExceptions') },
  'accounts.exportRegistry': {
    notAList: 'an Excel file of the whole registry for the information center to download, not a list screen',
  },

  // ---- posts
  'posts.accounts': { fill: cloneById('accounts', 'acc-edu-wechat') },
  'posts.emergencyEvents': {
    // events declared for the sample account's unit
    fill: viaProducer('emergencyEvents.declare', 'emergencyEvents', {
      edit: (d) => ({ ...d, unitIds: ['u-education'] }),
    }),
  },
  'posts.mine': { fill: viaProducer('posts.create', 'posts') },
  'posts.queue': { fill: viaProducer('posts.review', 'posts', { callIt: false }) },
  'posts.feed': { fill: viaProducer('posts.publish', 'posts') },
  'postRules.get': {
    fill: async ({ env }) => {
      for (let k = 0; k < 3; k++) {
        const words = Array.from({ length: 50 }, (_, i) => ({
          word: `测试词${k}-${i}`,
          category: 'sensitive',
          level: 'warning',
        }));
        await env.ok('posts', 'postRules.addWords', { words }, env.staff('s-infocenter'));
      }
    },
  },

  // ---- oversight
  'oversight.unit': {
    notAList: "one unit's oversight figures (a detail view); its parts are bounded by the unit's accounts",
  },
  'oversight.cases': {
    fill: (c) =>
      viaProducer('messages.accept', 'messages', {
        callIt: false,
        edit: (d) => ({ ...d, createdAt: c.cloud.clock.now() - 30 * DAY, dueAt: c.cloud.clock.now() - 20 * DAY }),
      })(c),
  },
  'oversight.alerts': { fill: viaProducer('bulletins.generate', 'alerts', { callIt: false }) },
  'oversight.rulesHistory': { fill: viaProducer('oversight.rulesUpdate', 'oversightRules') },
  'bulletins.list': { fill: viaProducer('bulletins.generate', 'bulletins') },
  'incidents.list': { fill: viaProducer('incidents.record', 'incidents') },
  'emergencyEvents.list': { fill: viaProducer('emergencyEvents.declare', 'emergencyEvents') },
  // more units than a page holds, each asked for its roster in the one read
  'duty.now': { fill: cloneById('units', 'u-education') },

  // ---- portal
  'importKeys.list': { fill: viaProducer('importKeys.create', 'importKeys') },
};
