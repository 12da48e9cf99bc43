import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { openLocalStore, installLocalCloud, runAsBackground, walSyncer, type LocalStore } from '../cloud';
import { configureRuntime, currentDeps } from '@server/runtime/config';
import { createFunction } from '@server/runtime/main';
import { FUNCTIONS } from '@server/functions';
import { seedDemoCounty } from '../demo/seed';
import { trustDemoBrowser } from '../demo/demo-device';
import { readHostConfig, type HostConfig } from './config';
import { loadOrCreateSecret } from './tokens';
import { createHost } from './server';
import { startSweeper } from '@server/features/sweeper';

export interface RunningHost {
  url: string;
  config: HostConfig;
  store: LocalStore;
  close(): Promise<void>;
}

/** Starts the embedded local cloud: durable store, the cloud functions over HTTP, the H5 app. */
export async function startHost(env: NodeJS.ProcessEnv = process.env): Promise<RunningHost> {
  const config = readHostConfig(env);
  mkdirSync(config.dataDir, { recursive: true });
  const file = join(config.dataDir, 'cloud.sqlite');
  const store = openLocalStore({
    file,
    synchronous: config.DB_SYNC,
    groupCommit: config.DB_GROUP_COMMIT === '1',
    ...(config.TEST_SLOW_FSYNC_MS > 0 ? { syncWal: slowSync(file, config.TEST_SLOW_FSYNC_MS) } : {}),
  });
  installLocalCloud(store);
  const deps = currentDeps();
  if (config.MODE === 'demo') {
    const seeded = await seedDemoCounty(deps.db, deps.now());
    if (seeded) deps.log('info', '已初始化演示县数据（盐池县）');
  }
  const functions = Object.fromEntries(
    Object.entries(FUNCTIONS).map(([name, actions]) => [name, createFunction(name, actions)]),
  );
  const server = createHost({
    mode: config.MODE,
    secret: loadOrCreateSecret(config.dataDir),
    staticDir: config.staticDir,
    functions,
    now: () => currentDeps().now(),
    trustDemoBrowser: (openid, device) => trustDemoBrowser(currentDeps().db, openid, device, currentDeps().now()),
  });
  // Test only: a movable clock for end-to-end tests (never in production; see test-clock.ts).
  if (config.MODE === 'demo' && env.CLOCK_CONTROL === '1')
    (await import('@server/features/sweeper/test-clock')).installTestClock(server);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.PORT, config.HOST, () => resolve());
  });
  // The sweeps run between requests, a store call at a time, not as one long block.
  const stopSweeper = runAsBackground(() => startSweeper(config.SWEEP_INTERVAL_MS));
  const port = (server.address() as AddressInfo).port;
  const host = config.HOST.includes(':') ? `[${config.HOST}]` : config.HOST;
  return {
    url: `http://${host}:${port}/`,
    config,
    store,
    close: () =>
      new Promise<void>((resolve) => {
        stopSweeper();
        server.close(() => {
          store.close();
          resolve();
        });
        server.closeAllConnections?.();
      }),
  };
}

/** TEST ONLY: the real fsync of the -wal file, after a pause (crash tests kill the host mid-batch). */
function slowSync(file: string, ms: number) {
  const wal = walSyncer(file);
  return () => new Promise<void>((r) => setTimeout(r, ms)).then(wal.sync);
}

export { configureRuntime };

if (require.main === module) {
  startHost()
    .then((h) => {
      console.log(`\n政务新媒体管理（本地云${h.config.MODE === 'demo' ? '，演示模式' : ''}）已启动：${h.url}`);
      console.log(`数据目录：${h.config.dataDir}\n按 Ctrl+C 停止。`);
      const stop = () => h.close().then(() => process.exit(0));
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    })
    .catch((e: Error) => {
      console.error(e.message);
      process.exit(1);
    });
}
