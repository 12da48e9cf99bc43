// The ONE declaration of database indexes, per collection. The local store builds SQLite
// expression indexes from it (server/local/cloud/schema.ts) and only pushes filters and sorts
// on these paths down to SQL; `npx tsx server/db/cloudbase-indexes.ts` prints the same list
// for the CloudBase console / API, so production and local stay in step.
// Direction matters for compound sorts: (unitId 1, createdAt -1) serves "newest first per unit".

export type IndexDirection = 1 | -1;

export interface IndexDeclaration {
  /** Unique within the collection; becomes the CloudBase index name. */
  name: string;
  fields: Array<[path: string, dir: IndexDirection]>;
  unique?: boolean;
}

export const INDEXES: Record<string, IndexDeclaration[]> = {
  messages: [
    {
      name: 'unit_created',
      fields: [
        ['unitId', 1],
        ['createdAt', -1],
      ],
    },
    {
      name: 'citizen_created',
      fields: [
        ['citizenOpenid', 1],
        ['createdAt', -1],
      ],
    },
    { name: 'tracking_no', fields: [['trackingNo', 1]], unique: true },
    {
      name: 'state_due',
      fields: [
        ['state', 1],
        ['dueAt', 1],
      ],
    },
    // issue 6: inbox filters, the supervision office's lists, the sweeper and the public board.
    {
      name: 'unit_due',
      fields: [
        ['unitId', 1],
        ['dueAt', 1],
      ],
    },
    {
      name: 'overdue_due',
      fields: [
        ['overdue', 1],
        ['dueAt', 1],
      ],
    },
    {
      name: 'handler_created',
      fields: [
        ['handlerId', 1],
        ['createdAt', -1],
      ],
    },
    {
      name: 'unit_review',
      fields: [
        ['unitId', 1],
        ['awaitingReview', 1],
        ['createdAt', -1],
      ],
    },
    { name: 'next_check', fields: [['nextCheckAt', 1]] },
    {
      name: 'published',
      fields: [
        ['published', 1],
        ['publishedAt', -1],
      ],
    },
    {
      name: 'reopened',
      fields: [
        ['reopenedOpen', 1],
        ['updatedAt', -1],
      ],
    },
    {
      name: 'extension',
      fields: [
        ['extensionPending', 1],
        ['updatedAt', -1],
      ],
    },
    {
      name: 'urged',
      fields: [
        ['urgedOpen', 1],
        ['updatedAt', -1],
      ],
    },
  ],
  notifications: [
    {
      name: 'staff_created',
      fields: [
        ['staffId', 1],
        ['createdAt', -1],
      ],
    },
    {
      name: 'openid_created',
      fields: [
        ['openid', 1],
        ['createdAt', -1],
      ],
    },
    {
      name: 'staff_unread',
      fields: [
        ['staffId', 1],
        ['readAt', 1],
      ],
    },
    {
      name: 'openid_unread',
      fields: [
        ['openid', 1],
        ['readAt', 1],
      ],
    },
  ],
  outbox: [
    {
      name: 'status_created',
      fields: [
        ['status', 1],
        ['createdAt', 1],
      ],
    },
    { name: 'created', fields: [['createdAt', -1]] },
  ],
  staff: [{ name: 'openid', fields: [['openid', 1]], unique: true }],
  units: [
    { name: 'name', fields: [['name', 1]] },
    // units.list: the county's order, a page at a time
    {
      name: 'status_order',
      fields: [
        ['status', 1],
        ['order', 1],
      ],
    },
  ],
  // devices.mine / devices.unit: a person's phones, newest first
  devices: [
    {
      name: 'staff_created',
      fields: [
        ['staffId', 1],
        ['createdAt', -1],
      ],
    },
  ],
  // invites.open: a unit's invites newest first (used, cancelled and expired ones filtered out)
  invites: [
    {
      name: 'unit_created',
      fields: [
        ['unitId', 1],
        ['createdAt', -1],
      ],
    },
  ],
  audit: [
    { name: 'seq', fields: [['seq', 1]], unique: true },
    // security.events: a unit's entries newest first, paged by seq (the chain's own order).
    {
      name: 'unit_seq',
      fields: [
        ['unitId', 1],
        ['seq', -1],
      ],
    },
  ],
  counters: [],
  accounts: [
    {
      name: 'units_created',
      fields: [
        ['unitIds', 1],
        ['createdAt', -1],
      ],
    },
    {
      name: 'queue_created',
      fields: [
        ['queue', 1],
        ['createdAt', -1],
      ],
    },
    {
      name: 'due_created',
      fields: [
        ['dueAt', 1],
        ['createdAt', -1],
      ],
    },
    {
      name: 'status_dirkey',
      fields: [
        ['status', 1],
        ['dirKey', 1],
      ],
    },
    // posts.accounts: a publisher's active accounts, newest first
    {
      name: 'managing_status_created',
      fields: [
        ['managingUnitId', 1],
        ['status', 1],
        ['createdAt', -1],
      ],
    },
  ],
  accountExceptions: [
    {
      name: 'unit_kind_platform',
      fields: [
        ['unitId', 1],
        ['kind', 1],
        ['platform', 1],
        ['state', 1],
      ],
    },
    {
      name: 'unit_created',
      fields: [
        ['unitId', 1],
        ['createdAt', -1],
      ],
    },
  ],
  accountSlots: [],
  posts: [
    {
      name: 'author_created',
      fields: [
        ['authorId', 1],
        ['createdAt', -1],
      ],
    },
    {
      name: 'unit_queue',
      fields: [
        ['unitId', 1],
        ['state', 1],
        ['priority', -1],
        ['queuedAt', 1],
      ],
    },
    {
      name: 'account_queue',
      fields: [
        ['accountId', 1],
        ['state', 1],
        ['priority', -1],
        ['queuedAt', 1],
      ],
    },
    { name: 'public_feed', fields: [['publicAt', -1]] },
    {
      name: 'unit_feed',
      fields: [
        ['unitId', 1],
        ['publicAt', -1],
      ],
    },
  ],
  postVersions: [
    {
      name: 'post_n',
      fields: [
        ['postId', 1],
        ['n', 1],
      ],
    },
  ],
  postEvents: [
    {
      name: 'post_at',
      fields: [
        ['postId', 1],
        ['at', 1],
      ],
    },
  ],
  postSeen: [],
  postRules: [],
  // Oversight (issue 7).
  alerts: [
    { name: 'state', fields: [['state', 1]] },
    {
      name: 'unit_state_created',
      fields: [
        ['unitId', 1],
        ['state', 1],
        ['createdAt', -1],
      ],
    },
  ],
  oversightRules: [{ name: 'version', fields: [['version', -1]], unique: true }],
  oversightMeta: [],
  oversightUnitStats: [{ name: 'order', fields: [['order', 1]] }],
  oversightMonthly: [
    { name: 'month', fields: [['month', 1]] },
    {
      name: 'unit_month',
      fields: [
        ['unitId', 1],
        ['month', 1],
      ],
    },
  ],
  // The second snapshot set (server/features/oversight/model.ts SNAPSHOT_SETS): the same indexes.
  oversightUnitStatsB: [{ name: 'order', fields: [['order', 1]] }],
  oversightMonthlyB: [
    { name: 'month', fields: [['month', 1]] },
    {
      name: 'unit_month',
      fields: [
        ['unitId', 1],
        ['month', 1],
      ],
    },
  ],
  bulletins: [{ name: 'created', fields: [['createdAt', -1]] }],
  // Import keys (server/features/portal): the information center's list, newest first.
  importKeys: [{ name: 'created', fields: [['createdAt', -1]] }],
  incidents: [
    { name: 'created', fields: [['createdAt', -1]] },
    {
      name: 'unit_created',
      fields: [
        ['unitId', 1],
        ['createdAt', -1],
      ],
    },
  ],
  dutyRosters: [],
  dutyHandovers: [
    {
      name: 'unit_created',
      fields: [
        ['unitId', 1],
        ['createdAt', -1],
      ],
    },
  ],
  // Private uploads (server/features/uploads): the hourly cap counts one person's recent uploads.
  messagePhotos: [
    {
      name: 'owner_at',
      fields: [
        ['ownerOpenid', 1],
        ['at', -1],
      ],
    },
  ],
  postImages: [
    {
      name: 'owner_at',
      fields: [
        ['ownerOpenid', 1],
        ['at', -1],
      ],
    },
  ],
  emergencyEvents: [
    { name: 'occurred', fields: [['occurredAt', -1]] },
    {
      name: 'status_occurred',
      fields: [
        ['status', 1],
        ['occurredAt', -1],
      ],
    },
  ],
};
