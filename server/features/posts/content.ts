import type { AccountCore } from '@shared/accounts/contract';
import type { PostContent } from '@shared/posts/views';
import type { Database } from '@server/runtime/database';
import { invalid } from '@server/runtime/errors';
import { getDoc } from '@server/runtime/trace';
import { linkableEvent } from './events';
import { POSTS, type PostDoc } from './model';

// Content as written: one fixed shape (so versions compare field by field), and the rules a
// draft's content must meet before it is saved (a correction names a published post of the
// same account; an emergency happened in the past, and links only to an active event that
// concerns the account's unit).

export function toContent(input: PostContent): PostContent {
  return {
    kind: input.kind,
    title: input.title,
    body: input.body,
    links: [...input.links],
    images: [...input.images],
    videoUrl: input.videoUrl,
    sourceName: input.sourceName,
    sourceUrl: input.sourceUrl,
    correctsPostId: input.kind === 'correction' ? input.correctsPostId : null,
    occurredAt: input.kind === 'emergency' ? input.occurredAt : null,
    emergencyEventId: input.kind === 'emergency' ? input.emergencyEventId : null,
  };
}

const FUTURE_SLACK_MS = 5 * 60 * 1000;

export async function validateContent(
  db: Database,
  content: PostContent,
  account: AccountCore,
  now: number,
  /** The post as it was, when this is an edit. */
  before?: Pick<PostDoc, '_id' | 'emergencyEventId'>,
): Promise<void> {
  const selfId = before?._id;
  if (content.kind === 'emergency' && content.occurredAt !== null && content.occurredAt > now + FUTURE_SLACK_MS) {
    throw invalid('事件发生时间不能晚于现在', { occurredAt: '事件发生时间不能晚于现在' });
  }
  if (content.kind === 'correction' && content.correctsPostId) {
    const target = await getDoc<PostDoc>(db, POSTS, content.correctsPostId);
    const field = { correctsPostId: '请选择本账号已发布的信息' };
    if (!target || target._id === selfId) throw invalid('被更正的信息不存在', field);
    if (target.accountId !== account._id) throw invalid('只能更正本账号发布的信息', field);
    if (target.state !== 'published') {
      throw invalid(target.state === 'corrected' ? '该信息已经更正过' : '只能更正已发布的信息', field);
    }
  }
  // A link made earlier stays valid after the event ends; a new or changed one is checked.
  if (content.emergencyEventId && content.emergencyEventId !== before?.emergencyEventId) {
    await linkableEvent(db, content.emergencyEventId, account.managingUnitId);
  }
}
