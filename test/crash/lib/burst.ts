import { call, DEMO_PIN, guestSession, staffSession, type Session } from './host-client';
import { emptyAcked, type Acked } from './consistency';

// A burst of mixed writes against a running host, the way a busy morning looks: citizens send
// messages while a unit admin invites people, newcomers redeem their invites and the admin
// approves them. Only answers that arrive with ok:true count as acknowledged.

export interface BurstState {
  /** Citizens in use; each sends at most CITIZEN_QUOTA messages (the hourly limit is 5), then a new one comes. */
  citizens: Session[];
  admin: Session;
  /** The education bureau's publisher and reviewer: they accept, answer and approve messages. */
  publisher?: Session;
  reviewer?: Session;
  /** acknowledged messages to the education bureau waiting for the next step */
  toAccept: string[];
  toDraft: string[];
  toApprove: string[];
  /** invite codes acknowledged but not yet redeemed */
  codes: string[];
  /** staff ids acknowledged as registered but not yet approved */
  pending: string[];
  acked: Acked;
  /** requests sent whose answer never came (cut off by the kill) */
  cutOff: number;
  sent: number;
}

/** A burst's starting state on a fresh host: citizens, the education bureau's staff, nothing acknowledged. */
export async function newBurstState(base: string, citizens: number): Promise<BurstState> {
  return {
    citizens: await Promise.all(Array.from({ length: citizens }, () => guestSession(base))),
    admin: await staffSession(base, 's-edu-admin'),
    publisher: await staffSession(base, 's-edu-publisher'),
    reviewer: await staffSession(base, 's-edu-reviewer'),
    codes: [],
    pending: [],
    toAccept: [],
    toDraft: [],
    toApprove: [],
    acked: emptyAcked(),
    cutOff: 0,
    sent: 0,
  };
}

type Rng = () => number;

/** Stays under the per-citizen limit of shared/messages/abuse.ts (5 an hour) so no submission is refused. */
export const CITIZEN_QUOTA = 4;
const used = new WeakMap<Session, number>();

async function citizenFor(base: string, s: BurstState, rng: Rng): Promise<Session> {
  const i = Math.floor(rng() * s.citizens.length);
  const c = s.citizens[i];
  if ((used.get(c) ?? 0) < CITIZEN_QUOTA) {
    used.set(c, (used.get(c) ?? 0) + 1);
    return c;
  }
  const fresh = await guestSession(base);
  used.set(fresh, 1);
  s.citizens[i] = fresh;
  return fresh;
}

const TITLES = ['路灯不亮', '道路积水', '学校食堂', '医保报销', '广场噪音', '供暖不热', '公交改线'];

/** The message workflow and a post draft: the writes of the education bureau's staff. */
async function workflowWrite(base: string, s: BurstState, rng: Rng): Promise<boolean> {
  if (!s.publisher || !s.reviewer) return false;
  const pick = rng();
  if (pick < 0.3 && s.toAccept.length) {
    const id = s.toAccept.shift()!;
    const r = await call(base, s.publisher, 'messages', 'messages.accept', { id });
    if (!r.ok) throw new Error(`messages.accept refused: ${r.code} ${r.message}`);
    s.acked.accepted.push(id);
    s.toDraft.push(id);
    return true;
  }
  if (pick < 0.5 && s.toDraft.length) {
    const id = s.toDraft.shift()!;
    const r = await call(base, s.publisher, 'messages', 'messages.draftReply', {
      id,
      text: '您反映的问题已转交相关科室核实处理，三个工作日内答复。',
    });
    if (!r.ok) throw new Error(`messages.draftReply refused: ${r.code} ${r.message}`);
    s.toApprove.push(id);
    return true;
  }
  if (pick < 0.7 && s.toApprove.length) {
    const id = s.toApprove.shift()!;
    // approving a reply takes a fresh PIN (its ticket is itself an acknowledged write)
    const ticket = await call<{ stepUpId: string }>(base, s.reviewer, 'identity', 'stepup.verify', {
      purpose: 'message.approveReply',
      pin: DEMO_PIN,
    });
    if (!ticket.ok) throw new Error(`stepup.verify refused: ${ticket.code} ${ticket.message}`);
    const r = await call(base, s.reviewer, 'messages', 'messages.approveReply', { id, stepUpId: ticket.data.stepUpId });
    if (!r.ok) throw new Error(`messages.approveReply refused: ${r.code} ${r.message}`);
    s.acked.answered.push(id);
    return true;
  }
  if (pick < 0.85) {
    const r = await call<{ _id: string }>(base, s.publisher, 'posts', 'posts.create', {
      accountId: 'acc-edu-wechat',
      kind: 'original',
      title: '县教育局部署冬季校园安全工作',
      body: `县教育局召开冬季校园安全工作会议，部署防火、防滑和校车安全工作。（${Math.floor(rng() * 1e6)}）`,
    });
    if (!r.ok) throw new Error(`posts.create refused: ${r.code} ${r.message}`);
    s.acked.others.push({ collection: 'posts', id: r.data._id, what: 'post draft' });
    return true;
  }
  return false;
}

