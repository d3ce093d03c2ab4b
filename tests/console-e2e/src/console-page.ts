import type { Locator, Page } from 'playwright-core';

/** Waits (bounded by the context's timeout) until the user can see it. */
export async function see(locator: Locator): Promise<Locator> {
  await locator.first().waitFor({ state: 'visible' });
  return locator;
}

/** Opens the console at `path` (with `?lang=` if given) and waits for its first page to render. */
export async function openConsole(page: Page, consoleUrl: string, path = '/'): Promise<void> {
  await page.goto(new URL(path, consoleUrl).toString());
  await see(page.locator('main h1'));
}

/** Signs in as a user does: the key into `API key`, then `Sign in`; resolves on the webhook list. */
export async function signIn(page: Page, apiKey: string): Promise<void> {
  await page.getByLabel('API key').fill(apiKey);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await see(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Webhooks' }));
}

/** The accessible name the focused element has, as a screen reader would announce it (roughly). */
export function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return '';
    const labelled = element.getAttribute('aria-label');
    if (labelled) return labelled.trim();
    const labels = (element as HTMLInputElement).labels;
    if (labels && labels.length > 0) return (labels[0]?.textContent ?? '').trim();
    return (element.textContent ?? '').trim();
  });
}

/**
 * Presses Tab (Shift+Tab with `backwards`) until the focused control's name is `name`; fails after
 * `maxPresses`, naming where the focus went.
 */
export async function tabTo(
  page: Page,
  name: string | RegExp,
  options: { maxPresses?: number; backwards?: boolean } = {},
): Promise<void> {
  const matches = (text: string) => (typeof name === 'string' ? text === name : name.test(text));
  const visited: string[] = [];
  for (let i = 0; i < (options.maxPresses ?? 60); i++) {
    await page.keyboard.press(options.backwards ? 'Shift+Tab' : 'Tab');
    const current = await focusedName(page);
    if (matches(current)) return;
    visited.push(current);
  }
  throw new Error(`Tab never reached “${String(name)}”; the focus went through: ${visited.join(' → ')}`);
}
