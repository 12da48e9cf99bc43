// `npm run test:devtools`: the foundation slice (a citizen writes to a unit and gets a tracking
// number; it shows in 我的留言) driven in WeChat DevTools by miniprogram-automator.
//
// WeChat DevTools has no Linux build, so this is NOT part of `npm test`; the same flow runs on H5
// in headless Chromium there (test/e2e/slice.e2e.ts). Where DevTools exists (Windows/macOS):
//   1. npm run build:weapp   (with CLOUD_ENV=<your env id>) and npm run build:functions,
//      then deploy cloudfunctions/* to that environment and create the collections;
//   2. enable DevTools → 设置 → 安全设置 → 服务端口;
//   3. WECHAT_DEVTOOLS_CLI=<path to the cli> npm run test:devtools
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import automator from 'miniprogram-automator';

const DEFAULT_CLI = {
  darwin: '/Applications/wechatwebdevtools.app/Contents/MacOS/cli',
  win32: 'C:/Program Files (x86)/Tencent/微信web开发者工具/cli.bat',
} as Record<string, string>;

async function main(): Promise<void> {
  const cliPath = process.env.WECHAT_DEVTOOLS_CLI ?? DEFAULT_CLI[process.platform];
  if (!cliPath || !existsSync(cliPath)) {
    console.error(
      '没有找到微信开发者工具的命令行（WECHAT_DEVTOOLS_CLI）。开发者工具只有 Windows / macOS 版本；' +
        '在 Linux 上请运行 npm test，其中的 H5 端到端测试覆盖同一流程。',
    );
    process.exit(2);
  }
  if (!existsSync('dist/weapp/app.json')) {
    console.error('请先运行 npm run build:weapp（并设置 CLOUD_ENV 为已部署云函数的环境 ID）。');
    process.exit(2);
  }
  const mp = await automator.launch({ cliPath, projectPath: resolve('.') });
  try {
    const compose = await mp.reLaunch('/pages/messages/compose/index');
    assert.ok(compose, 'compose page opened');
    await compose.waitFor(1500);
    await (await compose.$('.compose-select'))!.tap();
    await compose.waitFor(800);
    const units = await compose.$$('.unit-picker__item');
    const education = await (async () => {
      for (const u of units) if ((await u.text()).includes('县教育局')) return u;
      return null;
    })();
    assert.ok(education, '县教育局 is in the unit picker');
    await education.tap();
    const chips = await compose.$$('.compose-chip');
    for (const c of chips) if ((await c.text()).includes('咨询')) await c.tap();
    const typeInto = async (selector: string, text: string) => {
      const el = (await compose.$(selector)) as unknown as { input(v: string): Promise<void> } | null;
      assert.ok(el, `${selector} exists`);
      await el.input(text);
    };
    await typeInto('.compose-input input', '孩子转学需要哪些材料');
    await typeInto('.compose-textarea textarea', '请问从外县转学到县城小学，需要准备哪些材料？');
    await (await compose.$('.compose-submit button'))!.tap();
    await compose.waitFor('.compose-result__no');
    const trackingNo = (await (await compose.$('.compose-result__no'))!.text()).trim();
    assert.match(trackingNo, /^YC-\d{8}-\d{4}$/);
    const mine = await mp.reLaunch('/pages/messages/mine/index');
    await mine!.waitFor(1500);
    assert.ok((await (await mine!.$('page'))!.text()).includes(trackingNo), '我的留言 shows the new message');
    console.log(`1 passed, 0 failed（查询编号 ${trackingNo}）`);
  } finally {
    await mp.close();
  }
}

main().catch((e) => {
  console.error(e);
  console.log('0 passed, 1 failed');
  process.exit(1);
});
