// `npm start`: builds the H5 app when it is missing or older than its sources, then runs the
// embedded local cloud (demo county included) and prints the URL to open.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { startHost } from '../server/local/host/main';

function newestMtime(dir: string): number {
  let newest = 0;
  if (!existsSync(dir)) return newest;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const s = statSync(p);
    newest = Math.max(newest, s.isDirectory() ? newestMtime(p) : s.mtimeMs);
  }
  return newest;
}

function ensureH5Build(): void {
  const index = join('dist', 'h5', 'index.html');
  const built = existsSync(index) ? statSync(index).mtimeMs : 0;
  const sources = Math.max(newestMtime('client'), newestMtime('shared'), newestMtime('config'));
  if (built && built >= sources) return;
  console.log('正在构建 H5 页面（首次约需 1–3 分钟）…');
  const r = spawnSync('npx', ['taro', 'build', '--type', 'h5'], {
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (r.status !== 0) {
    console.error('H5 构建失败，请查看上面的错误信息。');
    process.exit(1);
  }
}

ensureH5Build();
startHost()
  .then((host) => {
    const demo = host.config.MODE === 'demo';
    console.log(`\n政务新媒体管理已启动（本地云${demo ? '，演示模式：盐池县' : ''}）`);
    console.log(`请用浏览器打开：${host.url}`);
    if (demo) console.log('在首页点「切换身份」，可以群众或各单位工作人员的身份体验。');
    console.log(`数据保存在：${host.config.dataDir}（按 Ctrl+C 停止）`);
    const stop = () => void host.close().then(() => process.exit(0));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  })
  .catch((e: Error) => {
    console.error(`启动失败：${e.message}`);
    process.exit(1);
  });
