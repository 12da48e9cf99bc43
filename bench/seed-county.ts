// `npx tsx bench/seed-county.ts [--force] [--scale 0.01]`
// Seeds a synthetic county at scale into a local store file, fast: 300 units, 3 000 staff (each
// with a trusted phone), 2 000 accounts, 200 000 posts (with their versions and events),
// 1 000 000 citizen messages and 5 000 000 audit entries on one valid hash chain. Documents are
// clones of templates the product's own actions wrote (bench/lib/templates.ts), written straight
// into the store's format (server/local/cloud: one table per collection, JSON text per row) in
// large SQLite transactions; the store itself then builds its declared indexes on first open.
// The file is cached under .tmp/bench/, keyed by SEED_VERSION, the scale and a hash of the
// store's format code, so later runs reuse it.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openLocalStore } from '@server/local/cloud';
import { createCollectionTable, createMetaTables, tableName } from '@server/local/cloud/schema';
import { toStoredText } from '@server/local/cloud/values';
import { auditId, hashEntry, GENESIS_HASH, type AuditRecord } from '@server/runtime/audit';
import { formatTrackingNo } from '@shared/messages/tracking';
import { chinaDateKey } from '@shared/core/china-time';
import { DEMO_STAFF, DEMO_UNITS } from '@server/local/demo/county';
import { PLATFORMS } from '@shared/accounts/contract';
import { buildTemplates, instantiate, TEMPLATE_TIME, type Doc, type Templates } from './lib/templates';

/** Bump when the seeded content changes meaning (not needed for new indexes: the store builds them). */
export const SEED_VERSION = 3;

export const FULL_SCALE = {
  units: 300,
  staff: 3_000,
  accounts: 2_000,
  posts: 200_000,
  messages: 1_000_000,
  audit: 5_000_000,
};
export type Scale = typeof FULL_SCALE;

/** The store's on-disk format: a change here means a new seed (SEED_VERSION covers the seeder itself). */
const FORMAT_FILES = [
  'server/local/cloud/schema.ts',
  'server/local/cloud/values.ts',
  'server/local/cloud/sql-exprs.ts',
];

/** Who and what the benchmarks can use in the seeded county. */
export interface SeedManifest {
  seedVersion: number;
  scale: Scale;
  factor: number;
  counts: Record<string, number>;
  seconds: number;
  bytes: number;
  /** The time the messages and audit entries end at (ms); the county's "now" is after this. */
  endsAt: number;
  units: string[];
  /** staff id → the unit they serve and their role, with their phone's id and secret */
  callers: Record<string, { unitId: string; role: string; openid: string; deviceId: string; secret: string }>;
  /** A citizen with several messages */
  citizens: string[];
  missing: Record<string, string>;
}

export function scaleOf(factor: number): Scale {
  const s = { ...FULL_SCALE };
  for (const k of Object.keys(s) as Array<keyof Scale>) {
    if (k === 'units') s[k] = Math.max(20, Math.round(s[k] * Math.sqrt(factor)));
    else if (k === 'staff') s[k] = Math.max(s.units * 10, Math.round(s[k] * factor));
    else s[k] = Math.max(50, Math.round(s[k] * factor));
  }
  s.staff = Math.max(s.staff, s.units * 10);
  return s;
}

export function cacheKey(factor: number): string {
  const h = createHash('sha256');
  for (const f of FORMAT_FILES) h.update(existsSync(f) ? readFileSync(f) : '');
  return `county-v${SEED_VERSION}-x${factor}-${h.digest('hex').slice(0, 10)}`;
}

export const BENCH_DIR = '.tmp/bench';

