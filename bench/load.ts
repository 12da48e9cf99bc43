// `npx tsx bench/load.ts` (npm run bench:load) — load on the local host, loopback only.
// Starts the real host as a child process on 127.0.0.1 with its own data directory, then drives
// it with autocannon: citizens submitting messages (each under the 5-an-hour limit, so many
// citizen sessions), citizens reading their messages, staff opening their unit's inbox (signed
// per request: every nonce is new), at 50 and then 200 concurrent connections for 30 seconds
// each (LOAD_SECONDS, LOAD_CONNECTIONS to change). Reports requests per second, p50/p95/p99 and
// errors (any non-2xx, transport error, timeout or ok:false answer) — there must be none — then
// stops the host and verifies the whole audit chain the load wrote. Results go to
// bench/results/load.json and load.md.
import autocannon from 'autocannon';
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { startHostProcess, tempDataDir, removeDir } from '../test/support/host-process';
import { staffSession, requestBody, type Session } from '../test/crash/lib/host-client';
import { loadOrCreateSecret, signToken } from '../server/local/host/tokens';
import { checkDataDir, emptyAcked } from '../test/crash/lib/consistency';
import { summarise } from './lib/timing';
import { describeMachine, machineLine } from './lib/machine';

const SECONDS = Number(process.env.LOAD_SECONDS ?? 30);
const LEVELS = (process.env.LOAD_CONNECTIONS ?? '50,200').split(',').map(Number);
const SUBMITS_PER_CITIZEN = 4;
/** A request still unanswered after this long is an error: wx.request's default timeout (60 s). */
const TIMEOUT_S = Number(process.env.LOAD_TIMEOUT_S ?? 60);
/** Answers slower than this are counted and reported (a person on a phone notices). */
const SLOW_MS = 10_000; // under the 5-an-hour limit of shared/messages/abuse.ts

/** Demo staff whose inbox the load opens (each reads their own unit's inbox). */
const STAFF = [
  ['s-edu-publisher', 'u-education'],
  ['s-edu-reviewer', 'u-education'],
  ['s-hmc-publisher', 'u-huamachi'],
  ['s-hmc-reviewer', 'u-huamachi'],
  ['s-health-publisher', 'u-health'],
  ['s-office-clerk', 'u-county-office'],
] as const;
const UNITS = ['u-huamachi', 'u-dashuikeng', 'u-education', 'u-health', 'u-qingshan', 'u-police'];

/**
 * Citizens on demand: a guest session is only a token the host signs with its key (no database
 * write), so the load mints them the way POST /api/_session/guest does, as many as it needs.
 */
interface CitizenPool {
  next: number;
  citizen(i: number): Session;
}

function citizenPool(dataDir: string): CitizenPool {
  const secret = loadOrCreateSecret(dataDir);
  const made = new Map<number, Session>();
  return {
    next: 0,
    citizen(i) {
      let s = made.get(i);
      if (!s) {
        const openid = `local-load-${i}`;
        const iat = Math.floor(Date.now() / 1000);
        s = { openid, token: signToken(secret, { sub: openid, kind: 'guest', iat, exp: iat + 3600 }) };
        made.set(i, s);
      }
      return s;
    },
  };
}

interface LevelResult {
  connections: number;
  seconds: number;
  requests: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number; mean: number };
  /** per kind: its connections, requests, answers and latency (ms), timeouts */
  kinds: Record<
    string,
    {
      connections: number;
      requests: number;
      answered: number;
      unanswered: number;
      p50: number;
      p95: number;
      p99: number;
      timeouts: number;
      /** the slowest answers: ms into the run when they came, and their latency */
      slowest: Array<{ at: number; ms: number }>;
    }
  >;
  errors: {
    total: number;
    starved: number;
    non2xx: number;
    transport: number;
    timeouts: number;
    refusals: number;
    examples: string[];
  };
  citizensUsed: number;
  /** answered, but after more than 10 s */
  slowerThan10s: number;
  /** CPU the load generator itself used (of one core), to show it was not the bottleneck */
  generatorCpuPercent: number;
  /** the machine's 1-minute load average when the level ended (it is shared: other work shows here) */
  loadAverage: number;
}

