import { join } from 'node:path';
import { openLocalStore, installLocalCloud, type LocalStore } from '@server/local/cloud';
import { configureRuntime, currentDeps, resetRuntime } from '@server/runtime/config';
import { verifyAuditChain, type AuditRecord } from '@server/runtime/audit';

// Reads a local host's data directory after a crash and checks what a trusted system must
// guarantee: what was acknowledged is there, no change exists without its audit entry and no
// audit entry without its change, and the hash chain verifies end to end.

/** Which audit actions create a document of which collection (target.type → collection). */
export const CREATED_BY: Record<string, { collection: string; actions: string[] }> = {
  message: { collection: 'messages', actions: ['messages.submit'] },
  invite: { collection: 'invites', actions: ['invites.create', 'admin.bootstrap'] },
  device: { collection: 'devices', actions: ['devices.register', 'session.demo'] },
  stepUp: { collection: 'stepUps', actions: ['stepup.verify'] },
  stepUpChallenge: { collection: 'stepUpChallenges', actions: ['stepup.challenge'] },
  staff: { collection: 'staff', actions: ['invites.redeem'] },
  post: { collection: 'posts', actions: ['posts.create'] },
  account: { collection: 'accounts', actions: ['accounts.apply'] },
};

export interface Acked {
  messages: Array<{ _id: string; trackingNo: string }>;
  invites: string[];
  redeemed: string[];
  /** staff ids whose approval was acknowledged */
  approved: string[];
  /** other acknowledged writes: collection + id that must exist afterwards */
  others: Array<{ collection: string; id: string; what: string }>;
  /** messages whose acceptance was acknowledged (acceptedAt must be set) */
  accepted: string[];
  /** messages whose approved answer was acknowledged (answeredAt must be set) */
  answered: string[];
}

export const emptyAcked = (): Acked => ({
  messages: [],
  invites: [],
  redeemed: [],
  approved: [],
  others: [],
  accepted: [],
  answered: [],
});

export interface Consistency {
  problems: string[];
  counts: Record<string, number>;
}

type Doc = Record<string, unknown> & { _id: string };

