// What other features rely on about an official account (政务微博/微信). The accounts feature owns
// the full record and its lifecycle (shared/accounts/*, server/features/accounts/*); posts,
// oversight and the directory read only these fields, so they must keep these names and meanings.

export const ACCOUNTS = 'accounts';

export const PLATFORMS = ['weibo', 'wechat', 'channels', 'douyin', 'toutiao', 'kuaishou', 'other'] as const;
export type Platform = (typeof PLATFORMS)[number];
export const PLATFORM_LABELS: Record<Platform, string> = {
  weibo: '微博',
  wechat: '微信公众号',
  channels: '微信视频号',
  douyin: '抖音',
  toutiao: '今日头条',
  kuaishou: '快手',
  other: '其他平台',
};

export const ACCOUNT_TYPES = ['institutional', 'officialPersonal', 'leader'] as const;
export type AccountType = (typeof ACCOUNT_TYPES)[number];
export const ACCOUNT_TYPE_LABELS: Record<AccountType, string> = {
  institutional: '机构账号',
  officialPersonal: '公务人员账号',
  leader: '领导公务账号',
};

/** One of the three responsible people of 附件1; each is a staff member of the product. */
export interface ResponsiblePerson {
  staffId: string;
  name: string;
  title: string;
  phone: string;
}

/** The fields posts, oversight and the directory read. */
export interface AccountCore {
  _id: string;
  platform: Platform;
  type: AccountType;
  /** 主管部门 (the certified owner) and 管理部门 (runs it); may be the same unit (第六条). */
  owningUnitId: string;
  managingUnitId: string;
  name: string;
  /**
   * Lifecycle state; posts may be drafted and published only while it is 'active'
   * (opened, filed and accepted by the information center). Other states are the accounts
   * feature's business.
   */
  status: string;
  responsible: { leader: ResponsiblePerson; reviewer: ResponsiblePerson; publisher: ResponsiblePerson };
  /** When the account was opened on the platform (ms), once known. */
  openedAt: number | null;
}
