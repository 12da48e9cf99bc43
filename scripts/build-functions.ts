// Bundles each cloud function's TypeScript entry (cloudfunctions/<name>/index.ts) with esbuild
// into the deployable cloudfunctions/<name>/index.js; wx-server-sdk stays an npm dependency of
// the function (its own package.json), everything else (shared/, server/) is bundled in.
import { build } from 'esbuild';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = 'cloudfunctions';

export async function buildFunctions(): Promise<Array<{ name: string; bytes: number }>> {
  const names = readdirSync(ROOT).filter((n) => existsSync(join(ROOT, n, 'index.ts')));
  const out: Array<{ name: string; bytes: number }> = [];
  for (const name of names) {
    const outfile = join(ROOT, name, 'index.js');
    await build({
      entryPoints: [join(ROOT, name, 'index.ts')],
      outfile,
      bundle: true,
      platform: 'node',
      target: 'node16',
      format: 'cjs',
      external: ['wx-server-sdk'],
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
