import { resolve } from 'node:path';
import { z } from 'zod';

// The local host's settings, read once from the environment and validated, so a typo fails at
// start-up with a readable message instead of misbehaving later.
const schema = z.object({
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  DATA_DIR: z.string().default('./data'),
  /** demo: seeds the demo county and offers the identity switcher; loopback only. */
  MODE: z.enum(['demo', 'local']).default('demo'),
  /** Where the H5 build is served from. */
  STATIC_DIR: z.string().default('./dist/h5'),
  /** SQLite synchronous level: FULL survives power loss, NORMAL survives a killed process. */
  DB_SYNC: z.enum(['FULL', 'NORMAL']).default('FULL'),
  /**
   * FULL by group commit (1, default): one fsync off the event loop serves many commits, each
   * answer waits for it. 0: SQLite fsyncs every commit on the event loop (for comparison).
   */
  DB_GROUP_COMMIT: z.enum(['0', '1']).default('1'),
  /** TEST ONLY (demo mode): each group-commit fsync takes this much longer, a slow disk on demand. */
  TEST_SLOW_FSYNC_MS: z.coerce.number().int().min(0).max(10_000).default(0),
  /** Interval of the deadline sweeper in the local host (production uses a timer trigger). */
  SWEEP_INTERVAL_MS: z.coerce.number().int().min(0).default(60_000),
});

export type HostConfig = z.infer<typeof schema> & { dataDir: string; staticDir: string };

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

export function isLoopback(host: string): boolean {
  return LOOPBACK.has(host) || host.startsWith('127.');
}

export function readHostConfig(env: NodeJS.ProcessEnv = process.env): HostConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`本地服务配置有误：\n${lines.join('\n')}`);
  }
  const cfg = parsed.data;
  if (cfg.MODE === 'demo' && !isLoopback(cfg.HOST)) {
    throw new Error(`演示模式只能监听本机回环地址（127.0.0.1），而不是 ${cfg.HOST}：演示身份切换不得暴露到网络上。`);
  }
  if (cfg.TEST_SLOW_FSYNC_MS > 0 && cfg.MODE !== 'demo') {
    throw new Error('TEST_SLOW_FSYNC_MS 只用于测试，只能在演示模式下使用。');
  }
  return { ...cfg, dataDir: resolve(cfg.DATA_DIR), staticDir: resolve(cfg.STATIC_DIR) };
}