type Kind = 'submit' | 'mine' | 'inbox';
/** Share of the connections each kind of request gets. */
const MIX: Record<Kind, number> = { submit: 0.3, mine: 0.4, inbox: 0.3 };
// LOAD_MIX=submit:0,mine:0.5,inbox:0.5 changes the shares (a share of 0 leaves that kind out).
for (const part of (process.env.LOAD_MIX ?? '').split(',').filter(Boolean)) {
  const [k, v] = part.split(':');
  if (k in MIX) MIX[k as Kind] = Number(v);
}

interface KindRun {
  kind: Kind;
  connections: number;
  result: autocannon.Result;
  times: number[];
  /** The slowest answers: when they arrived (ms into the run) and how long they took. */
  slowest: Array<{ at: number; ms: number }>;
  refused: number;
  examples: string[];
}

const sentOf = (r: KindRun) => (r.result.requests as unknown as { sent?: number }).sent ?? r.result.requests.total;
const starvedOf = (r: KindRun) => (r.result.requests.total === 0 && sentOf(r) > 0 ? r.connections : 0);

const SLOWEST_KEPT = 5;

const slowestCell = (list: Array<{ at: number; ms: number }>) =>
  list.length ? `${Math.round(list[0].ms)} (${(list[0].at / 1000).toFixed(1)})` : '–';

/** Keeps the few slowest answers (where in the run the tail happens tells why). */
function keepSlowest(list: Array<{ at: number; ms: number }>, answer: { at: number; ms: number }): void {
  if (list.length === SLOWEST_KEPT && answer.ms <= list[list.length - 1].ms) return;
  list.push(answer);
  list.sort((a, b) => b.ms - a.ms);
  if (list.length > SLOWEST_KEPT) list.pop();
}

/** One autocannon instance sending one kind of request, each built fresh by setupRequest. */
function runKind(url: string, kind: Kind, connections: number, body: (k: number) => { token: string; body: string }) {
  let n = 0;
  const run: Omit<KindRun, 'result'> = { kind, connections, times: [], slowest: [], refused: 0, examples: [] };
  const started = performance.now();
  return new Promise<KindRun>((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections,
        duration: SECONDS,
        timeout: TIMEOUT_S,
        requests: [
          {
            method: 'POST',
            path: '/api/messages',
            setupRequest: (req: Record<string, unknown>) => {
              const r = body(n++);
              return {
                ...req,
                headers: { 'content-type': 'application/json', authorization: `Bearer ${r.token}` },
                body: r.body,
              };
            },
            onResponse: (status: number, text: string) => {
              if (status === 200 && !text.startsWith('{"ok":true')) {
                run.refused += 1;
                if (run.examples.length < 3) run.examples.push(`${kind}: ${text.slice(0, 160)}`);
              }
            },
          },
        ],
      } as unknown as autocannon.Options,
      (err, result) => (err ? reject(err) : resolve({ ...run, result })),
    );
    instance.on('response', (_c: unknown, _s: number, _b: number, responseTime: number) => {
      run.times.push(responseTime);
      keepSlowest(run.slowest, { at: Math.round(performance.now() - started), ms: responseTime });
    });
  });
}

