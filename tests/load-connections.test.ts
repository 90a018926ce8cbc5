// 1,000 clients on the embedded broker for a minute of steady traffic, with the UI open in
// Chromium (web mode): every client stays connected and gets back every message it sent,
// the app's own connection counts every one of them, the broker's client count in the
// sidebar reads 1,000+ and falls back after, and the UI answers real actions meanwhile
// (expand a tree node, select a topic and see its history move, open the Packets tab).
// Counts and results only: how long the UI took is printed for the record, never asserted.
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installProbe, longTasks } from '../scripts/bench/browser-probe';
import { launchChromium } from './helpers/browser';
import { freePort } from './helpers/free-port';
import { startJsonLinesChild, type JsonLinesChild } from './helpers/json-lines-child';
import { startWebMode, type WebMode } from './helpers/web-mode';

const clientCount = 1000;
const holdMs = 60_000;
const uiTimeout = { timeout: 30_000 };
const loadScript = path.join(import.meta.dirname, 'fixtures', 'many-clients.mjs');

let web: WebMode;
let browser: Browser;
let page: Page;
let brokerPort: number;
let load: JsonLinesChild | null = null;

beforeAll(async () => {
  brokerPort = await freePort();
  web = await startWebMode(['--broker-port', String(brokerPort), '--no-demo']);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  // The benchmark's page probe: here only its 'longtask' observer, for the note.
  await page.addInitScript(installProbe);
  await page.goto(web.url);
  await page.getByRole('status', { name: 'Connection status' }).filter({ hasText: 'Connected' }).waitFor(uiTimeout);
});

afterAll(async () => {
  await load?.kill();
  await browser?.close();
  await web?.stop();
});

/** The number before `word` in a text such as "1,001 clients" or "12 topics · 3,410 msgs". */
function countBefore(text: string, word: string): number {
  const m = new RegExp(`([\\d,]+) ${word}`).exec(text);
  return m ? Number(m[1].replace(/,/g, '')) : NaN;
}

const brokerClients = async () => countBefore(await page.getByRole('group', { name: 'Embedded broker' }).innerText(), 'clients?');
const tree = () => page.getByRole('tree', { name: 'Topic tree' });
const treeItem = (name: string) => tree().getByRole('treeitem', { name, exact: true });

async function expand(name: string): Promise<void> {
  const item = treeItem(name);
  await item.waitFor(uiTimeout);
  if ((await item.getAttribute('aria-expanded')) !== 'true') {
    await item.click();
    await item.press('ArrowRight');
  }
}

const history = () => page.getByRole('list', { name: 'Message history' });

/** The number of the newest message the open history shows for client `name` of group g3. */
async function newestNumber(name: string): Promise<number> {
  const text = await history().getByRole('listitem').first().innerText();
  return Number(new RegExp(`load/g3/${name}#(\\d+)`).exec(text)?.[1] ?? NaN);
}

async function selectAndSeeHistory(name: string): Promise<void> {
  await treeItem(name).click();
  await expect.poll(() => newestNumber(name), uiTimeout).toBeGreaterThan(0);
}

/**
 * The Packets tab, PUBLISH packets only; scrolled up a little, off the tail the log follows
 * at thousands of packets a second (a row there moves every frame, too fast to point at),
 * a click on a row opens that packet in the inspector.
 */
async function openPacketsAndInspectPublish(): Promise<void> {
  await page.getByRole('tab', { name: 'Packets' }).click();
  const publishOnly = page.getByRole('group', { name: 'Packet types' }).getByRole('button', { name: 'PUBLISH', exact: true });
  if ((await publishOnly.getAttribute('aria-pressed')) !== 'true') await publishOnly.click();
  const log = page.getByRole('grid', { name: 'Packet log' });
  await log.getByRole('row').filter({ hasText: 'PUBLISH' }).first().waitFor(uiTimeout);
  await log.hover();
  await page.mouse.wheel(0, -2000);
  await log.getByRole('row').filter({ hasText: 'PUBLISH' }).nth(3).click(uiTimeout);
  const inspector = page.getByRole('region', { name: 'Packet inspector' });
  await expect.poll(() => inspector.innerText(), uiTimeout).toMatch(/load\/g\d\/c\d+/);
}

