import { afterAll, beforeAll } from 'vitest';
import { launchBrowser, type Browser } from './browser';
import { startConsoleStack, type ConsoleStack } from './console-stack';

export interface ConsoleUnderTest {
  readonly stack: ConsoleStack;
  readonly browser: Browser;
}

/**
 * The running stack and a browser for the describe block that calls this: started together before its
 * tests (a `beforeAll` of the block's own runs after, with both ready), closed after them.
 */
export function useConsole(): ConsoleUnderTest {
  let started: { stack: ConsoleStack; browser: Browser } | undefined;
  const ready = () => {
    if (!started) throw new Error('the console stack is used before its beforeAll ran');
    return started;
  };
  beforeAll(async () => {
    const [stack, browser] = await Promise.all([startConsoleStack(), launchBrowser()]);
    started = { stack, browser };
  });
  afterAll(async () => {
    await started?.browser.close();
    await started?.stack.stop();
  });
  return {
    get stack() {
      return ready().stack;
    },
    get browser() {
      return ready().browser;
    },
  };
}
