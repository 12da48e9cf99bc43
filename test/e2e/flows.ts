import type { Locator, Page } from 'playwright-core';

// Steps every end-to-end flow shares: switching the demo identity and unlocking with the PIN.

export const DEMO_PIN = '246810';

/**
 * Opens the demo switcher (以…身份体验) and picks the person whose name is shown. Staff start
 * on the lock screen (their browser is a pre-approved, locked device); this unlocks it with the
 * demo PIN and lands on the home page.
 */
export async function switchPersona(page: Page, name: string): Promise<void> {
  await page.goto('/pages/demo/index');
  await page.getByText('以…身份体验').waitFor();
  await page.getByText(name, { exact: true }).first().tap();
  await page.waitForURL(/\/pages\/(home|lock)\/index/);
  if (/\/pages\/lock\/index/.test(page.url())) {
    await unlockIfLocked(page, DEMO_PIN, 10_000);
  }
  if (!/\/pages\/home\/index/.test(page.url())) await page.goto('/pages/home/index');
  await page.locator('.home-banner__title').waitFor();
}

/** If the lock screen is showing (now or within a moment), enters the demo PIN on its pad. */
export async function unlockIfLocked(page: Page, pin = DEMO_PIN, waitMs = 1500): Promise<boolean> {
  const lock = page.getByText('输入 PIN 解锁').first();
  try {
    await lock.waitFor({ timeout: waitMs });
  } catch {
    return false;
  }
  await enterPin(page, pin);
  await lock.waitFor({ state: 'detached', timeout: 15_000 });
  return true;
}

/** Taps the digits of `pin` on the on-screen PIN pad (lock screen and step-up prompt alike). */
export async function enterPin(page: Page, pin: string): Promise<void> {
  for (const digit of pin) {
    await page
      .locator('.zw-pinpad__key', { hasText: new RegExp(`^${digit}$`) })
      .first()
      .tap();
  }
}

/**
 * Waits for `target`; if an error banner or error state shows first, fails at once with the words
 * the user saw (and the page's text), instead of a bare timeout that says nothing about why.
 */
export async function expectOutcome(page: Page, target: Locator, timeout = 30_000): Promise<void> {
  const refusal = page.locator('.ov-banner--red:visible, .zw-state__mark--error:visible, .nut-toast:visible').first();
  const seen = await Promise.race([
    target.waitFor({ timeout }).then(() => 'target' as const),
    refusal.waitFor({ timeout }).then(() => 'refusal' as const),
  ]).catch(async (e: Error) => {
    throw new Error(`${e.message}\n--- on screen (${page.url()}) ---\n${await screenText(page)}`);
  });
  if (seen === 'refusal') {
    const text = await screenText(page);
    throw new Error(`an error showed instead of the expected outcome (${page.url()}):\n${text}`);
  }
}

/** What the page shows, cut to what a failure message can carry. */
async function screenText(page: Page): Promise<string> {
  const text = await page
    .locator('body')
    .innerText()
    .catch(() => '');
  return text.slice(0, 1500);
}
