import type { UnitKind } from '@shared/org/units';
import type { Role } from '@shared/access/roles';

// The demo county: Yanchi County's towns, townships and a few departments, with demo people in
// every role. Ids are readable and stable so tests and the README can refer to them.

export interface DemoUnit {
  _id: string;
  name: string;
  shortNames: string[];
  kind: UnitKind;
  role?: 'countyOffice' | 'infoCenter' | 'supervision';
}

export const DEMO_UNITS: DemoUnit[] = [
  { _id: 'u-huamachi', name: '花马池镇', shortNames: ['花马池'], kind: 'township' },
  { _id: 'u-dashuikeng', name: '大水坑镇', shortNames: ['大水坑'], kind: 'township' },
  { _id: 'u-huianbao', name: '惠安堡镇', shortNames: ['惠安堡'], kind: 'township' },
  { _id: 'u-gaoshawo', name: '高沙窝镇', shortNames: ['高沙窝'], kind: 'township' },
  { _id: 'u-wangyuejing', name: '王乐井乡', shortNames: ['王乐井'], kind: 'township' },
  { _id: 'u-fengjigou', name: '冯记沟乡', shortNames: ['冯记沟'], kind: 'township' },
  { _id: 'u-qingshan', name: '青山乡', shortNames: ['青山'], kind: 'township' },
  { _id: 'u-mahuangshan', name: '麻黄山乡', shortNames: ['麻黄山'], kind: 'township' },
  {
    _id: 'u-county-office',
    name: '县政府办公室',
    shortNames: ['县政府办', '盐池县政府'],
    kind: 'department',
    role: 'countyOffice',
  },
  { _id: 'u-info-center', name: '县政府信息中心', shortNames: ['信息中心'], kind: 'institution', role: 'infoCenter' },
  { _id: 'u-supervision', name: '县政府督查室', shortNames: ['督查室'], kind: 'department', role: 'supervision' },
  { _id: 'u-education', name: '县教育局', shortNames: ['教育局', '盐池教育'], kind: 'department' },
  { _id: 'u-health', name: '县卫生健康局', shortNames: ['卫健局', '盐池卫健'], kind: 'department' },
  { _id: 'u-police', name: '县公安局', shortNames: ['公安局', '盐池公安'], kind: 'department' },
];

export interface DemoPerson {
  _id: string;
  name: string;
  title: string;
  mobile: string;
  roles: Array<{ role: Role; unitId: string }>;
}

export const DEMO_STAFF: DemoPerson[] = [
  {
    _id: 's-edu-publisher',
    name: '李明',
    title: '办公室科员',
    mobile: '13995310001',
    roles: [{ role: 'publisher', unitId: 'u-education' }],
  },
  {
    _id: 's-edu-reviewer',
    name: '王芳',
    title: '办公室主任',
    mobile: '13995310002',
    roles: [{ role: 'reviewer', unitId: 'u-education' }],
  },
  {
    _id: 's-edu-leader',
    name: '张伟',
    title: '副局长',
    mobile: '13995310003',
    roles: [{ role: 'leader', unitId: 'u-education' }],
  },
  {
    _id: 's-edu-admin',
    name: '赵敏',
    title: '信息化专干',
    mobile: '13995310004',
    roles: [{ role: 'unitAdmin', unitId: 'u-education' }],
  },
  {
    _id: 's-hmc-publisher',
    name: '刘洋',
    title: '党政办干事',
    mobile: '13995310011',
    roles: [{ role: 'publisher', unitId: 'u-huamachi' }],
  },
  {
    _id: 's-hmc-reviewer',
    name: '陈静',
    title: '党政办主任',
    mobile: '13995310012',
    roles: [{ role: 'reviewer', unitId: 'u-huamachi' }],
  },
  {
    _id: 's-hmc-leader',
    name: '杨军',
    title: '副镇长',
    mobile: '13995310013',
    roles: [{ role: 'leader', unitId: 'u-huamachi' }],
  },
  {
    _id: 's-hmc-admin',
    name: '周丽',
    title: '党政办干事',
    mobile: '13995310014',
    roles: [{ role: 'unitAdmin', unitId: 'u-huamachi' }],
  },
  {
    _id: 's-health-publisher',
    name: '吴刚',
    title: '宣传科科员',
    mobile: '13995310021',
    roles: [
      { role: 'publisher', unitId: 'u-health' },
      { role: 'reviewer', unitId: 'u-health' },
    ],
  },
  {
    _id: 's-office-leader',
    name: '孙强',
    title: '县政府办公室副主任',
    mobile: '13995310031',
    roles: [
      { role: 'leader', unitId: 'u-county-office' },
      { role: 'unitAdmin', unitId: 'u-county-office' },
    ],
  },
  {
    _id: 's-office-clerk',
    name: '郭婷',
    title: '县政府办公室科员',
    mobile: '13995310032',
    roles: [
      { role: 'publisher', unitId: 'u-county-office' },
      { role: 'reviewer', unitId: 'u-county-office' },
    ],
  },
  {
    _id: 's-infocenter',
    name: '马超',
    title: '县政府信息中心主任',
    mobile: '13995310041',
    roles: [{ role: 'infoCenter', unitId: 'u-info-center' }],
  },
  {
    _id: 's-supervisor',
    name: '何红',
    title: '县政府督查室主任',
    mobile: '13995310051',
    roles: [{ role: 'supervisor', unitId: 'u-supervision' }],
  },
];

export const DEMO_CITIZENS = [
  { openid: 'demo-citizen-1', name: '张大爷', title: '花马池镇居民' },
  { openid: 'demo-citizen-2', name: '李女士', title: '大水坑镇居民' },
];

export const demoOpenid = (staffId: string) => `demo-openid-${staffId}`;