function docs(store: LocalStore, collection: string): Map<string, Doc> {
  const exists = store.sqlite
    .prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`)
    .get(store.collectionTable(collection));
  if (!exists) return new Map();
  const rows = store.sqlite.prepare(`SELECT id, data FROM "${store.collectionTable(collection)}"`).all() as Array<{
    id: string;
    data: string;
  }>;
  return new Map(rows.map((r) => [String(r.id), { ...(JSON.parse(r.data) as object), _id: String(r.id) } as Doc]));
}

/** Opens the host's store in this process (the host must be stopped) and checks it. */
export async function checkDataDir(dataDir: string, acked: Acked): Promise<Consistency> {
  const store = openLocalStore({ file: join(dataDir, 'cloud.sqlite') });
  installLocalCloud(store);
  resetRuntime();
  configureRuntime({ log: () => undefined });
  try {
    return await checkStore(store, acked);
  } finally {
    resetRuntime();
    store.close();
  }
}

export async function checkStore(store: LocalStore, acked: Acked): Promise<Consistency> {
  const problems: string[] = [];
  const audit = [...docs(store, 'audit').values()] as unknown as AuditRecord[];
  const ok = audit.filter((a) => a.result === 'ok');
  const byTarget = new Map<string, AuditRecord[]>();
  for (const a of ok) {
    if (!a.target) continue;
    const key = `${a.target.type}\u0000${a.target.id}`;
    byTarget.set(key, [...(byTarget.get(key) ?? []), a]);
  }

  // 1. Every acknowledged write is there.
  const messages = docs(store, 'messages');
  const invites = docs(store, 'invites');
  const staff = docs(store, 'staff');
  for (const m of acked.messages) {
    const doc = messages.get(m._id);
    if (!doc) problems.push(`acknowledged message ${m.trackingNo} (${m._id}) is missing`);
    else if (doc.trackingNo !== m.trackingNo)
      problems.push(`message ${m._id} has tracking no ${String(doc.trackingNo)}`);
  }
  for (const code of acked.invites) if (!invites.has(code)) problems.push(`acknowledged invite ${code} is missing`);
  for (const id of acked.redeemed) if (!staff.has(id)) problems.push(`acknowledged registration ${id} is missing`);
  for (const id of acked.approved) {
    const s = staff.get(id);
    if (!s || s.status !== 'active')
      problems.push(`acknowledged approval of ${id} is missing (status ${String(s?.status)})`);
  }
  for (const id of acked.accepted)
    if (!messages.get(id)?.acceptedAt) problems.push(`acknowledged acceptance of message ${id} is missing`);
  for (const id of acked.answered)
    if (!messages.get(id)?.answeredAt) problems.push(`acknowledged answer to message ${id} is missing`);
  for (const o of acked.others) {
    if (!docs(store, o.collection).has(o.id))
      problems.push(`acknowledged ${o.what} ${o.collection}/${o.id} is missing`);
  }

  // 2. Every created document has the audit entry that created it, and the reverse.
  for (const [type, { collection, actions }] of Object.entries(CREATED_BY)) {
    const all = docs(store, collection);
    for (const [id, doc] of all) {
      if (fixture(doc)) continue;
      const entries = (byTarget.get(`${type}\u0000${id}`) ?? []).filter((a) => actions.includes(a.action));
      if (!entries.length) problems.push(`${collection}/${id} exists without its ${actions.join('/')} audit entry`);
    }
    for (const a of ok) {
      if (!a.target || a.target.type !== type || !actions.includes(a.action)) continue;
      if (!all.has(a.target.id))
        problems.push(`audit #${a.seq} ${a.action} names ${collection}/${a.target.id}, which does not exist`);
    }
  }

  // 3. The latest change of a document is traced: its last audit entry is not older than the change.
  for (const [type, { collection }] of Object.entries(CREATED_BY)) {
    for (const [id, doc] of docs(store, collection)) {
      const changedAt = [doc.updatedAt, doc.approvedAt, doc.revokedAt, doc.usedAt].filter(
        (v): v is number => typeof v === 'number',
      );
      if (!changedAt.length || fixture(doc)) continue;
      const last = Math.max(...(byTarget.get(`${type}\u0000${id}`) ?? []).map((a) => a.at), -1);
      const changed = Math.max(...changedAt);
      if (
        last < changed &&
        !(type === 'invite' && hasRedeemFor(ok, id)) &&
        !(type === 'stepUp' && spentBy(ok, id, changed))
      )
        problems.push(`${collection}/${id} changed at ${changed} but its last audit entry is at ${last}`);
    }
  }

  // 4. The hash chain verifies from the first entry to the head.
  const chain = await verifyAuditChain(currentDeps().db);
  if (!chain.ok) problems.push(...chain.problems.map((p) => `audit chain: ${p}`));
  if (chain.checked !== audit.length) problems.push(`audit chain checked ${chain.checked} of ${audit.length} entries`);

  const ackedIds = new Set(acked.messages.map((m) => m._id));
  return {
    problems,
    counts: {
      messages: messages.size,
      /** stored (not seeded) but never acknowledged: committed, its answer cut off by the crash */
      unacknowledgedMessages: [...messages.values()].filter((m) => !fixture(m) && !ackedIds.has(m._id)).length,
      invites: invites.size,
      staff: staff.size,
      audit: audit.length,
      chainChecked: chain.checked,
    },
  };
}

/** Seeded with the demo county (one demo.seed entry covers them), or a phone the test harness bound. */
function fixture(doc: Doc): boolean {
  const history = doc.history as Array<{ byId?: string }> | undefined;
  return doc.demo === true || doc.approvedBy === 'test-harness' || history?.[0]?.byId === 'demo';
}

/** An invite is marked used by the redeem that names it in its details (the redeem targets the staff record). */
/** A fresh-PIN ticket is spent by the change it allowed, whose entry names it (details.stepUpId). */
function spentBy(ok: AuditRecord[], stepUpId: string, at: number): boolean {
  return ok.some((a) => a.at >= at && (a.details as { stepUpId?: unknown } | undefined)?.stepUpId === stepUpId);
}

function hasRedeemFor(ok: AuditRecord[], code: string): boolean {
  return ok.some(
    (a) => a.action === 'invites.redeem' && (a.details as { invite?: string } | undefined)?.invite === code,
  );
}