async function oneWrite(base: string, s: BurstState, rng: Rng): Promise<void> {
  if (rng() < 0.35 && (await workflowWrite(base, s, rng))) return;
  const pick = rng();
  if (pick < 0.6 || !s.codes.length) {
    if (pick >= 0.6 || rng() < 0.15) {
      const r = await call<{ code: string }>(base, s.admin, 'identity', 'invites.create', {
        unitId: 'u-education',
        role: 'publisher',
      });
      if (r.ok) {
        s.acked.invites.push(r.data.code);
        s.codes.push(r.data.code);
      } else throw new Error(`invites.create refused: ${r.code} ${r.message}`);
      return;
    }
    const citizen = await citizenFor(base, s, rng);
    const title = TITLES[Math.floor(rng() * TITLES.length)];
    const unitId = rng() < 0.5 ? 'u-huamachi' : 'u-education';
    const r = await call<{ _id: string; trackingNo: string }>(base, citizen, 'messages', 'messages.submit', {
      unitId,
      category: 'help',
      title,
      content: `${title}：情况已经持续一周，希望尽快处理。编号 ${Math.floor(rng() * 1e6)}`,
      allowPublish: rng() < 0.3,
    });
    if (!r.ok) throw new Error(`messages.submit refused: ${r.code} ${r.message}`);
    s.acked.messages.push(r.data);
    if (r.data && unitId === 'u-education') s.toAccept.push(r.data._id);
    return;
  }
  if (pick < 0.8 || !s.pending.length) {
    const code = s.codes.shift()!;
    const newcomer = await guestSession(base);
    const r = await call<{ staffId: string }>(base, newcomer, 'identity', 'invites.redeem', {
      code,
      name: '新同事',
      title: '办公室科员',
      mobile: '13995316666',
    });
    if (r.ok) {
      s.acked.redeemed.push(r.data.staffId);
      s.pending.push(r.data.staffId);
    } else if (r.code !== 'InvalidParameter') throw new Error(`invites.redeem refused: ${r.code} ${r.message}`);
    return;
  }
  const staffId = s.pending.shift()!;
  const r = await call(base, s.admin, 'identity', 'staff.decide', { staffId, approve: true });
  if (r.ok) s.acked.approved.push(staffId);
  else if (r.code !== 'InvalidTransition') throw new Error(`staff.decide refused: ${r.code} ${r.message}`);
}

/**
 * Runs `workers` loops of writes until the host goes away (or `until` aborts); resolves when every
 * loop has stopped.
 * A refusal nobody expected is an error (it means the burst is not testing what it claims).
 */
export async function burst(base: string, s: BurstState, rng: Rng, workers = 12, until?: AbortSignal): Promise<void> {
  const errors: Error[] = [];
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (!until?.aborted) {
        s.sent += 1;
        try {
          await oneWrite(base, s, rng);
        } catch (e) {
          if (e instanceof TypeError || (e as { cause?: unknown }).cause) {
            s.cutOff += 1; // the connection died with the host: unknown outcome, nothing acknowledged
            return;
          }
          errors.push(e as Error);
          return;
        }
      }
    }),
  );
  if (errors.length) throw errors[0];
}

/** Mulberry32: a small seeded generator, so a failing round can be replayed with its seed. */
export function seededRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
