import { createHash } from 'node:crypto';
import { canonicalJson } from '@shared/core/canonical';
import type { Database, Transaction } from './database';
import { getDoc } from './docs';

// The audit trail: every sign-in, decision and change, hash-chained so that editing or deleting
// an entry is detected (issue 3, RULES.md Security). Each entry's hash covers its own fields
// and the previous entry's hash; the chain head (seq, hash) lives in meta/auditHead and is
// updated in the same transaction as the entry, so a change and its trace commit together.

export const AUDIT = 'audit';
const META = 'meta';
const HEAD_ID = 'auditHead';
export const GENESIS_HASH = '0'.repeat(64);

export interface AuditInput {
  action: string;
  result: 'ok' | 'refused';
  requestId: string;
  /** `service`: an import key acting as a machine, named for people reading the trail. */
  actor: { openid: string | null; staffId?: string | null; service?: { keyId: string; label: string } };
  reason?: string;
  unitId?: string | null;
  target?: { type: string; id: string } | null;
  deviceId?: string | null;
  details?: Record<string, unknown>;
}

export interface AuditRecord extends AuditInput {
  _id: string;
  seq: number;
  at: number;
  prevHash: string;
  hash: string;
}

/** Anything with `.collection(name).doc(id)`: the database or a transaction. */
export type TxLike = Transaction | Database;

/** How the audit trail names a machine caller: 导入接口 <name>（<keyId>）. */
export function serviceActor(key: { keyId: string; name: string }) {
  return { openid: null, staffId: null, service: { keyId: key.keyId, label: `导入接口 ${key.name}（${key.keyId}）` } };
}

export function auditId(seq: number): string {
  return `A${String(seq).padStart(12, '0')}`;
}

export function hashEntry(entry: Omit<AuditRecord, 'hash' | '_id'>): string {
  return createHash('sha256').update(canonicalJson(entry)).digest('hex');
}

async function readHead(t: TxLike): Promise<{ seq: number; hash: string }> {
  // A missing head means the chain starts here; any other read failure must not fork the chain.
  const data = await getDoc<{ seq: number; hash: string }>(t, META, HEAD_ID);
  return data && typeof data.seq === 'number' ? { seq: data.seq, hash: data.hash } : { seq: 0, hash: GENESIS_HASH };
}

/** Appends one entry inside transaction `t`; call it from the transaction that makes the change. */
export async function appendAudit(t: TxLike, at: number, input: AuditInput): Promise<AuditRecord> {
  const head = await readHead(t);
  const seq = head.seq + 1;
  const body = stripUndefined({ ...input, seq, at, prevHash: head.hash });
  const hash = hashEntry(body);
  const record = { ...body, _id: auditId(seq), hash } as AuditRecord;
  const { _id, ...data } = record;
  await t.collection(AUDIT).doc(_id).set({ data });
  await t.collection(META).doc(HEAD_ID).set({ data: { seq, hash } });
  return record;
}

/** Appends an entry that records a decision without any other change (e.g. a refusal). */
export async function auditAlone(db: Database, at: number, input: AuditInput): Promise<void> {
  await db.runTransaction(async (t) => {
    await appendAudit(t, at, input);
  }, 5);
}

function stripUndefined<T extends Record<string, unknown>>(obj: T): T {
  return JSON.parse(JSON.stringify(obj)) as T;
}

export interface ChainReport {
  ok: boolean;
  checked: number;
  problems: string[];
}

/** Walks the whole chain in order and reports every edited, missing or reordered entry. */
export async function verifyAuditChain(db: Database, pageSize = 1000): Promise<ChainReport> {
  const problems: string[] = [];
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  const _ = db.command;
  for (;;) {
    const res = await db
      .collection(AUDIT)
      .where({ seq: _.gte(expectedSeq) })
      .orderBy('seq', 'asc')
      .limit(pageSize)
      .get();
    const rows = res.data as AuditRecord[];
    if (!rows.length) break;
    for (const row of rows) {
      checked += 1;
      if (row.seq !== expectedSeq) {
        problems.push(`第 ${expectedSeq}–${row.seq - 1} 条记录缺失（已被删除）`);
        prevHash = row.prevHash; // resynchronise to keep reporting later problems
      }
      const { _id, hash, ...rest } = row;
      void _id;
      if (row.prevHash !== prevHash) problems.push(`第 ${row.seq} 条记录的前序哈希不符（链条被改动）`);
      if (hashEntry(rest) !== hash) problems.push(`第 ${row.seq} 条记录内容被篡改（哈希不符）`);
      prevHash = hash;
      expectedSeq = row.seq + 1;
    }
  }
  const head = await readHead(db);
  if (head.seq !== expectedSeq - 1) {
    problems.push(`链头记录为第 ${head.seq} 条，实际最后一条为第 ${expectedSeq - 1} 条（末尾记录被删除）`);
  } else if (head.seq > 0 && head.hash !== prevHash) {
    problems.push('链头哈希与最后一条记录不符');
  }
  return { ok: problems.length === 0, checked, problems };
}
