// Checks the weapp build offline with miniprogram-ci: it must compile (no missing page files, no
// JS syntax errors) and fit WeChat's size limits with room to spare.
//   npx tsx scripts/check-weapp.ts [dist/weapp]
// The signing key miniprogram-ci insists on is generated per run in a temp dir and deleted;
// nothing here talks to WeChat's servers (upload and preview would).
import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as ci from 'miniprogram-ci';

const MAIN_LIMIT = 1.5 * 1024 * 1024;
const SUB_LIMIT = 2 * 1024 * 1024;
const MAIN_KEY = '__APP__';

const projectPath = resolve(process.argv[2] ?? 'dist/weapp');

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

/** miniprogram-ci logs chattily; keep its lines and show them only if something fails. */
async function quietly<T>(log: string[], run: () => Promise<T>): Promise<T> {
  const saved = { log: console.log, info: console.info, warn: console.warn, error: console.error };
  const keep = (...args: unknown[]) => void log.push(args.map(String).join(' ').slice(0, 2000));
  Object.assign(console, { log: keep, info: keep, warn: keep, error: keep });
  try {
    return await run();
  } finally {
    Object.assign(console, saved);
  }
}

interface AnalysedFile {
  path: string;
  size: number;
  subPackage: string | null;
}

/** Bytes per package from analyseCode's file list: '__APP__' for the main package, else the root. */
function sizesFromAnalysis(files: AnalysedFile[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const f of files) {
    const key = f.subPackage ? (f.subPackage.endsWith('/') ? f.subPackage : `${f.subPackage}/`) : MAIN_KEY;
    out[key] = (out[key] ?? 0) + f.size;
  }
  return out;
}

async function main(): Promise<number> {
  if (!existsSync(join(projectPath, 'app.json'))) {
    console.error(`没有找到 ${projectPath}/app.json：请先运行 npx taro build --type weapp`);
    return 1;
  }
  const keyDir = mkdtempSync(join(tmpdir(), 'check-weapp-'));
  const log: string[] = [];
  const cwd = process.cwd();
  // miniprogram-ci leaves empty cache folders in the working directory; keep them out of the repo.
  process.chdir(keyDir);
  try {
    const keyPath = join(keyDir, 'private.key');
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    writeFileSync(keyPath, privateKey.export({ type: 'pkcs1', format: 'pem' }), { mode: 0o600 });

    const project = new ci.Project({
      appid: 'touristappid',
      type: 'miniProgram',
      projectPath,
      privateKeyPath: keyPath,
      ignores: ['node_modules/**/*'],
    });
    // The real attr() asks WeChat's servers about the appid; the defaults are what an offline check needs.
    (project as unknown as { attr: () => Promise<unknown> }).attr = async () => ci.DefaultProjectAttr;

    const started = Date.now();
    let compiledFiles = 0;
    try {
      const compiled = await quietly(log, () =>
        ci.getCompiledResult({ project, version: '0.0.0', setting: { es6: true, minify: false } } as Parameters<
          typeof ci.getCompiledResult
        >[0]),
      );
      compiledFiles = Object.keys(compiled).length;
    } catch (err) {
      console.error(log.slice(-40).join('\n'));
      console.error(`编译失败 (compile failed): ${err instanceof Error ? err.message : String(err)}`);
      return 1;
    }
    console.log(`compile ok: ${compiledFiles} files in ${((Date.now() - started) / 1000).toFixed(1)} s`);

    const quality = await quietly(log, () => ci.checkCodeQuality(project));
    const sizeItem = quality.find((q) => q.name === 'PACKAGE_SIZE_LIMIT');
    const analysis = (await quietly(log, () => ci.analyseCode(project, { silent: true }))) as
      { files?: AnalysedFile[] } | undefined;
    const fromAnalysis = sizesFromAnalysis(analysis?.files ?? []);
    const sizes: Record<string, number> = {
      ...fromAnalysis,
      ...((sizeItem?.detail as Record<string, number> | undefined) ?? {}),
    };

    if (!(MAIN_KEY in sizes)) {
      console.error(log.slice(-40).join('\n'));
      console.error('没有得到主包大小 (no main package size reported)');
      return 1;
    }

    let failed = false;
    for (const [key, bytes] of Object.entries(sizes).sort(([a], [b]) =>
      a === MAIN_KEY ? -1 : b === MAIN_KEY ? 1 : a.localeCompare(b),
    )) {
      const isMain = key === MAIN_KEY;
      const limit = isMain ? MAIN_LIMIT : SUB_LIMIT;
      const over = bytes > limit;
      failed ||= over;
      const name = isMain ? 'main package' : `subpackage ${key}`;
      console.log(`${over ? 'FAIL' : 'ok  '} ${name}: ${bytes} bytes (${kb(bytes)}; limit ${kb(limit)})`);
    }

    const biggest = (analysis?.files ?? [])
      .filter((f) => !f.subPackage)
      .sort((a, b) => b.size - a.size)
      .slice(0, 5);
    if (biggest.length)
      console.log(`largest main-package files: ${biggest.map((f) => `${f.path} ${kb(f.size)}`).join(', ')}`);
    return failed ? 1 : 0;
  } finally {
    process.chdir(cwd);
    rmSync(keyDir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`check-weapp failed: ${err instanceof Error ? err.stack : String(err)}`);
    process.exit(1);
  },
);
