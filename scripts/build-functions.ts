// Bundles each cloud function's TypeScript entry (cloudfunctions/<name>/index.ts) with esbuild
// into the deployable cloudfunctions/<name>/index.js. The dependencies listed in the function's
// own package.json (wx-server-sdk, and e.g. pdfkit, which reads its own data files) stay npm
// dependencies installed in the cloud; everything else (shared/, server/, zod) is bundled in.
import { build } from 'esbuild';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = 'cloudfunctions';

export async function buildFunctions(): Promise<Array<{ name: string; bytes: number }>> {
  const names = readdirSync(ROOT).filter((n) => existsSync(join(ROOT, n, 'index.ts')));
  const out: Array<{ name: string; bytes: number }> = [];
  for (const name of names) {
    const outfile = join(ROOT, name, 'index.js');
    const manifest = JSON.parse(readFileSync(join(ROOT, name, 'package.json'), 'utf8')) as {
      dependencies?: Record<string, string>;
    };
    await build({
      entryPoints: [join(ROOT, name, 'index.ts')],
      outfile,
      bundle: true,
      platform: 'node',
      target: 'node16',
      format: 'cjs',
      external: Object.keys(manifest.dependencies ?? { 'wx-server-sdk': '' }),
      tsconfig: 'tsconfig.json',
      sourcemap: false,
      minify: false,
      legalComments: 'none',
      logLevel: 'warning',
    });
    out.push({ name, bytes: statSync(outfile).size });
  }
  return out;
}

if (require.main === module) {
  const started = Date.now();
  buildFunctions()
    .then((built) => {
      for (const b of built) console.log(`云函数 ${b.name}: ${(b.bytes / 1024).toFixed(1)} KB`);
      console.log(`已打包 ${built.length} 个云函数，用时 ${Date.now() - started} ms`);
    })
    .catch((e) => {
      console.error(e);
      process.exit(1);
    });
}
