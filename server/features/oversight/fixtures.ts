import type { Database } from '@server/runtime/database';
import { currentDeps } from '@server/runtime/config';
import { okData, staffOpenid, type TestCloud } from '../../../test/support/cloud-harness';
import { runScheduledOversight, type SweepResult } from './refresh';

// Test fixtures: documents inserted straight into the accounts, posts and messages collections in
// the shapes oversight's source adapters read (sources/*.ts), so oversight's tests do not depend
// on the other features' workflows.

const DAY = 86400_000;

const PEOPLE = {
  'u-education': {
    publisher: { staffId: 's-edu-publisher', name: '李明', title: '办公室科员', phone: '13995310001' },
    reviewer: { staffId: 's-edu-reviewer', name: '王芳', title: '办公室主任', phone: '13995310002' },
    leader: { staffId: 's-edu-leader', name: '张伟', title: '副局长', phone: '13995310003' },
  },
  'u-huamachi': {
    publisher: { staffId: 's-hmc-publisher', name: '刘洋', title: '党政办干事', phone: '13995310011' },
    reviewer: { staffId: 's-hmc-reviewer', name: '陈静', title: '党政办主任', phone: '13995310012' },
    leader: { staffId: 's-hmc-leader', name: '杨军', title: '副镇长', phone: '13995310013' },
  },
} as const;

export interface AccountFixture {
  _id: string;
  name: string;
  unitId: keyof typeof PEOPLE;
  platform?: string;
  status?: string;
  openedAt: number;
  filing?: { dueAt: number | null; submittedAt: number | null };
  refiling?: { state: string; since: number; dueAt: number } | null;
}

export async function insertAccount(db: Database, a: AccountFixture): Promise<void> {
  await db
    .collection('accounts')
    .doc(a._id)
    .set({
      data: {
        platform: a.platform ?? 'weibo',
        type: 'institutional',
        owningUnitId: a.unitId,
        managingUnitId: a.unitId,
        unitIds: [a.unitId],
        name: a.name,
        status: a.status ?? 'active',
        responsible: PEOPLE[a.unitId],
        openedAt: a.openedAt,
        filing: {
          dueAt: a.filing?.dueAt ?? a.openedAt + 7 * DAY,
          submittedAt: a.filing ? a.filing.submittedAt : a.openedAt + DAY,
          acceptedAt: null,
          acceptedBy: null,
          version: 1,
          returnedReason: null,
        },
        refiling: a.refiling ?? null,
        createdAt: a.openedAt,
        updatedAt: a.openedAt,
      },
    });
}

let postSeq = 0;
export async function insertPost(
  db: Database,
  p: { accountId: string; unitId: string; publicAt: number; title?: string; emergencyEventId?: string; _id?: string },
): Promise<string> {
  const id = p._id ?? `post${String(++postSeq).padStart(6, '0')}`;
  await db
    .collection('posts')
    .doc(id)
    .set({
      data: {
        accountId: p.accountId,
        unitId: p.unitId,
        kind: p.emergencyEventId ? 'emergency' : 'original',
        title: p.title ?? '工作动态',
        state: 'published',
        publicAt: p.publicAt,
        ...(p.emergencyEventId ? { emergencyEventId: p.emergencyEventId } : {}),
        createdAt: p.publicAt,
        updatedAt: p.publicAt,
      },
    });
  return id;
}

let msgSeq = 0;
export interface MessageFixture {
  _id?: string;
  unitId: string;
  unitName?: string;
  createdAt: number;
  state: string;
  title?: string;
  category?: string;
  acceptedAt?: number | null;
  answeredAt?: number | null;
  handlerId?: string | null;
  rating?: 'satisfied' | 'basic' | 'unsatisfied' | null;
}

export async function insertMessage(db: Database, m: MessageFixture): Promise<string> {
  const n = ++msgSeq;
  const id = m._id ?? `msg${String(n).padStart(6, '0')}`;
  await db
    .collection('messages')
    .doc(id)
    .set({
      data: {
        trackingNo: `YC-TEST-${String(n).padStart(4, '0')}`,
        unitId: m.unitId,
        unitName: m.unitName ?? '',
        category: m.category ?? 'consult',
        title: m.title ?? `测试留言${n}`,
        content: '测试留言内容，请尽快答复。',
        state: m.state,
        publicStatus: 'submitted',
        citizenOpenid: 'fixture-citizen',
        createdAt: m.createdAt,
        updatedAt: m.createdAt,
        acceptedAt: m.acceptedAt ?? null,
        answeredAt: m.answeredAt ?? null,
        handlerId: m.handlerId ?? null,
        rating: m.rating ? { value: m.rating, at: (m.answeredAt ?? m.createdAt) + DAY } : null,
      },
    });
  return id;
}

export { DAY };

/** Removes whatever the demo seed put in the other features' collections, so a test owns its facts. */
export async function clearSources(db: Database): Promise<void> {
  const _ = db.command;
  for (const c of ['accounts', 'posts', 'messages'])
    await db
      .collection(c)
      .where({ _id: _.exists(true) })
      .remove();
}

/**
 * 立即刷新 as the supervision office, then what the timer does next: run the queued refresh
 * (slice after slice until it is done). Throws when nothing ran, so a test cannot read stale
 * numbers without noticing.
 */
export async function refreshNow(cloud: TestCloud, as = staffOpenid('s-supervisor')): Promise<SweepResult> {
  okData(await cloud.call('oversight', 'oversight.refresh', {}, as));
  for (let slice = 0; slice < 1000; slice++) {
    const run = await runScheduledOversight(currentDeps());
    if (run.result) return run.result;
    if (!run.ran) throw new Error(`the queued refresh did not run (${run.skipped})`);
  }
  throw new Error('the queued refresh did not finish');
}
