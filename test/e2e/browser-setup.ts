import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

// End-to-end tests need Debian's Chromium and a CJK font (without one, Chinese renders as
// boxes); the document tests need poppler-utils. As root, install them with apt-get when missing; otherwise say what to install.

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function hasCjkFont(): boolean {
  try {
    return execFileSync('fc-list', [':lang=zh'], { encoding: 'utf8' }).trim().length > 0;
  } catch {
    return false;
  }
}

export async function ensureBrowser(): Promise<{ ok: boolean; message: string }> {
  const need: string[] = [];
  if (!existsSync(CHROMIUM)) need.push('chromium');
  if (!hasCjkFont() || !existsSync('/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc')) need.push('fonts-wqy-zenhei');
  // PDF documents (备案表, 通报) are checked by rendering them: pdftoppm / pdftotext.
  if (!existsSync('/usr/bin/pdftoppm')) need.push('poppler-utils');
  if (!need.length) return { ok: true, message: 'ready' };
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    return { ok: false, message: `请先安装：sudo apt-get install -y ${need.join(' ')}` };
  }
  console.log(`正在安装端到端测试所需的软件包：${need.join(' ')} …`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  const r = spawnSync('apt-get', ['install', '-y', '-qq', ...need], { stdio: 'inherit', env });
  if (r.status !== 0 || !existsSync(CHROMIUM)) {
    return { ok: false, message: `apt-get install ${need.join(' ')} 失败` };
  }
  return { ok: true, message: 'installed' };
}