/** Runs a UI action and returns how long its result took to show (for the note). */
async function timed(action: () => Promise<void>): Promise<number> {
  const started = Date.now();
  await action();
  return Date.now() - started;
}

describe(`${clientCount} clients on the embedded broker for ${holdMs / 1000} s, UI open`, () => {
  it('keeps every client connected, counts every message, and the UI answers', async () => {
    load = startJsonLinesChild(loadScript, {
      url: `mqtt://127.0.0.1:${brokerPort}`,
      clients: clientCount,
      groups: 10,
      holdMs,
      intervalMs: 1000,
      qos1Every: 4,
      connectBatch: 100,
    });
    const connected = await load.waitForEvent((e) => e.event === 'connected', `${clientCount} clients connected`, 60_000);
    expect(connected.clients).toBe(clientCount);

    // The sidebar's broker info counts them (our own connection is one more).
    await expect.poll(brokerClients, uiTimeout).toBeGreaterThanOrEqual(clientCount);
    const peakClients = await brokerClients();

    // Real UI actions while the load runs, each checked by what it shows.
    const times: Record<string, number> = {};
    times.expandLoad = await timed(async () => {
      await expand('load');
      await treeItem('g3').waitFor(uiTimeout);
    });
    times.expandGroup = await timed(async () => {
      await expand('g3');
      await treeItem('c3').waitFor(uiTimeout);
    });
    times.selectTopic = await timed(() => selectAndSeeHistory('c3'));
    const first = await newestNumber('c3');
    // The history keeps moving while the topic is open: a newer message shows.
    times.historyMoves = await timed(() => expect.poll(() => newestNumber('c3'), uiTimeout).toBeGreaterThan(first));
    times.packetsTab = await timed(openPacketsAndInspectPublish);
    times.topicsTab = await timed(async () => {
      await page.getByRole('tab', { name: 'Topics' }).click();
      await treeItem('load').waitFor(uiTimeout);
    });

    const progress = await load.waitForEvent((e) => e.event === 'progress' && Number(e.sent) > 0, 'the load running');
    expect(progress).toMatchObject({ disconnects: 0, errors: 0 });

    // Again late in the hold, with tens of thousands of messages and packets kept.
    const late = clientCount * (holdMs / 1000) * 0.6;
    await load.waitForEvent((e) => e.event === 'progress' && Number(e.sent) >= late, `${late} messages sent`, holdMs + 30_000);
    times.lateSelectTopic = await timed(() => selectAndSeeHistory('c13'));
    times.latePacketsTab = await timed(openPacketsAndInspectPublish);
    await page.getByRole('tab', { name: 'Topics' }).click();

    const held = await load.waitForEvent((e) => e.event === 'held', `the ${holdMs / 1000} s hold to end`, holdMs + 60_000);
    const sent = Number(held.sent);
    // The app's own connection to its broker (subscribed to #) saw every message.
    await expect.poll(async () => countBefore(await treeItem('load').innerText(), 'msgs'), uiTimeout).toBe(sent);
    const tasks = await longTasks(page);
    const longestTaskMs = Math.round(Math.max(0, ...tasks.map((t) => t.duration)));

    await load.waitForEvent((e) => e.event === 'closed', 'the clients to disconnect', 60_000);
    await expect.poll(brokerClients, uiTimeout).toBeLessThanOrEqual(1);

    console.log(
      `${clientCount} clients connected in ${connected.ms} ms; broker clients in the sidebar: ${peakClients} at the peak, ${await brokerClients()} after; ` +
        `${sent} messages sent, ${held.received} received back by their clients, ${sent} counted by the app; ` +
        `disconnects ${held.disconnects}, errors ${held.errors}; UI actions (ms): ${JSON.stringify(times)}; ` +
        `long tasks (over 50 ms): ${tasks.length}, longest ${longestTaskMs} ms`,
    );
    expect(held).toMatchObject({ received: sent, missingClients: 0, disconnects: 0, errors: 0 });
    // Every client published about once a second for the whole hold.
    expect(sent).toBeGreaterThan(clientCount * (holdMs / 1000) * 0.8);
    expect(web.output().split('\n').filter((l) => /error|fail|exception|warn/i.test(l))).toEqual([]);
  }, 180_000);
});
