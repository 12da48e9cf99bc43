import { ACCOUNTS, PLATFORM_LABELS, type AccountCore, type Platform } from '@shared/accounts/contract';
import type { AccountFacts, PersonRef } from '@shared/oversight/facts';
import type { Database } from '@server/runtime/database';

// Adapter over the accounts feature (issue 4): the one place oversight reads its documents.
// Fields read: AccountCore (shared/accounts/contract.ts) plus `filing.{dueAt,submittedAt}` and
// `refiling.{state,since,dueAt}` of server/features/accounts/model.ts.

/** Statuses in which the account is live and expected to post (closing ones are excluded). */
const MONITORED = ['opened', 'filed', 'active'];
/** Statuses oversight looks at at all. */
const WATCHED = [...MONITORED, 'closeRequested', 'closeApproved', 'noticePublished', 'superiorInformed'];

interface AccountDocShape extends AccountCore {
  filing?: { dueAt?: number | null; submittedAt?: number | null } | null;
  refiling?: { state?: string; since?: number; dueAt?: number | null } | null;
  dueAt?: number | null;
}

const FIELDS = {
  _id: true,
  name: true,
  platform: true,
  managingUnitId: true,
  status: true,
  openedAt: true,
  responsible: true,
  filing: true,
  refiling: true,
  dueAt: true,
};

function person(p: { staffId?: string; name?: string } | undefined): PersonRef | null {
  return p && p.staffId ? { staffId: p.staffId, name: p.name ?? '' } : null;
}

export function toAccountFacts(
  a: AccountDocShape,
  unitName: (unitId: string) => string,
  lastPostAt: number | null,
): AccountFacts {
  const filingPending = a.status === 'opened';
  const refiling = a.refiling && a.refiling.state ? a.refiling : null;
  return {
    id: a._id,
    name: a.name,
    platformLabel: PLATFORM_LABELS[a.platform as Platform] ?? a.platform,
    unitId: a.managingUnitId,
    unitName: unitName(a.managingUnitId),
    monitored: MONITORED.includes(a.status),
    openedAt: typeof a.openedAt === 'number' ? a.openedAt : null,
    lastPostAt,
    filing: filingPending
      ? { dueAt: a.filing?.dueAt ?? a.dueAt ?? null, submitted: Boolean(a.filing?.submittedAt) }
      : null,
    refiling:
      refiling && refiling.state !== 'submitted' && typeof refiling.since === 'number'
        ? { since: refiling.since, dueAt: refiling.dueAt ?? null, submitted: false }
        : null,
    people: {
      publisher: person(a.responsible?.publisher),
      leader: person(a.responsible?.leader),
      reviewer: person(a.responsible?.reviewer),
    },
  };
}

/** Every account oversight watches, with only the fields it reads. */
export async function readWatchedAccounts(db: Database): Promise<AccountDocShape[]> {
  const _ = db.command;
  const out: AccountDocShape[] = [];
  let after = '';
  for (;;) {
    const res = await db
      .collection(ACCOUNTS)
      .where({ status: _.in(WATCHED), _id: _.gt(after) })
      .orderBy('_id', 'asc')
      .field(FIELDS)
      .limit(1000)
      .get();
    const rows = res.data as AccountDocShape[];
    out.push(...rows);
    if (rows.length < 1000) return out;
    after = rows[rows.length - 1]._id;
  }
}

/** The watched accounts of one unit (the drill-down). */
export async function readUnitAccounts(db: Database, unitId: string): Promise<AccountDocShape[]> {
  const _ = db.command;
  const res = await db
    .collection(ACCOUNTS)
    .where({ managingUnitId: unitId, status: _.in(WATCHED) })
    .field(FIELDS)
    .limit(1000)
    .get();
  return res.data as AccountDocShape[];
}

export type { AccountDocShape };
