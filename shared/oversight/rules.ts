// The county's checks as configuration (issue 7): every threshold the supervision office and the
// information center watch is one entry here, with the document and clause it comes from
// (RULES.md; 盐政公开办发〔2017〕1号). The information center edits the values (each edit a new,
// audited version); a binding document's figure is a ceiling a looser setting cannot pass, so
// the strictest applicable value always wins. Pure data and arithmetic: the client reads it to
// explain an alert, the server's engine (engine.ts) to raise one.

export const RULE_UNITS = ['days', 'workingDays', 'hours', 'months'] as const;
export type RuleUnit = (typeof RULE_UNITS)[number];
export const RULE_UNIT_LABELS: Record<RuleUnit, string> = {
  days: '天',
  workingDays: '个工作日',
  hours: '小时',
  months: '个月',
};

export const RULE_KEYS = [
  'noUpdate.publisher',
  'noUpdate.leader',
  'noUpdate.red',
  'filing.due',
  'refiling.due',
  'message.accept',
  'message.acceptUrgent',
  'message.answer',
  'message.unanswered',
  'emergency.firstRelease',
  'emergency.pressConference',
  'emergency.response',
] as const;
export type RuleKey = (typeof RULE_KEYS)[number];

export const RULE_GROUPS = ['update', 'filing', 'message', 'emergency'] as const;
export type RuleGroup = (typeof RULE_GROUPS)[number];
export const RULE_GROUP_LABELS: Record<RuleGroup, string> = {
  update: '账号更新',
  filing: '备案',
  message: '留言办理',
  emergency: '突发事件',
};

/** How loud an alert is: a reminder to the people doing the work, a warning to their leader, a red mark. */
export const ALERT_LEVELS = ['remind', 'warn', 'red'] as const;
export type AlertLevel = (typeof ALERT_LEVELS)[number];
export const ALERT_LEVEL_LABELS: Record<AlertLevel, string> = { remind: '提醒', warn: '预警', red: '红色标记' };

/** Who an alert goes to (resolved to people by the server). */
export const RECIPIENT_KINDS = [
  'accountPublisher',
  'accountLeader',
  'accountReviewer',
  'unitLeaders',
  'unitAdmins',
  'unitHandler',
  'onDuty',
  'supervisor',
  'infoCenter',
  'countyOffice',
] as const;
export type RecipientKind = (typeof RECIPIENT_KINDS)[number];
export const RECIPIENT_LABELS: Record<RecipientKind, string> = {
  accountPublisher: '账号发布人员',
  accountLeader: '账号分管领导',
  accountReviewer: '账号审核人员',
  unitLeaders: '单位分管领导',
  unitAdmins: '单位管理员',
  unitHandler: '承办人',
  onDuty: '单位值班人员',
  supervisor: '县政府督查室',
  infoCenter: '县政府信息中心',
  countyOffice: '县政府办公室',
};

export interface RuleSource {
  /** The document: 国办秘函〔2019〕19号, 盐政公开办发〔2017〕1号, … */
  doc: string;
  /** The clause or passage, in words a supervisor can quote. */
  clause: string;
}

export interface RuleDef {
  key: RuleKey;
  group: RuleGroup;
  label: string;
  unit: RuleUnit;
  defaultValue: number;
  /** Bounds the information center may set. */
  min: number;
  max: number;
  source: RuleSource;
  /** A binding document's figure: a looser setting is capped here (the strictest wins). */
  ceiling?: { value: number; source: RuleSource };
  level: AlertLevel;
  notify: readonly RecipientKind[];
}

const NOTICE = '盐政公开办发〔2017〕1号';
const CHECK_2019 = '国办秘函〔2019〕19号';
const EMERGENCY_2016 = '国办发〔2016〕61号';
const TWO_WEEKS: RuleDef['ceiling'] = {
  value: 14,
  source: { doc: CHECK_2019, clause: '单项否决：检查前 2 周内无更新' },
};

