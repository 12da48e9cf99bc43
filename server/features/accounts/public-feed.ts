import type { DirectoryFeed } from '@shared/accounts/views';
import type { Database } from '@server/runtime/deps';
import { imageStore } from './files';
import { wholeDirectory } from './queries';

// The public directory feed (第二十三条: the portal shows every account in one place). Anyone
// may read it; it carries only what the directory shows citizens.

export const DIRECTORY_FEED_TITLE = '盐池县政务新媒体账号名录';

export async function directoryFeed(db: Database, now: number): Promise<DirectoryFeed> {
  const accounts = await wholeDirectory(db);
  return {
    title: DIRECTORY_FEED_TITLE,
    generatedAt: new Date(now).toISOString(),
    count: accounts.length,
    accounts,
  };
}

/** A locally stored image by key (production images are served by cloud storage). */
export function publicImage(key: string) {
  return imageStore().get(key);
}