async function level(
  url: string,
  connections: number,
  pool: CitizenPool,
  staff: Array<{ session: Session; unitId: string }>,
): Promise<LevelResult> {
  const usedBefore = pool.next;
  const cpuBefore = process.cpuUsage();
  const wallBefore = performance.now();
  const share = (k: Kind) => Math.max(1, Math.round(connections * MIX[k]));
  const kinds = await Promise.all([
    MIX.submit > 0 &&
      runKind(url, 'submit', share('submit'), (k) => {
        const session = pool.citizen(Math.floor(pool.next++ / SUBMITS_PER_CITIZEN));
        return {
          token: session.token,
          body: requestBody(session, 'messages.submit', {
            unitId: UNITS[k % UNITS.length],
            category: 'consult',
            title: '办事咨询',
            content: `请问这件事怎么办理？需要带哪些材料？（${session.openid} 第 ${k} 号）`,
          }),
        };
      }),
    MIX.mine > 0 &&
      runKind(url, 'mine', share('mine'), (k) => {
        const session = pool.citizen(k % Math.max(1, Math.ceil(pool.next / SUBMITS_PER_CITIZEN)));
        return { token: session.token, body: requestBody(session, 'messages.mine', {}) };
      }),
    MIX.inbox > 0 &&
      runKind(url, 'inbox', share('inbox'), (k) => {
        const s = staff[k % staff.length];
        return { token: s.session.token, body: requestBody(s.session, 'messages.inbox', { unitId: s.unitId }) };
      }),
  ]);
  const runs = kinds.filter((r): r is KindRun => Boolean(r));
  const cpu = process.cpuUsage(cpuBefore);
  const wall = performance.now() - wallBefore;
  const all = summarise(runs.flatMap((r) => r.times));
  const seconds = Math.max(...runs.map((r) => r.result.duration));
  const requests = runs.reduce((a, r) => a + r.result.requests.total, 0);
  const sum = (f: (r: KindRun) => number) => runs.reduce((a, r) => a + f(r), 0);
  return {
    connections: sum((r) => r.connections),
    seconds,
    requests,
    requestsPerSecond: Math.round(requests / seconds),
    latencyMs: {
      p50: all.p50,
      p95: all.p95,
      p99: all.p99,
      max: Math.max(...runs.map((r) => r.result.latency.max)),
      mean: all.mean,
    },
    kinds: Object.fromEntries(
      runs.map((r) => {
        const t = summarise(r.times);
        return [
          r.kind,
          {
            connections: r.connections,
            requests: r.result.requests.total,
            answered: r.times.length,
            /** sent but not answered when the run ended (at most one per connection is normal) */
            unanswered: sentOf(r) - r.result.requests.total,
            p50: t.p50,
            p95: t.p95,
            p99: t.p99,
            timeouts: r.result.timeouts,
            slowest: r.slowest,
          },
        ];
      }),
    ),
    errors: {
      // autocannon counts timeouts among its connection errors
      // A kind whose connections got no answer at all in the whole run is starved: each of its
      // connections counts as a failed request (its first one never came back).
      total: sum((r) => r.result.non2xx + r.result.errors + r.refused + starvedOf(r)),
      starved: sum(starvedOf),
      non2xx: sum((r) => r.result.non2xx),
      transport: sum((r) => r.result.errors),
      timeouts: sum((r) => r.result.timeouts),
      refusals: sum((r) => r.refused),
      examples: runs.flatMap((r) => r.examples),
    },
    citizensUsed: Math.ceil((pool.next - usedBefore) / SUBMITS_PER_CITIZEN),
    slowerThan10s: sum((r) => r.times.filter((t) => t > SLOW_MS).length),
    generatorCpuPercent: Math.round(((cpu.user + cpu.system) / 1000 / wall) * 100),
    loadAverage: Math.round(loadavg()[0] * 100) / 100,
  };
}

/**
 * Waits until the host has worked off what the previous level left queued (requests whose
 * connections autocannon closed at the end are still processed): a read answers within 100 ms
 * three times in a row.
 */
