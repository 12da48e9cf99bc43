import type { TestCloud } from '../support/cloud-harness';
import type { SampleEnv } from '../fuzz/lib/sample-env';
import { cloneDocs } from './lib/list-budget';

// Which actions return lists, and how to give each one more rows than a page may hold. The call
// itself is the action's fuzz sample (test/fuzz/samples.ts: its caller and payload). A list-like
// action missing here fails test/budgets/lists.test.ts; one that is not a list says why.

export interface FillContext {
  cloud: TestCloud;
  env: SampleEnv;
  /** The sample's caller, who will list. */
  openid: string;
  payload: Record<string, unknown>;
}

export interface ListBudget {
  /** Creates more than 100 rows the sample call would list (through the product, then cloned). */
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

const ROWS = 130;
const unitOf = (c: FillContext) => String(c.payload.unitId ?? 'u-education');

export const LIST_BUDGETS: Record<string, ListBudget | NotAList> = {
  // ---- identity
  'units.list': {
    fill: ({ cloud }) => cloneDocs(cloud, 'units', (u) => u._id === 'u-qingshan', ROWS),
    knownViolation:
      'identity (server/features/identity/units.ts listActiveUnits): returns every active unit in one answer — ' +
      '300 at the scale of issue 8; the picker needs pageSize/cursor or a search',
  },
  'staff.list': {
    fill: ({ cloud, payload }) =>
      cloneDocs(
        cloud,
        'staff',
        (s) => s._id === 's-edu-publisher',
        ROWS,
        (d) => ({
          ...d,
          openid: `clone-${d._id}`,
          unitIds: [String(payload.unitId)],
        }),
      ),
  },
  'devices.mine': {
    fill: ({ cloud }) => cloneDocs(cloud, 'devices', (d) => d.staffId === 's-edu-publisher', ROWS),
  },
  'devices.unit': {
    fill: ({ cloud }) =>
      cloneDocs(
        cloud,
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
    fill: ({ cloud, payload }) =>
      cloneDocs(
        cloud,
        'audit',
        (a) => a.unitId === payload.unitId || a.action === 'demo.seed',
        ROWS,
        (d) => ({ ...d, unitId: payload.unitId }),
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
  'messages.inbox': {
    fill: async (c) => {
      await c.env.ok(
        'messages',
        'messages.submit',
        { unitId: unitOf(c), category: 'consult', title: '咨询校车', content: '请问秋季学期校车几点发车？' },
        c.env.citizen(),
      );
      return cloneDocs(c.cloud, 'messages', (m) => m.unitId === unitOf(c), ROWS);
    },
  },
};
