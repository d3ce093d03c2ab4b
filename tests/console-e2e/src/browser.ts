import { accessSync, constants } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Debian's `chromium` package; CHROMIUM_PATH points elsewhere. */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH || '/usr/bin/chromium';
}

/** Why the suite cannot run here, or null when Chromium is there to run it. */
export function missingBrowserReason(): string | null {
  const path = chromiumPath();
  try {
    accessSync(path, constants.X_OK);
    return null;
  } catch {
    return `no Chromium at ${path}: install it (Debian: apt-get install -y chromium) or set CHROMIUM_PATH`;
  }
}

/** True when the run must fail rather than skip without a browser (CI). */
export function browserRequired(): boolean {
  return process.env.HOOKRELAY_REQUIRE_BROWSER === '1' || process.env.HOOKRELAY_REQUIRE_BROWSER === 'true';
}

/** No first-run work, no calls home: the browser talks to the stack under test only. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Every wait of a page is bounded by these (ms); a console that does not answer fails the test. */
export const ACTION_TIMEOUT_MS = 10_000;
export const NAVIGATION_TIMEOUT_MS = 15_000;

export interface Browser {
  context: BrowserContext;
  /** A fresh page (tab) in the browser's one context. */
  newPage(): Promise<Page>;
  /** Closes the browser and deletes its profile. */
  close(): Promise<void>;
}

export interface LaunchOptions {
  viewport?: { width: number; height: number };
  /** The browser's language (navigator.languages, Accept-Language). */
  locale?: string;
}

/** Headless Chromium with a fresh profile (user data dir) of its own, removed on close. */
export async function launchBrowser(options: LaunchOptions = {}): Promise<Browser> {
  const userDataDir = await mkdtemp(join(tmpdir(), 'hookrelay-console-e2e-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: chromiumPath(),
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: options.viewport ?? { width: 1280, height: 800 },
      locale: options.locale ?? 'en-US',
      timeout: 30_000,
    });
  } catch (error) {
    await rm(userDataDir, { recursive: true, force: true });
    throw error;
  }
  context.setDefaultTimeout(ACTION_TIMEOUT_MS);
  context.setDefaultNavigationTimeout(NAVIGATION_TIMEOUT_MS);
  return {
    context,
    newPage: () => context.newPage(),
    async close() {
      await context.close().catch(() => {});
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}
