import type { Platform } from '@shared/accounts/contract';
import { hitKey, runChecks, summarize, type CheckHit, type CheckReport } from '@shared/posts/checks';
import type { PostContent } from '@shared/posts/views';
import type { Database } from '@server/runtime/database';
import { contentSecurity } from './content-security';
import { loadCheckSettings } from './rules-store';

// Runs the automatic checks for a post's content: the shared pure checks with the information
// center's current lists, and on submission WeChat's content-security verdict as well.

export async function checkContent(
  db: Database,
  platform: Platform,
  c: PostContent,
  now: number,
): Promise<CheckReport> {
  const settings = await loadCheckSettings(db);
  return runChecks(
    {
      kind: c.kind,
      platform,
      title: c.title,
      body: c.body,
      links: c.links,
      videoUrl: c.videoUrl,
      sourceName: c.sourceName,
      sourceUrl: c.sourceUrl,
    },
    settings,
    now,
  );
}

/** Adds WeChat's verdict: risky blocks, review warns, unavailable is recorded as such. */
export async function withContentSecurity(report: CheckReport, c: PostContent, openid: string): Promise<CheckReport> {
  const text = [c.title, c.body, c.sourceName, ...c.links].filter(Boolean).join('\n');
  const verdict = await contentSecurity().check(text, openid);
  const hit = (severity: CheckHit['severity']): CheckHit => ({
    key: hitKey('contentSecurity', 'body', 0, 0),
    rule: 'contentSecurity',
    severity,
    overridable: false,
    field: 'body',
    start: 0,
    end: 0,
    excerpt: '',
    message: verdict.message,
    basis: '网络安全法；微信内容安全接口',
  });
  const extra: CheckHit[] =
    verdict.status === 'risky'
      ? [hit('blocking')]
      : verdict.status === 'review'
        ? [hit('warning')]
        : verdict.status === 'unavailable'
          ? [hit('info')]
          : [];
  const hits = [...report.hits, ...extra];
  return { ...report, hits, ...summarize(hits), contentSecurity: verdict };
}

/**
 * The checks again with the lists as they are now (the information center may have added a
 * word since submission), keeping the WeChat verdict recorded at submission.
 */
export async function recheck(
  db: Database,
  post: { platform: Platform; checks: CheckReport | null } & PostContent,
  now: number,
) {
  const fresh = await checkContent(db, post.platform, post, now);
  const kept = post.checks?.hits.filter((h) => h.rule === 'contentSecurity') ?? [];
  const hits = [...fresh.hits, ...kept];
  return {
    ...fresh,
    hits,
    ...summarize(hits),
    contentSecurity: post.checks?.contentSecurity ?? fresh.contentSecurity,
  };
}
