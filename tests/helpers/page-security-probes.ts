// What a script in the page can and cannot do, probed the same way in the Electron window
// (tests/electron-smoke.test.ts) and in web mode's page in Chromium
// (tests/e2e/content-security.test.ts): both are playwright-core Pages.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

// Page-side code runs in the browser; the main tsconfig has no DOM types, hence the loose view of globalThis.
type PageGlobals = Record<string, any>;

export interface Violation {
  directive: string;
  blockedURI: string;
  /** The whole policy that refused it: tells the served header from the page's <meta> policy. */
  policy: string;
}

export interface ProbeResult {
  /** The attempt's side effect happened (the script ran, eval returned). */
  ran: boolean;
  /** What the attempt threw, if anything (e.g. EvalError). */
  errors: string[];
  violations: Violation[];
}

/**
 * What an injected script would try, with the CSP's reports collected: 'inline' appends an
 * inline <script> that would set a global; 'eval' runs eval and new Function on strings.
 */
export function attemptInPage(page: Page, attempt: 'inline' | 'eval'): Promise<ProbeResult> {
  return page.evaluate(async (kind) => {
    const g = globalThis as PageGlobals;
    const violations: Violation[] = [];
    g.document.addEventListener('securitypolicyviolation', (e: PageGlobals) =>
      violations.push({ directive: e.effectiveDirective, blockedURI: e.blockedURI, policy: e.originalPolicy }),
    );
    // DevTools allows code generation for the duration of its own evaluation call; after a
    // turn of the event loop this code runs as any page script does, under the CSP.
    await new Promise((r) => setTimeout(r, 0));
    const errors: string[] = [];
    let ran = false;
    if (kind === 'inline') {
      const script = g.document.createElement('script');
      script.textContent = 'globalThis.__inlineScriptRan = true;';
      g.document.head.appendChild(script);
    } else {
      for (const evaluate of [() => g.eval('6 * 7'), () => new g.Function('return 6 * 7')()]) {
        try {
          if (evaluate() === 42) ran = true;
        } catch (err) {
          errors.push((err as { name: string }).name);
        }
      }
    }
    // Violation events are queued as tasks: give them time to arrive.
    for (let waited = 0; violations.length === 0 && waited < 2000; waited += 50) await new Promise((r) => setTimeout(r, 50));
    return { ran: ran || g.__inlineScriptRan === true, errors, violations };
  }, attempt);
}

/** The served policy refuses an injected inline script, and says so. */
export async function expectInlineScriptRefused(page: Page, policy: string): Promise<void> {
  const probe = await attemptInPage(page, 'inline');
  expect(probe.ran).toBe(false);
  expect(probe.violations).toContainEqual({ directive: 'script-src-elem', blockedURI: 'inline', policy });
}

/** The served policy refuses eval and new Function, and says so. */
export async function expectEvalRefused(page: Page, policy: string): Promise<void> {
  const probe = await attemptInPage(page, 'eval');
  expect(probe).toMatchObject({ ran: false, errors: ['EvalError', 'EvalError'] });
  expect(probe.violations).toContainEqual({ directive: 'script-src', blockedURI: 'eval', policy });
}

/** typeof of what Node (or a leaky preload) would put in the page. */
export function nodeGlobalsInPage(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const g = globalThis as PageGlobals;
    return {
      require: typeof g.require,
      process: typeof g.process,
      module: typeof g.module,
      Buffer: typeof g.Buffer,
      global: typeof g.global,
      ipcRenderer: typeof g.ipcRenderer,
      electron: typeof g.electron,
    };
  });
}

export const NO_NODE_GLOBALS = {
  require: 'undefined',
  process: 'undefined',
  module: 'undefined',
  Buffer: 'undefined',
  global: 'undefined',
  ipcRenderer: 'undefined',
  electron: 'undefined',
};

/** Opens a WebSocket from the page and reports whether the server let it open. */
export function webSocketFromPage(page: Page, url: string): Promise<'open' | `closed ${number}`> {
  return page.evaluate(
    (target) =>
      new Promise<'open' | `closed ${number}`>((resolve) => {
        const ws = new (globalThis as PageGlobals).WebSocket(target);
        ws.onopen = () => {
          ws.close();
          resolve('open');
        };
        ws.onclose = (e: PageGlobals) => resolve(`closed ${e.code as number}`);
      }),
    url,
  );
}
