import { describe, expect, it } from 'vitest';
import { missingBrowserReason, openConsole, see, signIn, useConsole } from '../src';

describe.skipIf(missingBrowserReason() !== null)('console: signing in and the language', () => {
  const ctx = useConsole();

  it('signs in with an API key that the browser keeps nowhere', async () => {
    const page = await ctx.browser.newPage();
    await openConsole(page, ctx.stack.consoleUrl);
    await see(page.getByRole('heading', { name: 'Sign in to hookrelay' }));

    await page.getByLabel('API key').fill('hr_not_a_key_of_this_account_0000');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await see(page.getByText('That API key is not valid.'));

    await signIn(page, ctx.stack.apiKey);
    await see(page.getByRole('heading', { name: 'Webhooks' }));
    await see(page.getByText('No webhooks yet. Create one, or start from a target.'));

    const stored = await page.evaluate(() => ({
      local: Object.entries(localStorage),
      session: Object.entries(sessionStorage),
      cookie: document.cookie,
    }));
    expect(stored.local).toEqual([]);
    expect(stored.session).toEqual([]);
    // the session cookie is HttpOnly: scripts see no cookie at all
    expect(stored.cookie).toBe('');
    const cookies = await ctx.browser.context.cookies();
    expect(cookies.length).toBeGreaterThan(0);
    for (const cookie of cookies) {
      expect(cookie.value).not.toContain(ctx.stack.apiKey);
      expect(cookie.httpOnly).toBe(true);
      expect(cookie.sameSite).toBe('Strict');
    }

    // a reload keeps the session (the cookie), not the key
    await page.reload();
    await see(page.getByRole('heading', { name: 'Webhooks' }));
    await page.close();
  });

  it('speaks German with ?lang=de, with the platform’s words for the triggers', async () => {
    const page = await ctx.browser.newPage();
    await openConsole(page, ctx.stack.consoleUrl, '/?lang=de');
    const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
    for (const label of ['Webhooks', 'Zustellungen', 'Ziele', 'Aktivität', 'API-Schlüssel']) {
      await see(nav.getByRole('link', { name: label, exact: true }));
    }
    await page.getByRole('link', { name: 'Neuer Webhook' }).click();
    await see(page.getByRole('heading', { name: 'Neuer Webhook' }));
    const trigger = page.getByLabel('Auslöser', { exact: true });
    expect(await trigger.locator('option').allTextContents()).toEqual(['Neu', 'Update', 'Löschen']);
    await see(page.getByLabel('Auslösendes Element'));
    await see(page.getByLabel('Payload-URL'));
    await see(page.getByRole('group', { name: 'Header' }));
    await see(page.getByRole('button', { name: 'Speichern' }));
    await page.close();
  });
});