export const RULE_DEFS: Record<RuleKey, RuleDef> = {
  'noUpdate.publisher': {
    key: 'noUpdate.publisher',
    group: 'update',
    label: '连续未更新，提醒发布人员',
    unit: 'days',
    defaultValue: 10,
    min: 1,
    max: 30,
    source: { doc: '政务新媒体逐级提醒通行做法（默认值）', clause: '连续 10 天未更新提醒发布人员' },
    ceiling: TWO_WEEKS,
    level: 'remind',
    notify: ['accountPublisher'],
  },
  'noUpdate.leader': {
    key: 'noUpdate.leader',
    group: 'update',
    label: '连续未更新，提醒分管领导',
    unit: 'days',
    defaultValue: 12,
    min: 1,
    max: 30,
    source: { doc: '政务新媒体逐级提醒通行做法（默认值）', clause: '连续 12 天未更新提醒分管领导' },
    ceiling: TWO_WEEKS,
    level: 'warn',
    notify: ['accountLeader', 'accountPublisher'],
  },
  'noUpdate.red': {
    key: 'noUpdate.red',
    group: 'update',
    label: '连续未更新，红色标记并通报',
    unit: 'days',
    defaultValue: 14,
    min: 1,
    max: 30,
    source: { doc: CHECK_2019, clause: '单项否决：检查前 2 周内无更新；督查室定期通报（通知第三条、第二十六条）' },
    ceiling: TWO_WEEKS,
    level: 'red',
    notify: ['supervisor', 'accountLeader', 'accountPublisher'],
  },
  'filing.due': {
    key: 'filing.due',
    group: 'filing',
    label: '开通后报备备案表',
    unit: 'days',
    defaultValue: 7,
    min: 1,
    max: 30,
    source: { doc: NOTICE, clause: '通知第一条：开通 1 周内填报备案表报县政府信息中心' },
    ceiling: { value: 7, source: { doc: NOTICE, clause: '通知第一条：开通 1 周内备案' } },
    level: 'warn',
    notify: ['accountLeader', 'unitAdmins', 'infoCenter'],
  },
  'refiling.due': {
    key: 'refiling.due',
    group: 'filing',
    label: '责任人或名称变更后重新备案',
    unit: 'days',
    defaultValue: 7,
    min: 1,
    max: 30,
    source: { doc: `${NOTICE}（参照）`, clause: '备案事项变更参照开通备案 1 周时限（默认值）' },
    level: 'warn',
    notify: ['accountLeader', 'unitAdmins', 'infoCenter'],
  },
  'message.accept': {
    key: 'message.accept',
    group: 'message',
    label: '留言受理',
    unit: 'workingDays',
    defaultValue: 1,
    min: 1,
    max: 10,
    source: { doc: '12345 热线工作规则（默认值）', clause: '1 个工作日内派单受理；通知第二条：受理、转办、督办、回复' },
    level: 'remind',
    notify: ['onDuty', 'unitLeaders'],
  },
  'message.acceptUrgent': {
    key: 'message.acceptUrgent',
    group: 'message',
    label: '紧急求助受理',
    unit: 'hours',
    defaultValue: 2,
    min: 1,
    max: 24,
    source: { doc: '12345 热线工作规则（默认值）', clause: '涉及生命财产安全的紧急诉求 2 小时内处置' },
    level: 'warn',
    notify: ['onDuty', 'unitLeaders'],
  },
  'message.answer': {
    key: 'message.answer',
    group: 'message',
    label: '留言答复',
    unit: 'workingDays',
    defaultValue: 5,
    min: 1,
    max: 30,
    source: { doc: '省级政务新媒体检查通报', clause: '简单咨询超过 5 个工作日未答复被点名通报' },
    level: 'warn',
    notify: ['unitHandler', 'unitLeaders'],
  },
  'message.unanswered': {
    key: 'message.unanswered',
    group: 'message',
    label: '留言长期未回复',
    unit: 'months',
    defaultValue: 3,
    min: 1,
    max: 3,
    source: { doc: CHECK_2019, clause: '留言超过 3 个月未回复，互动回应差（单项否决）' },
    ceiling: { value: 3, source: { doc: CHECK_2019, clause: '留言超过 3 个月未回复即不合格' } },
    level: 'red',
    notify: ['supervisor', 'unitLeaders'],
  },
  'emergency.firstRelease': {
    key: 'emergency.firstRelease',
    group: 'emergency',
    label: '突发事件首次权威发布',
    unit: 'hours',
    defaultValue: 5,
    min: 1,
    max: 5,
    source: { doc: EMERGENCY_2016, clause: '5 小时内发布权威信息；通知第三条：不失声、不缺位' },
    ceiling: { value: 5, source: { doc: EMERGENCY_2016, clause: '5 小时内发布权威信息' } },
    level: 'red',
    notify: ['onDuty', 'unitLeaders', 'countyOffice'],
  },
  'emergency.pressConference': {
    key: 'emergency.pressConference',
    group: 'emergency',
    label: '重大突发事件新闻发布会',
    unit: 'hours',
    defaultValue: 24,
    min: 1,
    max: 24,
    source: { doc: EMERGENCY_2016, clause: '重大突发事件 24 小时内举行新闻发布会' },
    ceiling: { value: 24, source: { doc: EMERGENCY_2016, clause: '24 小时内举行发布会' } },
    level: 'warn',
    notify: ['countyOffice', 'supervisor'],
  },
  'emergency.response': {
    key: 'emergency.response',
    group: 'emergency',
    label: '回应社会关切',
    unit: 'hours',
    defaultValue: 48,
    min: 1,
    max: 48,
    source: { doc: EMERGENCY_2016, clause: '对社会关切 48 小时内予以回应' },
    ceiling: { value: 48, source: { doc: EMERGENCY_2016, clause: '48 小时内予以回应' } },
    level: 'warn',
    notify: ['countyOffice', 'supervisor'],
  },
};

