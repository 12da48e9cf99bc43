import { createTestCloud, okData, staffOpenid, fixedClock } from '../../test/support/cloud-harness';
import { postAt } from '../../server/features/posts/test-support';

// Document templates for the synthetic county, made by the product's own actions in a small
// in-memory county: a citizen's message, a draft and a published post (with their versions and
// events), the demo account with its slot, a staff member, a unit, a trusted device and a typical
// audit entry. The seeder clones them at scale (instantiate() below), so the big county has
// exactly the documents the code writes today, whatever fields a feature has added since.

export const TEMPLATE_TIME = Date.UTC(2026, 10, 27, 1, 0);

export type Doc = Record<string, unknown> & { _id: string };

export interface Templates {
  message: Doc;
  draftPost: { post: Doc; versions: Doc[]; events: Doc[] } | null;
  publishedPost: { post: Doc; versions: Doc[]; events: Doc[] } | null;
  account: { account: Doc; slots: Doc[] } | null;
  staff: Doc;
  unit: Doc;
  device: Doc;
  /** Why a template could not be made (a feature not ready), by name. */
  missing: Record<string, string>;
}

export async function buildTemplates(): Promise<Templates> {
  const cloud = await createTestCloud({ clock: fixedClock(TEMPLATE_TIME) });
  const all = (collection: string): Doc[] => {
    const table = cloud.store.collectionTable(collection);
    const exists = cloud.store.sqlite.prepare(`SELECT 1 FROM sqlite_master WHERE type='table' AND name=?`).get(table);
    if (!exists) return [];
    return (
      cloud.store.sqlite.prepare(`SELECT id, data FROM "${table}"`).all() as Array<{ id: string; data: string }>
    ).map((r) => ({ ...(JSON.parse(r.data) as object), _id: String(r.id) }) as Doc);
  };
  const byId = (collection: string, id: string) => all(collection).find((d) => d._id === id) ?? null;
  const missing: Record<string, string> = {};
  try {
    const sent = okData(
      await cloud.call<{ _id: string }>(
        'messages',
        'messages.submit',
        {
          unitId: 'u-education',
          category: 'consult',
          title: '关于秋季学期校车时间的咨询',
          content: '请问今年秋季学期开学后，花马池镇到县城的校车早上几点发车？孩子下午放学几点能到家？',
          allowPublish: true,
        },
        'tpl-citizen-openid',
      ),
    );
    const message = byId('messages', sent._id)!;

    const postParts = (id: string) => ({
      post: byId('posts', id)!,
      versions: all('postVersions').filter((v) => v.postId === id),
      events: all('postEvents').filter((e) => e.postId === id),
    });
    let draftPost: Templates['draftPost'] = null;
    let publishedPost: Templates['publishedPost'] = null;
    try {
      draftPost = postParts((await postAt(cloud, 'draft', { accountId: 'acc-edu-wechat' })).id);
      publishedPost = postParts((await postAt(cloud, 'published', { accountId: 'acc-edu-wechat' })).id);
    } catch (e) {
      missing.posts = (e as Error).message;
    }

    const accountDoc = byId('accounts', 'acc-edu-wechat');
    const account = accountDoc
      ? { account: accountDoc, slots: all('accountSlots').filter((s) => JSON.stringify(s).includes('acc-edu-wechat')) }
      : null;
    if (!account) missing.accounts = 'the demo county has no account acc-edu-wechat';

    await cloud.deviceFor(staffOpenid('s-edu-publisher'));
    const device = all('devices')[0];
    return {
      message,
      draftPost,
      publishedPost,
      account,
      staff: byId('staff', 's-edu-publisher')!,
      unit: byId('units', 'u-education')!,
      device,
      missing,
    };
  } finally {
    cloud.close();
  }
}

/** Timestamps within this window of the template time are moved with the document. */
const WINDOW = 800 * 24 * 3600 * 1000;

/**
 * A copy of `template` for a new document: every occurrence of a key of `replace` inside a string
 * (ids, names) is replaced, and every timestamp near the template's time is shifted by `shift` ms.
 */
export function instantiate<T>(template: T, replace: Array<[string, string]>, shift: number): T {
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') {
      let s = v;
      for (const [from, to] of replace) if (s.includes(from)) s = s.split(from).join(to);
      return s;
    }
    if (typeof v === 'number') return Math.abs(v - TEMPLATE_TIME) < WINDOW && Number.isInteger(v) ? v + shift : v;
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) out[k] = walk(x);
      return out;
    }
    return v;
  };
  return walk(template) as T;
}
