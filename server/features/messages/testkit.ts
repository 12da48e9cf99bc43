// Helpers for the message tests (not a test file itself): the demo people, sending a message,
// calling an action, reading the stored document and a person's notices.
import { CITIZEN, okData, staffOpenid, type TestCloud } from '../../../test/support/cloud-harness';
import type { Envelope } from '@shared/core/envelope';
import type { SubmitMessageInput } from '@shared/messages/schemas';
import { NOTIFICATIONS, type NoticeDoc } from '@server/features/notifications/notify';
import { getDoc } from '@server/runtime/trace';
import { MESSAGES, type MessageDoc } from './model';

export { CITIZEN };

/** The demo county's people (server/local/demo/county.ts). */
export const P = {
  eduPub: staffOpenid('s-edu-publisher'), // 李明
  eduRev: staffOpenid('s-edu-reviewer'), // 王芳
  eduLeader: staffOpenid('s-edu-leader'), // 张伟
  eduAdmin: staffOpenid('s-edu-admin'), // 赵敏
  hmcPub: staffOpenid('s-hmc-publisher'), // 刘洋
  hmcRev: staffOpenid('s-hmc-reviewer'), // 陈静
  hmcLeader: staffOpenid('s-hmc-leader'), // 杨军
  officeLeader: staffOpenid('s-office-leader'), // 孙强
  officeClerk: staffOpenid('s-office-clerk'), // 郭婷
  info: staffOpenid('s-infocenter'), // 马超
  sup: staffOpenid('s-supervisor'), // 何红
} as const;

export const HOUR = 3600_000;
export const DAY = 24 * HOUR;
/** China wall-clock time → epoch ms. */
export const cst = (y: number, mo: number, d: number, h = 0, mi = 0) => Date.UTC(y, mo - 1, d, h - 8, mi);
export const endOfChinaDay = (y: number, mo: number, d: number) => cst(y, mo, d + 1) - 1;

let n = 0;
export function message(over: Partial<SubmitMessageInput> = {}): SubmitMessageInput {
  n += 1;
  return {
    unitId: 'u-education',
    category: 'consult',
    title: `孩子转学手续咨询${n}`,
    content: `请问从外县转学到县城小学需要准备哪些材料？（第 ${n} 问）`,
    allowPublish: true,
    ...over,
  };
}

export async function send(cloud: TestCloud, over: Partial<SubmitMessageInput> = {}, openid: string = CITIZEN) {
  return okData(
    await cloud.call<{ _id: string; trackingNo: string }>('messages', 'messages.submit', message(over), openid),
  );
}

export function act<T = unknown>(
  cloud: TestCloud,
  action: string,
  data: unknown,
  openid: string,
): Promise<Envelope<T>> {
  return cloud.call<T>('messages', action, data, openid);
}

export async function ok<T = unknown>(cloud: TestCloud, action: string, data: unknown, openid: string): Promise<T> {
  return okData(await act<T>(cloud, action, data, openid));
}

export async function stored(cloud: TestCloud, id: string): Promise<MessageDoc> {
  const m = await getDoc<MessageDoc>(cloud.db, MESSAGES, id);
  if (!m) throw new Error(`no message ${id}`);
  return m;
}

/** Notices of one person, oldest first. */
export async function noticesOf(cloud: TestCloud, to: { staffId: string } | { openid: string }): Promise<NoticeDoc[]> {
  const res = await cloud.db.collection(NOTIFICATIONS).where(to).orderBy('createdAt', 'asc').limit(100).get();
  return res.data as NoticeDoc[];
}

/** Expects a refusal with this code (and, when given, a message matching `message`). */
export function refused(env: Envelope<unknown>, code: string, message?: RegExp): string {
  if (env.ok) throw new Error(`expected ${code}, got ok`);
  if (env.code !== code) throw new Error(`expected ${code}, got ${env.code}: ${env.message}`);
  if (message && !message.test(env.message)) throw new Error(`message "${env.message}" does not match ${message}`);
  return env.message;
}
