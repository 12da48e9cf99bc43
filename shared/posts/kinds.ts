// Kinds of post (信息发布): original, repost (第十二条 attribution), correction and apology
// (第十八条(四)), emergency (突发事件, 第十八条(四), 第二十四条).

export const POST_KINDS = ['original', 'repost', 'correction', 'emergency'] as const;
export type PostKind = (typeof POST_KINDS)[number];

export const POST_KIND_LABELS: Record<PostKind, string> = {
  original: '原创',
  repost: '转发',
  correction: '更正致歉',
  emergency: '突发事件',
};
