// Which lists a person sees on the 信息发布 screen, from their roles: the publisher's own drafts
// and the posts waiting to be published, the reviewer's queue, the leader's approvals. A person
// who only approves lands straight on their approval list.

export type PostsTab = 'mine' | 'review' | 'approve' | 'publish';

export const TAB_LABELS: Record<PostsTab, string> = {
  mine: '我的稿件',
  review: '待我审核',
  approve: '待我审批',
  publish: '待发布',
};

export function tabsFor(roles: readonly string[]): PostsTab[] {
  const has = (r: string) => roles.includes(r);
  const tabs: PostsTab[] = [];
  if (has('publisher')) tabs.push('mine');
  if (has('reviewer')) tabs.push('review');
  if (has('publisher')) tabs.push('publish');
  if (has('leader')) tabs.unshift('approve');
  return tabs;
}

export function initialTab(tabs: PostsTab[], wanted: string | undefined): PostsTab | null {
  if (wanted && (tabs as string[]).includes(wanted)) return wanted as PostsTab;
  return tabs[0] ?? null;
}
