import { mkdirSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM } from './browser-setup';

// A phone in headless Chromium: 390×844, touch, mobile, Chinese locale, China time zone.
// Taro's H5 buttons submit forms on touch, so flows use page.tap().

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface Phone {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Saves a screenshot under .tmp/e2e/ (for failures and for the README). */
  shot(name: string): Promise<string>;
  close(): Promise<void>;
}

export async function openPhone(baseUrl: string): Promise<Phone> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    hasTouch: true,
    isMobile: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    baseURL: baseUrl,
  });
  context.setDefaultTimeout(30_000);
  const page = await context.newPage();
  mkdirSync('.tmp/e2e', { recursive: true });
  return {
    browser,
    context,
    page,
    async shot(name) {
      const path = `.tmp/e2e/${name}.png`;
      await page.screenshot({ path, fullPage: false });
      return path;
    },
    close: () => browser.close(),
  };
}