/** What is stored per rule in a version: the value set and whether the check runs. */
export interface RuleSetting {
  value: number;
  enabled: boolean;
}
export type RuleSettings = Record<RuleKey, RuleSetting>;

export function defaultSettings(): RuleSettings {
  return Object.fromEntries(
    RULE_KEYS.map((k) => [k, { value: RULE_DEFS[k].defaultValue, enabled: true }]),
  ) as RuleSettings;
}

/** A rule as it applies now: the setting, capped by its ceiling, with where the figure comes from. */
export interface EffectiveRule {
  key: RuleKey;
  label: string;
  group: RuleGroup;
  unit: RuleUnit;
  /** The value that applies (the strictest of the setting and the ceiling). */
  value: number;
  /** The value the information center set. */
  configured: number;
  enabled: boolean;
  level: AlertLevel;
  notify: readonly RecipientKind[];
  /** The source of the value that applies: the ceiling's when it is the stricter. */
  source: RuleSource;
  cappedByCeiling: boolean;
  /** `14 天`, `5 个工作日` */
  text: string;
}

export type EffectiveRules = Record<RuleKey, EffectiveRule>;

export function formatAmount(value: number, unit: RuleUnit): string {
  return `${value} ${RULE_UNIT_LABELS[unit]}`;
}

/** Applies the strictest-wins rule to every entry of a stored version (missing keys take defaults). */
export function effectiveRules(settings: Partial<RuleSettings>): EffectiveRules {
  const out = {} as EffectiveRules;
  for (const key of RULE_KEYS) {
    const def = RULE_DEFS[key];
    const s = settings[key] ?? { value: def.defaultValue, enabled: true };
    const capped = def.ceiling !== undefined && def.ceiling.value < s.value;
    const value = capped ? def.ceiling!.value : s.value;
    out[key] = {
      key,
      label: def.label,
      group: def.group,
      unit: def.unit,
      value,
      configured: s.value,
      enabled: s.enabled,
      level: def.level,
      notify: def.notify,
      source: capped ? def.ceiling!.source : def.source,
      cappedByCeiling: capped,
      text: formatAmount(value, def.unit),
    };
  }
  return out;
}

/** The three no-update steps in escalation order, as they apply. */
export const NO_UPDATE_CHAIN: readonly RuleKey[] = ['noUpdate.publisher', 'noUpdate.leader', 'noUpdate.red'];

/**
 * Why a proposed set of settings cannot be saved (field → Chinese reason); empty when fine.
 * The escalation steps must rise (publisher before leader before red mark).
 */
export function settingsProblems(settings: RuleSettings): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const key of RULE_KEYS) {
    const def = RULE_DEFS[key];
    const v = settings[key].value;
    if (!Number.isInteger(v) || v < def.min || v > def.max)
      problems[key] = `${def.label}的时限须为 ${def.min}–${def.max} ${RULE_UNIT_LABELS[def.unit]}的整数`;
  }
  const eff = effectiveRules(settings);
  const [p, l, r] = NO_UPDATE_CHAIN.map((k) => eff[k].value);
  if (!problems['noUpdate.leader'] && l <= p)
    problems['noUpdate.leader'] = '提醒分管领导的天数须大于提醒发布人员的天数';
  if (!problems['noUpdate.red'] && r <= l) problems['noUpdate.red'] = '红色标记的天数须大于提醒分管领导的天数';
  return problems;
}

/** The keys whose setting differs between two versions, for the change log. */
export function changedKeys(before: RuleSettings, after: RuleSettings): RuleKey[] {
  return RULE_KEYS.filter((k) => before[k].value !== after[k].value || before[k].enabled !== after[k].enabled);
}