/** The seeded file (seeding it first when it is not cached). */
export async function ensureScaledCounty(
  opts: { force?: boolean; factor?: number; log?: (line: string) => void } = {},
): Promise<{ file: string; manifest: SeedManifest; cached: boolean }> {
  const factor = opts.factor ?? Number(process.env.BENCH_SCALE ?? 1);
  const log = opts.log ?? ((l: string) => console.log(l));
  const key = cacheKey(factor);
  const file = join(BENCH_DIR, `${key}.sqlite`);
  const manifestFile = join(BENCH_DIR, `${key}.json`);
  if (!opts.force && existsSync(file) && existsSync(manifestFile)) {
    return { file, manifest: JSON.parse(readFileSync(manifestFile, 'utf8')) as SeedManifest, cached: true };
  }
  mkdirSync(BENCH_DIR, { recursive: true });
  const tmp = `${file}.seeding`;
  for (const f of [tmp, `${tmp}-wal`, `${tmp}-shm`]) rmSync(f, { force: true });
  const started = Date.now();
  const manifest = await seed(tmp, scaleOf(factor), factor, log);
  log('建立索引（由本地存储在首次打开时按 server/db/indexes.ts 建立）…');
  const t0 = Date.now();
  openLocalStore({ file: tmp }).close();
  log(`  索引完成，用时 ${((Date.now() - t0) / 1000).toFixed(0)} 秒`);
  manifest.seconds = Math.round((Date.now() - started) / 1000);
  manifest.bytes = statSync(tmp).size;
  renameSync(tmp, file);
  writeFileSync(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
  return { file, manifest, cached: false };
}

const DAY = 24 * 3600 * 1000;
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英';
const TOWNS = '东西南北新长兴永安和平红星金银青山白土井泉沟湾堡城';
const TITLES = [
  '路灯不亮',
  '道路积水',
  '学校食堂',
  '医保报销',
  '广场噪音',
  '供暖不热',
  '公交改线',
  '低保申请',
  '饮水安全',
];

function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function seed(file: string, scale: Scale, factor: number, log: (l: string) => void): Promise<SeedManifest> {
  log(`生成模板文档（用产品自己的操作写出）…`);
  const tpl = await buildTemplates();
  for (const [name, why] of Object.entries(tpl.missing)) log(`  注意：${name} 无模板，不播种（${why}）`);

  const db = new Database(file);
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -262144');
  createMetaTables(db);
  let rev = 0;
  const counts: Record<string, number> = {};
  const statements = new Map<string, Database.Statement>();
  const put = (collection: string, id: string, doc: Record<string, unknown>) => {
    let stmt = statements.get(collection);
    if (!stmt) {
      createCollectionTable(db, collection);
      stmt = db.prepare(`INSERT INTO "${tableName(collection)}" (id, rev, data) VALUES (?, ?, ?)`);
      statements.set(collection, stmt);
    }
    // The store keeps `_id` inside the JSON too (server/local/cloud/store.ts write()).
    stmt.run(id, ++rev, toStoredText({ ...doc, _id: id }));
    counts[collection] = (counts[collection] ?? 0) + 1;
  };
  const inBatches = (label: string, total: number, each: (i: number) => void) => {
    const t0 = Date.now();
    const batch = 50_000;
    for (let start = 0; start < total; start += batch) {
      db.transaction(() => {
        for (let i = start; i < Math.min(total, start + batch); i++) each(i);
      })();
      if (total > 200_000 && (start / batch) % 20 === 19) log(`  ${label} ${Math.min(total, start + batch)}/${total}`);
    }
    log(`  ${label}：${total} 条，${((Date.now() - t0) / 1000).toFixed(1)} 秒`);
  };
  const r = rng(20261127);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  const name = () => `${pick([...SURNAMES])}${pick([...GIVEN])}${r() < 0.5 ? pick([...GIVEN]) : ''}`;

  // The county's clock: everything happened in the year before `endsAt` (yesterday, China time).
  const endsAt = Math.floor((Date.now() + 8 * 3600 * 1000) / DAY) * DAY - 8 * 3600 * 1000 - 3600 * 1000;
  const span = 365 * DAY;
  const startsAt = endsAt - span;

  // ---- units: the demo county's units, then synthetic townships and departments
  const units: Array<{ _id: string; name: string }> = [];
  inBatches('单位', scale.units, (i) => {
    const demo = DEMO_UNITS[i];
    const id = demo?._id ?? `u-b${String(i).padStart(4, '0')}`;
    const unitName = demo?.name ?? (i % 3 === 0 ? `${TOWNS[i % TOWNS.length]}${i}镇` : `县第${i}工作局`);
    const doc = demo
      ? { ...tpl.unit, ...demo, status: 'active', order: i }
      : instantiate(
          tpl.unit,
          [
            ['u-education', id],
            ['县教育局', unitName],
            ['教育局', unitName],
            ['盐池教育', unitName],
          ],
          0,
        );
    if (!demo)
      Object.assign(doc, {
        name: unitName,
        shortNames: [unitName.slice(0, 3)],
        order: i,
        kind: i % 3 === 0 ? 'township' : 'department',
      });
    put('units', id, { ...doc, _id: id });
    units.push({ _id: id, name: unitName });
  });
  const unitName = new Map(units.map((u) => [u._id, u.name]));

  // ---- staff (each with one trusted phone); demo staff keep their ids
  const roleCycle = [
    'publisher',
    'publisher',
    'publisher',
    'reviewer',
    'reviewer',
    'leader',
    'leader',
    'unitAdmin',
    'publisher',
    'reviewer',
  ];
  const callers: SeedManifest['callers'] = {};
  const staffOf = new Map<string, Record<string, string>>(); // unit → role → staff id
  inBatches('工作人员与设备', scale.staff, (i) => {
    const demo = DEMO_STAFF[i];
    const unitId = demo ? demo.roles[0].unitId : units[(i - DEMO_STAFF.length) % units.length]._id;
    const role = demo
      ? demo.roles[0].role
      : roleCycle[Math.floor((i - DEMO_STAFF.length) / units.length) % roleCycle.length];
    const id = demo?._id ?? `s-b${String(i).padStart(5, '0')}`;
    const openid = `bench-openid-${id}`;
    const roles = demo ? demo.roles : [{ role, unitId }];
    put('staff', id, {
      ...tpl.staff,
      _id: id,
      openid,
      name: demo?.name ?? name(),
      title: demo?.title ?? '科员',
      roles,
      unitIds: [...new Set(roles.map((g) => g.unitId))],
      pendingRoles: [],
      pendingUnitIds: [],
      status: 'active',
      demo: undefined,
      createdAt: startsAt,
    });
    const deviceId = `bench-device-${id}`; // device ids are 16–64 characters
    const secret = createHash('sha256').update(`bench-device-${id}`).digest('hex');
    put('devices', deviceId, {
      ...tpl.device,
      _id: deviceId,
      staffId: id,
      openid,
      secret,
      status: 'trusted',
      createdAt: startsAt,
      approvedAt: startsAt,
      approvedBy: 'bench-seed',
      lastActiveAt: null,
      locked: false,
    });
    const byRole = staffOf.get(unitId) ?? {};
    byRole[role] ??= id;
    staffOf.set(unitId, byRole);
    if (demo || i < DEMO_STAFF.length + units.length * 2) callers[id] = { unitId, role, openid, deviceId, secret };
  });
  const personOf = (unitId: string, role: string) =>
    staffOf.get(unitId)?.[role] ?? staffOf.get(unitId)?.publisher ?? 's-edu-publisher';

  // ---- accounts (with their platform slots), spread over the units
  const accounts: Array<{ _id: string; unitId: string; name: string; platform: string }> = [];
  if (tpl.account) {
    const a = tpl.account;
    inBatches('政务账号', scale.accounts, (i) => {
      const unit = units[i % units.length];
      const platform = PLATFORMS[Math.floor(i / units.length) % PLATFORMS.length];
      const id = `acc-b${String(i).padStart(5, '0')}`;
      const accName = `${unit.name}${platform === 'wechat' ? '微信' : platform === 'weibo' ? '发布' : platform}${Math.floor(i / (units.length * PLATFORMS.length)) || ''}`;
      const people: Array<[string, string]> = [
        ['s-edu-leader', personOf(unit._id, 'leader')],
        ['s-edu-reviewer', personOf(unit._id, 'reviewer')],
        ['s-edu-publisher', personOf(unit._id, 'publisher')],
      ];
      const replace: Array<[string, string]> = [
        ['acc-edu-wechat', id],
        ['u-education', unit._id],
        ['县教育局', unit.name],
        ['盐池教育', accName],
        ...people,
      ];
      const shift = startsAt + Math.floor(r() * span * 0.5) - TEMPLATE_TIME;
      const doc = instantiate(a.account, replace, shift);
      put('accounts', id, { ...doc, platform, dirKey: String(doc.dirKey ?? '').replace('wechat', platform) });
      for (const slot of a.slots) {
        const slotId = `${unit._id}__${platform}`;
        if (i < units.length * PLATFORMS.length)
          put('accountSlots', slotId, { ...instantiate(slot, replace, 0), _id: slotId });
      }
      accounts.push({ _id: id, unitId: unit._id, name: accName, platform });
    });
  }

  // ---- posts (80 % published), each with its version and events
  if (tpl.publishedPost && tpl.draftPost && accounts.length) {
    const drafts = tpl.draftPost;
    const published = tpl.publishedPost;
    inBatches('信息发布（含版本与事件）', scale.posts, (i) => {
      const acc = accounts[i % accounts.length];
      const parts = r() < 0.8 ? published : drafts;
      const id = `p${i.toString(36).padStart(7, '0')}`;
      const at = startsAt + Math.floor((i / scale.posts) * span);
      const replace: Array<[string, string]> = [
        [parts.post._id, id],
        ['acc-edu-wechat', acc._id],
        ['u-education', acc.unitId],
        ['县教育局', unitName.get(acc.unitId) ?? ''],
        ['盐池教育', acc.name],
        ['s-edu-publisher', personOf(acc.unitId, 'publisher')],
        ['s-edu-reviewer', personOf(acc.unitId, 'reviewer')],
        ['s-edu-leader', personOf(acc.unitId, 'leader')],
        ['秋季开学', `${pick(TITLES)}${i}`],
      ];
      const post = instantiate(parts.post, replace, at - TEMPLATE_TIME);
      put('posts', id, { ...post, platform: acc.platform });
      for (const [k, v] of parts.versions.entries())
        put('postVersions', `${id}-v${k}`, instantiate(v, replace, at - TEMPLATE_TIME));
      for (const [k, e] of parts.events.entries())
        put('postEvents', `${id}-e${k}`, instantiate(e, replace, at - TEMPLATE_TIME));
    });
  }

  // ---- messages: 5 per citizen, spread over the year; old ones closed
  const citizens = Math.ceil(scale.messages / 5);
  const daySeq = new Map<string, number>();
  inBatches('群众留言', scale.messages, (i) => {
    const unit = units[Math.floor(r() * units.length)];
    const at = startsAt + Math.floor((i / scale.messages) * span);
    const day = chinaDateKey(at);
    const seq = (daySeq.get(day) ?? 0) + 1;
    daySeq.set(day, seq);
    const id = `m${i.toString(36).padStart(7, '0')}`;
    const citizen = `bench-citizen-${(i * 7919) % citizens}`;
    const title = pick(TITLES);
    const doc = instantiate(
      tpl.message,
      [
        [tpl.message._id, id],
        ['tpl-citizen-openid', citizen],
        ['u-education', unit._id],
        ['县教育局', unit.name],
        ['关于秋季学期校车时间的咨询', `${title}的问题`],
      ],
      at - TEMPLATE_TIME,
    );
    doc.trackingNo = formatTrackingNo(at, seq);
    if (at < endsAt - 60 * DAY) {
      Object.assign(doc, {
        state: 'closed',
        publicStatus: 'closed',
        closedAt: at + 5 * DAY,
        updatedAt: at + 5 * DAY,
        dueAt: null,
        dueKind: null,
        nextCheckAt: null,
      });
    }
    put('messages', id, doc);
  });
  db.transaction(() => {
    for (const [day, seq] of daySeq) put('counters', `msg-${day}`, { _id: `msg-${day}`, seq });
  })();

  // ---- audit: one hash chain over the year, in time order
  const actions: Array<[string, number]> = [
    ['messages.submit', 20],
    ['messages.inbox', 25],
    ['session.unlock', 10],
    ['posts.create', 8],
    ['posts.submit', 6],
    ['posts.review', 6],
    ['posts.approve', 5],
    ['posts.publish', 5],
    ['stepup.verify', 8],
    ['security.events', 3],
    ['accounts.get', 4],
  ];
  const weights = actions.reduce((a, [, w]) => a + w, 0);
  const pickAction = () => {
    let x = r() * weights;
    for (const [a, w] of actions) if ((x -= w) < 0) return a;
    return actions[0][0];
  };
  let prevHash = GENESIS_HASH;
  let seq = 0;
  inBatches('审计记录（哈希链）', scale.audit, (i) => {
    seq = i + 1;
    const action = pickAction();
    const unitId = units[Math.floor(r() * units.length)]._id;
    const staffId = personOf(unitId, action.startsWith('posts.') ? 'publisher' : 'reviewer');
    const citizen = action === 'messages.submit';
    const target = citizen
      ? {
          type: 'message',
          id: `m${Math.floor(r() * scale.messages)
            .toString(36)
            .padStart(7, '0')}`,
        }
      : action.startsWith('posts.')
        ? {
            type: 'post',
            id: `p${Math.floor(r() * scale.posts)
              .toString(36)
              .padStart(7, '0')}`,
          }
        : null;
    const body: Omit<AuditRecord, 'hash' | '_id'> = {
      action,
      result: r() < 0.02 ? 'refused' : 'ok',
      requestId: `b${i.toString(36)}`,
      actor: {
        openid: citizen ? `bench-citizen-${i % citizens}` : `bench-openid-${staffId}`,
        staffId: citizen ? null : staffId,
      },
      unitId,
      ...(target ? { target } : {}),
      deviceId: citizen ? null : `bench-device-${staffId}`,
      seq,
      at: startsAt + Math.floor((i / scale.audit) * span),
      prevHash,
    };
    const hash = hashEntry(body);
    put('audit', auditId(seq), { ...body, hash, _id: auditId(seq) });
    prevHash = hash;
  });
  db.transaction(() => put('meta', 'auditHead', { _id: 'auditHead', seq, hash: prevHash }))();
  db.prepare(`UPDATE _local_meta SET value = ? WHERE key = 'seq'`).run(rev);
  db.close();

  return {
    seedVersion: SEED_VERSION,
    scale,
    factor,
    counts,
    seconds: 0,
    bytes: 0,
    endsAt,
    units: units.map((u) => u._id),
    callers,
    citizens: Array.from({ length: 50 }, (_, k) => `bench-citizen-${k}`),
    missing: tpl.missing,
  };
}

export type { Templates, Doc };

if (require.main === module) {
  const factor = Number(process.argv[process.argv.indexOf('--scale') + 1] || process.env.BENCH_SCALE || 1);
  ensureScaledCounty({
    force: process.argv.includes('--force'),
    factor: process.argv.includes('--scale') ? factor : undefined,
  })
    .then(({ file, manifest, cached }) => {
      console.log(
        `${cached ? '已缓存' : '已生成'}：${file}（${(manifest.bytes / 2 ** 30).toFixed(2)} GB，${manifest.seconds} 秒）`,
      );
      console.log(JSON.stringify(manifest.counts));
    })
    .catch((e: Error) => {
      console.error(e.stack ?? e.message);
      process.exit(1);
    });
}
