import { chromium } from 'playwright-core';
import { CHROMIUM } from '../../e2e/browser-setup';
import { CHROMIUM_ARGS } from '../../e2e/phone';

// First contentful paint of an H5 page on a slow phone: a fresh 390×844 mobile context (cold
// cache), the CPU slowed 4× through the DevTools protocol (Emulation.setCPUThrottlingRate), and
// the browser's own `first-contentful-paint` performance entry. Several cold loads; the median
// is what the budget reads.

export interface FcpResult {
  path: string;
  cpuSlowdown: number;
  runs: number[];
  median: number;
}

export async function measureFcp(
  baseUrl: string,
  path = '/pages/home/index',
  runs = 5,
  cpuSlowdown = 4,
): Promise<FcpResult> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const samples: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({
        viewport: { width: 390, height: 844 },
        deviceScaleFactor: 2,
        hasTouch: true,
        isMobile: true,
        locale: 'zh-CN',
        timezoneId: 'Asia/Shanghai',
      });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown });
      await page.goto(new URL(path, baseUrl).toString(), { waitUntil: 'load', timeout: 60_000 });
      const fcp = await page.waitForFunction(
        () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
        undefined,
        { timeout: 60_000, polling: 50 },
      );
      samples.push(Math.round((await fcp.jsonValue()) as number));
      await context.close();
    }
  } finally {
    await browser.close();
  }
  const sorted = [...samples].sort((a, b) => a - b);
  return { path, cpuSlowdown, runs: samples, median: sorted[Math.floor(sorted.length / 2)] };
}