async function drained(url: string, citizen: Session): Promise<void> {
  let quick = 0;
  for (let i = 0; i < 600 && quick < 3; i++) {
    const t = performance.now();
    await fetch(`${url}api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${citizen.token}` },
      body: requestBody(citizen, 'messages.mine', {}),
    }).then((r) => r.text());
    quick = performance.now() - t < 100 ? quick + 1 : 0;
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function main(): Promise<number> {
  const dataDir = tempDataDir('zwxmt-load-');
  const host = await startHostProcess({ dataDir, env: { HOST: '127.0.0.1' } });
  if (!/^http:\/\/127\.0\.0\.1:/.test(host.url)) throw new Error(`not loopback: ${host.url}`);
  const results: LevelResult[] = [];
  let chain = '';
  try {
    console.log(`本地服务：${host.url}（数据目录 ${dataDir}）`);
    const staff = [];
    for (const [id, unitId] of STAFF) staff.push({ session: await staffSession(host.url, id), unitId });
    console.log(`准备了 ${staff.length} 名工作人员（已解锁的受信任浏览器）；群众会话按需签发`);
    const pool = citizenPool(dataDir);
    for (const c of LEVELS) {
      await drained(host.url, pool.citizen(0));
      console.log(`▶ ${c} 个并发连接，${SECONDS} 秒 …`);
      const r = await level(host.url, c, pool, staff);
      results.push(r);
      console.log(
        `  ${r.requestsPerSecond} 请求/秒，共 ${r.requests} 个；延迟 p50 ${r.latencyMs.p50} ms，p95 ${r.latencyMs.p95} ms，` +
          `p99 ${r.latencyMs.p99} ms，最长 ${r.latencyMs.max} ms；错误 ${r.errors.total}（超时 ${r.errors.timeouts}）；` +
          `超过 10 秒的应答 ${r.slowerThan10s} 个；压测进程 CPU ${r.generatorCpuPercent}%；系统负载 ${r.loadAverage}` +
          `\n    ${Object.entries(r.kinds)
            .map(
              ([k, v]) =>
                `${k}（${v.connections} 连接）: ${v.requests} 个，p50 ${v.p50} ms，p95 ${v.p95} ms，p99 ${v.p99} ms，` +
                `超时 ${v.timeouts}，结束时未应答 ${v.unanswered}；最慢：${v.slowest.map((x) => `${Math.round(x.ms)} ms（第 ${(x.at / 1000).toFixed(1)} 秒）`).join('、')}`,
            )
            .join('；')}` +
          (r.errors.examples.length ? `\n    ${r.errors.examples.join('\n    ')}` : ''),
      );
    }
  } finally {
    await host.stop();
  }
  const check = await checkDataDir(dataDir, emptyAcked());
  chain = check.problems.length
    ? `PROBLEMS: ${check.problems.slice(0, 5).join('; ')}`
    : `audit chain of ${check.counts.chainChecked} entries verified; ${check.counts.messages} messages, each with its audit entry`;
  console.log(`负载之后：${chain}`);
  removeDir(dataDir);

  const machine = describeMachine();
  mkdirSync('bench/results', { recursive: true });
  writeFileSync(
    'bench/results/load.json',
    `${JSON.stringify({ measuredAt: new Date().toISOString(), machine, seconds: SECONDS, mix: 'connections: 30% messages.submit, 40% messages.mine, 30% messages.inbox (signed), one autocannon instance each', results, afterwards: chain }, null, 2)}\n`,
  );
  const md = [
    '# Load on the local host (`npm run bench:load`)',
    '',
    `Measured ${new Date().toISOString()} on ${machineLine(machine)}; host and load generator share the machine (loopback).`,
    'Connections: 30 % citizens submitting a message (each citizen at most 4, under the 5-an-hour limit),',
    '40 % citizens reading their messages, 30 % staff opening their unit’s inbox (device-signed, a new nonce each);',
    'one autocannon instance per kind, run together. An error is any non-2xx, transport error, ok:false answer, or no',
    'answer within 60 s (wx.request’s default timeout); a kind that got no answer at all during the run counts',
    'each of its connections as an error (starved); answers slower than 10 s are counted separately.',
    'The host answers durably by group commit (each answer waits for the WAL fsync that covers it; one fsync',
    'serves many commits) and runs one request per event-loop turn in arrival order (server/local/host/admission.ts).',
    'The machine is shared: the load average shows how busy it was besides this run.',
    '',
    '| connections | seconds | requests | req/s | p50 ms | p95 ms | p99 ms | max ms | errors | answers > 10 s | generator CPU | load average |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...results.map(
      (r) =>
        `| ${r.connections} | ${r.seconds} | ${r.requests} | ${r.requestsPerSecond} | ${r.latencyMs.p50} | ${r.latencyMs.p95} | ${r.latencyMs.p99} | ${r.latencyMs.max} | ${r.errors.total} | ${r.slowerThan10s} | ${r.generatorCpuPercent}% | ${r.loadAverage} |`,
    ),
    '',
    '| connections | kind | its connections | requests | p50 ms | p95 ms | p99 ms | slowest ms (s into the run) | timeouts | unanswered at the end |',
    '|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...results.flatMap((r) =>
      Object.entries(r.kinds).map(
        ([k, v]) =>
          `| ${r.connections} | ${k} | ${v.connections} | ${v.requests} | ${v.p50} | ${v.p95} | ${v.p99} | ${slowestCell(v.slowest)} | ${v.timeouts} | ${v.unanswered} |`,
      ),
    ),
    '',
    `Afterwards: ${chain}.`,
    '',
  ].join('\n');
  writeFileSync('bench/results/load.md', md);
  const failed = results.some((r) => r.errors.total > 0) || check.problems.length > 0;
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e: Error) => {
    console.error(e.stack ?? e.message);
    process.exit(1);
  },
);
