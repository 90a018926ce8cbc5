// Bad input typed into every form, as a user would, in Debian's Chromium on web mode:
// each value must be refused with a message at its field (aria-invalid, and the text the
// field's aria-describedby points at), the field must keep what was typed, nothing may
// reach the broker or change in the core, and the page must log no error for the whole run.
import mqtt, { type MqttClient } from 'mqtt';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppInfo, ConnectionSummary } from '../../shared/contract';
import type { ProfilesState } from '../../shared/profile-contract';
import { launchChromium } from '../helpers/browser';
import { openCoreSocket, type CoreSocket } from '../helpers/core-socket';
import { expectFileRefused, expectRefused, messageOf, type BadInput } from '../helpers/field-checks';
import { freePort } from '../helpers/free-port';
import { waitFor } from '../helpers/wait-for';
import { startWebMode, type WebMode } from '../helpers/web-mode';

let web: WebMode;
let browser: Browser;
let page: Page;
let brokerPort: number;
let watcher: MqttClient;
let core: CoreSocket;
const pageErrors: string[] = [];
/** Every message published on the embedded broker (but $SYS), in arrival order. */
const seen: string[] = [];
const ui = { timeout: 15_000 };

beforeAll(async () => {
  brokerPort = await freePort();
  web = await startWebMode(['--broker-port', String(brokerPort), '--no-demo']);
  watcher = await mqtt.connectAsync({ host: '127.0.0.1', port: brokerPort, clientId: 'bad-input-ui-watcher', reconnectPeriod: 0 });
  watcher.on('message', (topic) => {
    if (!topic.startsWith('$SYS')) seen.push(topic);
  });
  await watcher.subscribeAsync('#', { qos: 1 });
  core = await openCoreSocket(web);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on('pageerror', (err) => pageErrors.push(`pageerror: ${err.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') pageErrors.push(`console: ${m.text()}`);
  });
  await page.goto(web.url);
  await page.getByRole('status', { name: 'Connection status' }).filter({ hasText: 'Connected' }).waitFor(ui);
  // A topic of our own, for the history limits (they open on a selected topic) and the filters.
  await watcher.publishAsync('bad-input/topic', 'reading', { qos: 1 });
});

afterAll(async () => {
  core?.close();
  await browser?.close();
  await watcher?.endAsync(true).catch(() => undefined);
  await web?.stop();
});

const connections = async () => (await core.call<ConnectionSummary[]>('listConnections')).map((c) => `${c.id} ${c.subscriptions.map((s) => s.filter).join(',')}`);

describe('the sidebar forms', () => {
  it('New connection: a bad URL, filter, client id, user name or name is said at its field, and no connection is made', async () => {
    const before = await connections();
    await page.getByRole('button', { name: 'New connection' }).click();
    const form = page.getByRole('form', { name: 'New connection' });
    const valid: Record<string, string> = { 'Broker URL': `mqtt://127.0.0.1:${brokerPort}`, 'Subscription filter 1': '#', 'Client ID': '', Username: '', 'Connection name': '' };
    for (const [field, value] of Object.entries(valid)) await form.getByRole('textbox', { name: field, exact: true }).fill(value);
    const cases: BadInput[] = [
      { field: 'Broker URL', value: '', message: /^Enter a broker URL/ },
      { field: 'Broker URL', value: '   ', message: /^Enter a broker URL/ },
      { field: 'Broker URL', value: 'htp://broker', message: /Unsupported scheme 'htp:\/\/'/ },
      { field: 'Broker URL', value: 'mqtt://127.0.0.1:70000', message: /Port 70000 is out of range \(1 to 65535\)/ },
      { field: 'Broker URL', value: `mqtt://${'h'.repeat(2100)}`, message: /^The URL is longer than 2,048 characters \(it has 2,107\)/ },
      { field: 'Subscription filter 1', value: 'a/#/b', message: /'#' may only be the last level/ },
      { field: 'Subscription filter 1', value: 'a+', message: /'\+' must fill a whole level/ },
      { field: 'Subscription filter 1', value: '', message: /topic filter is empty/ },
      { field: 'Subscription filter 1', value: 'a/\u0000', message: /null character \(U\+0000\)/ },
      { field: 'Client ID', value: 'probe\u0000id', message: /^The client id contains a null character/ },
      { field: 'Username', value: 'user\u0000', message: /^The user name contains a null character/ },
      { field: 'Connection name', value: 'n'.repeat(250), message: /^The name is longer than 200 characters \(it has 250\)/ },
    ];
    await expectRefused(
      form,
      cases,
      () => form.getByRole('button', { name: 'Connect', exact: true }).click(),
      (c) => form.getByRole('textbox', { name: c.field, exact: true }).fill(valid[c.field]),
    );
    // MQTT 3.1 servers may refuse client ids over 23 characters.
    await form.getByRole('combobox', { name: 'MQTT version' }).selectOption('3');
    await expectRefused(form, [{ field: 'Client ID', value: 'c'.repeat(24), message: /^MQTT 3\.1 allows client ids of at most 23 characters; this one has 24/ }], () =>
      form.getByRole('button', { name: 'Connect', exact: true }).click(),
    );
    await form.getByRole('button', { name: 'Cancel' }).click();
    expect(await connections()).toEqual(before);
  });

  it('Add subscription: an invalid filter is said at the field, and nothing is subscribed', async () => {
    const before = await connections();
    const form = page.getByRole('form', { name: 'Add subscription' });
    await expectRefused(
      form,
      [
        { field: 'New subscription filter', value: 'a/#/b', message: /'#' may only be the last level of a filter; 'a\/#\/b' has levels after it/ },
        { field: 'New subscription filter', value: 'sensors/+x', message: /'\+' must fill a whole level by itself \(found '\+x'\)/ },
        { field: 'New subscription filter', value: 'sensors/#x', message: /'#' must fill a whole level by itself/ },
        { field: 'New subscription filter', value: '', message: /The topic filter is empty/ },
        { field: 'New subscription filter', value: 'a\u0000b', message: /null character/ },
        { field: 'New subscription filter', value: 'x'.repeat(65_536), message: /longer than 65,535 bytes/ },
      ],
      () => form.getByRole('button', { name: 'Add filter' }).click(),
    );
    expect(await connections()).toEqual(before);
  });
});

describe('the publish panel', () => {
  const panel = () => page.getByRole('region', { name: 'Publish' });
  const publish = () => panel().getByRole('button', { name: 'Publish', exact: true });
  const format = (name: string) => panel().getByRole('radiogroup', { name: 'Payload format' }).getByRole('radio', { name, exact: true });
  const openSection = async (name: RegExp) => {
    const toggle = panel().getByRole('button', { name });
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  };
  let mark = 0;

  it('refuses bad topics and payloads in every format at their fields', async () => {
    mark = seen.length;
    const topic = panel().getByRole('combobox', { name: 'Topic', exact: true });
    const payload = panel().getByRole('textbox', { name: 'Payload', exact: true });
    await payload.fill('on');
    await expectRefused(
      panel(),
      [
        { field: 'Topic', role: 'combobox', value: 'devices/+/set', message: /cannot contain the wildcards \+ or #/ },
        { field: 'Topic', role: 'combobox', value: 'devices/#', message: /cannot contain the wildcards/ },
        { field: 'Topic', role: 'combobox', value: '', message: /The topic is empty/ },
        { field: 'Topic', role: 'combobox', value: 'a\u0000b', message: /null character/ },
        { field: 'Topic', role: 'combobox', value: 't'.repeat(70_000), message: /longer than 65,535 bytes/ },
      ],
      () => publish().click(),
    );
    await topic.fill('bad-input/never');
    const payloads: [string, BadInput][] = [
      ['JSON', { field: 'Payload', value: '{"setpoint": 21.5,', message: /not valid JSON/ }],
      ['JSON', { field: 'Payload', value: '', message: /empty, which is not valid JSON/ }],
      ['Hex', { field: 'Payload', value: 'de ad zz', message: /'z' is not a hex digit/ }],
      ['Hex', { field: 'Payload', value: 'abc', message: /odd number of digits \(3\)/ }],
      ['Base64', { field: 'Payload', value: '3q2+7w=', message: /not valid base64/ }],
      ['Base64', { field: 'Payload', value: 'ab$d', message: /not valid base64/ }],
    ];
    for (const [name, c] of payloads) {
      await payload.fill('');
      await format(name).check();
      await expectRefused(panel(), [c], () => publish().click());
    }
    await payload.fill('');
    await format('Text').check();
    await payload.fill('on');
  });

  it('refuses bad 5.0 properties at their fields', async () => {
    await openSection(/^Properties/);
    const section = panel().getByRole('group', { name: 'MQTT 5.0 properties' });
    const numbers: BadInput[] = [
      { field: 'Message expiry (s)', role: 'spinbutton', value: '-1', message: /whole number of seconds from 0 to 4,294,967,295/ },
      { field: 'Message expiry (s)', role: 'spinbutton', value: '1.5', message: /whole number of seconds/ },
      { field: 'Message expiry (s)', role: 'spinbutton', value: '1e3', message: /whole number of seconds/ },
      { field: 'Message expiry (s)', role: 'spinbutton', value: '99999999999', message: /whole number of seconds/ },
      { field: 'Topic alias', role: 'spinbutton', value: '0', message: /whole number from 1 to 65,535/ },
      // Aedes announces no Topic Alias Maximum, which means 0.
      { field: 'Topic alias', role: 'spinbutton', value: '5', message: /accepts no topic aliases/ },
      { field: 'Response topic', value: 'replies/#', message: /^Response topic: .*wildcards/ },
      { field: 'Content type', value: 'text/\u0000plain', message: /^The content type contains a null character/ },
    ];
    await expectRefused(section, numbers, () => publish().click(), (c) => section.getByRole(c.role ?? 'textbox', { name: c.field, exact: true }).fill(''));
    await section.getByRole('radiogroup', { name: 'Correlation data as' }).getByRole('radio', { name: 'Hex' }).check();
    await expectRefused(section, [{ field: 'Correlation data', value: '01 0g', message: /^Correlation data: 'g' is not a hex digit/ }], () => publish().click(), () =>
      section.getByRole('textbox', { name: 'Correlation data', exact: true }).fill(''),
    );
    await section.getByRole('button', { name: 'Add user property' }).click();
    await section.getByRole('textbox', { name: 'User property 1 value' }).fill('v');
    await expectRefused(
      section,
      [
        { field: 'User property 1 name', value: '', message: /needs a name/ },
        { field: 'User property 1 name', value: 'site\u0000', message: /^The name contains a null character/ },
      ],
      () => publish().click(),
    );
    await section.getByRole('button', { name: 'Remove user property 1' }).click();
  });

  it('refuses a bad repeat, request or saved name at its field', async () => {
    await openSection(/^Repeat/);
    const repeat = panel().getByRole('group', { name: 'Repeat' });
    await expectRefused(
      repeat,
      [
        { field: 'Every (ms)', role: 'spinbutton', value: '0', message: /whole number of milliseconds from 1 to 86,400,000/ },
        { field: 'Every (ms)', role: 'spinbutton', value: '2.5', message: /whole number of milliseconds/ },
        { field: 'Times', role: 'spinbutton', value: '-4', message: /^Times: a whole number from 1 to 10,000,000/ },
        { field: 'Times', role: 'spinbutton', value: '1e9', message: /^Times: a whole number/ },
      ],
      () => repeat.getByRole('button', { name: 'Start repeat' }).click(),
      async (c) => repeat.getByRole('spinbutton', { name: c.field, exact: true }).fill(c.field === 'Times' ? '10' : '1000'),
    );
    await openSection(/^Request/);
    const request = panel().getByRole('group', { name: 'Request and response' });
    await expectRefused(
      request,
      [
        { field: 'Timeout (ms)', role: 'spinbutton', value: '50', message: /timeout is a whole number of milliseconds from 100 to 600,000/ },
        { field: 'Reply topic', value: 'replies/+', message: /^Reply topic: .*wildcards/ },
        { field: 'Reply topic', value: 'bad-input/never', message: /the request topic itself/ },
        { field: 'Correlation', value: '', message: /correlation is empty/ },
      ],
      () => request.getByRole('button', { name: 'Send request' }).click(),
      async (c) => {
        const restored: Record<string, string> = { 'Timeout (ms)': '5000', 'Reply topic': 'bad-input/replies', Correlation: 'c-1' };
        await request.getByRole(c.role ?? 'textbox', { name: c.field, exact: true }).fill(restored[c.field]);
      },
    );
    await openSection(/^Library/);
    const library = panel().getByRole('group', { name: 'Library' });
    await library.getByRole('button', { name: 'Save as…' }).click();
    const save = library.getByRole('form', { name: 'Save message' });
    await expectRefused(
      save,
      [
        { field: 'Name', value: '   ', message: /Give the saved message a name/ },
        { field: 'Name', value: 'm'.repeat(201), message: /^The name is longer than 200 characters \(it has 201\)/ },
      ],
      () => save.getByRole('button', { name: 'Save', exact: true }).click(),
    );
    await save.getByRole('button', { name: 'Cancel' }).click();
    expect((await core.call<{ saved: unknown[] }>('getPublishLibrary', { connectionId: 'embedded' })).saved).toEqual([]);
  });

  it('sent nothing for any of them: the next valid publish is the first message the broker sees', async () => {
    await panel().getByRole('combobox', { name: 'Topic', exact: true }).fill('bad-input/sentinel');
    await publish().click();
    await waitFor(() => seen.slice(mark).includes('bad-input/sentinel'), { what: 'the sentinel at the watcher' });
    expect(seen.slice(mark)).toEqual(['bad-input/sentinel']);
  });
});

describe('the history and capture limits', () => {
  it('History limits: a bad count or size is said at its field, and the limits stay as they were', async () => {
    const before = (await core.call<AppInfo>('getAppInfo')).historyLimits;
    const tree = page.getByRole('tree', { name: 'Topic tree' });
    const parent = tree.getByRole('treeitem', { name: 'bad-input', exact: true });
    await parent.click();
    if ((await parent.getAttribute('aria-expanded')) !== 'true') await parent.press('ArrowRight');
    await tree.getByRole('treeitem', { name: 'topic', exact: true }).click();
    await page.getByRole('region', { name: 'History' }).getByRole('button', { name: 'Limits…' }).click();
    const form = page.getByRole('form', { name: 'History limits' });
    const valid: Record<string, string> = {};
    for (const field of ['Messages per topic', 'MB per topic', 'MB for all topics']) valid[field] = await form.getByRole('spinbutton', { name: field }).inputValue();
    await expectRefused(
      form,
      [
        { field: 'Messages per topic', role: 'spinbutton', value: '0', message: /^Too small: enter a whole number from 1 to 1,000,000\.$/ },
        { field: 'Messages per topic', role: 'spinbutton', value: '-3', message: /^Too small/ },
        { field: 'Messages per topic', role: 'spinbutton', value: '1.5', message: /^No fractions: enter a whole number from 1 to 1,000,000\.$/ },
        { field: 'Messages per topic', role: 'spinbutton', value: '1e3', message: /^Use the digits 0-9 only/ },
        { field: 'Messages per topic', role: 'spinbutton', value: '2000000', message: /^Too large/ },
        { field: 'Messages per topic', role: 'spinbutton', value: '', message: /^Enter a whole number from 1 to 1,000,000\.$/ },
        { field: 'MB per topic', role: 'spinbutton', value: '0.0001', message: /^Too small: enter a size from 0\.001 to 4,096 MB\.$/ },
        { field: 'MB per topic', role: 'spinbutton', value: '5000', message: /^Too large: enter a size/ },
        { field: 'MB per topic', role: 'spinbutton', value: '2e1', message: /^Use digits and a decimal point only/ },
        { field: 'MB for all topics', role: 'spinbutton', value: '0.5', message: /^Too small: enter a size from 1 to 65,536 MB\.$/ },
      ],
      () => form.getByRole('button', { name: 'Apply limits' }).click(),
      (c) => form.getByRole('spinbutton', { name: c.field }).fill(valid[c.field]),
    );
    await form.getByRole('button', { name: 'Cancel' }).click();
    expect((await core.call<AppInfo>('getAppInfo')).historyLimits).toEqual(before);
  });

  it('Capture limits: a bad packet or flow count is said at the field, and the limit stays', async () => {
    const before = (await core.call<AppInfo>('getAppInfo')).captureLimits;
    for (const [tab, what, field] of [
      ['Packets', 'Packet', 'Packets to keep'],
      ['Timeline', 'Flow', 'Flows to keep'],
    ] as const) {
      await page.getByRole('tab', { name: tab }).click();
      await page.getByRole('status', { name: `${what} capture` }).getByRole('button', { name: 'Change limit…' }).click();
      const form = page.getByRole('form', { name: `${what} capture limit` });
      const unit = what === 'Packet' ? 'packets' : 'flows';
      await expectRefused(
        form,
        [
          { field, role: 'spinbutton', value: '99', message: new RegExp(`^Too small: enter a whole number from 100 to 10,000,000 ${unit}\\.$`) },
          { field, role: 'spinbutton', value: '150.5', message: /^No fractions/ },
          { field, role: 'spinbutton', value: '1e3', message: /^Use the digits 0-9 only/ },
          { field, role: 'spinbutton', value: '20000000', message: /^Too large/ },
          { field, role: 'spinbutton', value: '', message: /^Enter a whole number/ },
        ],
        () => form.getByRole('button', { name: 'Apply' }).click(),
      );
      await page.getByRole('status', { name: `${what} capture` }).getByRole('button', { name: 'Close' }).click();
    }
    expect((await core.call<AppInfo>('getAppInfo')).captureLimits).toEqual(before);
  });
});

describe('the capture filters and fault injection', () => {
  it('Packet and flow filters: an invalid filter is said beside the box and the last valid one stays applied', async () => {
    for (const [tab, bar, status] of [
      ['Packets', 'Packet filters', 'Packet capture'],
      ['Timeline', 'Flow filters', 'Flow capture'],
    ] as const) {
      await page.getByRole('tab', { name: tab }).click();
      const filters = page.getByRole('search', { name: bar });
      const box = filters.getByRole('searchbox', { name: 'Topic filter' });
      await box.fill('bad-input/#');
      await expect.poll(() => messageOf(box), ui).toBe('MQTT filter');
      // "N packets match the filter": the other counts of the line grow with keep-alive pings.
      const summary = page.getByRole('status', { name: status });
      const matching = async () => /(\d+) \w+ match/.exec(await summary.innerText())?.[1] ?? 'none';
      await expect.poll(matching, ui).toMatch(/^[1-9]/);
      const applied = await matching();
      await expectRefused(
        filters,
        [
          { field: 'Topic filter', role: 'searchbox', value: 'bad-input/#x', message: /^'#' must fill a whole level by itself \(found '#x'\)\.$/ },
          { field: 'Topic filter', role: 'searchbox', value: 'a/#/b', message: /'#' may only be the last level/ },
          { field: 'Topic filter', role: 'searchbox', value: 'bad-input+', message: /'\+' must fill a whole level/ },
          { field: 'Topic filter', role: 'searchbox', value: 'x'.repeat(70_000), message: /^No topic is longer than 65,535 bytes/ },
        ],
        async () => undefined,
      );
      // 'bad-input/#x' would have matched nothing: the count still answers 'bad-input/#'. Not the
      // same number as before: the capture keeps moving (its rings evict, packets arrive).
      expect(Number(await matching())).toBeGreaterThan(0);
      expect(applied).not.toBe('none');
      await box.fill('');
      await expect.poll(() => box.getAttribute('aria-invalid'), ui).toBeNull();
    }
    expect(await page.getByRole('alert').allInnerTexts()).toEqual([]);
  });

  it('Fault injection: a bad count or delay is said at its field, and no fault is set', async () => {
    await page.getByRole('tab', { name: 'Packets' }).click();
    // The toggle remembers its state per view: open it, whatever an earlier test left.
    const toggle = page.getByRole('button', { name: 'Fault injection', exact: true });
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-expanded'), ui).toBe('true');
    const form = page.getByRole('form', { name: 'New fault' });
    // The form needs the link list, which comes with the capture's next update.
    await form.waitFor({ timeout: 30_000 });
    await expectRefused(
      form,
      [
        { field: 'Number of packets', value: '0', message: /^Too small: enter a whole number from 1 to 10,000 packets\.$/ },
        { field: 'Number of packets', value: '1.5', message: /^No fractions/ },
        { field: 'Number of packets', value: 'abc', message: /^Use the digits 0-9 only/ },
        { field: 'Number of packets', value: '0x10', message: /^Use the digits 0-9 only/ },
        { field: 'Number of packets', value: '1e2', message: /^Use the digits 0-9 only/ },
        { field: 'Number of packets', value: ' ', message: /^Enter a whole number/ },
        { field: 'Number of packets', value: '10001', message: /^Too large/ },
      ],
      () => form.getByRole('button', { name: 'Drop packets' }).click(),
      () => form.getByRole('textbox', { name: 'Number of packets' }).fill('1'),
    );
    await form.getByRole('radio', { name: 'Delay' }).check();
    await expectRefused(
      form,
      [
        { field: 'Delay in milliseconds', value: '0', message: /^Too small: enter a whole number from 1 to 600,000 ms\.$/ },
        { field: 'Delay in milliseconds', value: '700000', message: /^Too large/ },
        { field: 'Delay in milliseconds', value: 'soon', message: /^Use the digits 0-9 only/ },
      ],
      () => form.getByRole('button', { name: 'Delay packets' }).click(),
    );
    expect(await form.getByRole('button', { name: 'Clear faults' }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Close fault injection' }).click();
  });
});

/** Files that are not what the control wants. */
const badFiles = [
  { name: 'utf16.json', bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"format":"x"}', 'utf16le')]), message: /: The file is UTF-16 text; save it as UTF-8/ },
  { name: 'picture.json', bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0xd8]), message: /: The file is not UTF-8 text/ },
  { name: 'empty.json', bytes: Buffer.alloc(0), message: /: The file is empty\./ },
  { name: 'cut.json', bytes: Buffer.from('{"format": "mqtt-scope-retained", "messages": ['), message: /: The file is not JSON/ },
];

describe('the retained view', () => {
  it('Filter and search: an invalid filter stops the scan, a search longer than the request takes is said at the box', async () => {
    await page.getByRole('tab', { name: 'Retained' }).click();
    const filter = page.getByRole('textbox', { name: 'Filter', exact: true });
    await expectRefused(
      page.locator('body'),
      [
        { field: 'Filter', value: 'a/#/b', message: /'#' may only be the last level/ },
        { field: 'Filter', value: 'a+', message: /'\+' must fill a whole level/ },
        { field: 'Filter', value: '', message: /topic filter is empty/ },
        { field: 'Filter', value: 'x'.repeat(70_000), message: /longer than 65,535 bytes/ },
      ],
      () => page.getByRole('button', { name: 'Scan', exact: true }).click(),
    );
    await filter.fill('#');
    expect(await page.getByRole('status', { name: 'Last scan' }).innerText()).toMatch(/^Not scanned yet/);
    const search = page.getByRole('searchbox', { name: 'Search topics' });
    await search.fill('y'.repeat(1001));
    await expect.poll(() => search.getAttribute('aria-invalid'), ui).toBe('true');
    expect(await messageOf(search)).toBe('The search text is longer than 1,000 characters (it has 1,001).');
    expect(await search.inputValue()).toHaveLength(1001);
    await search.fill('');
    expect(await page.getByRole('alert').allInnerTexts()).toEqual([]);
  });

  it('Restore and compare: a file that is not a UTF-8 retained file is said at its control, and nothing is restored', async () => {
    const restore = page.getByLabel('Restore from file…');
    for (const file of [...badFiles, { name: 'notes.json', bytes: Buffer.from('{"hello": "world"}'), message: /: This is not a retained-messages file/ }]) {
      await expectFileRefused(restore, file, file.message);
    }
    expect(await page.getByRole('region', { name: 'Restore report' }).count()).toBe(0);
    await page.getByRole('tab', { name: 'Snapshots' }).click();
    const compare = page.getByLabel('Compare with file…');
    for (const file of badFiles) await expectFileRefused(compare, file, file.message);
  });

  it('Snapshot name: longer than the request takes is said at the field, and nothing is saved', async () => {
    const form = page.getByRole('region', { name: 'Snapshots' });
    await expectRefused(form, [{ field: 'Snapshot name', value: 's'.repeat(300), message: /^The name is longer than 200 characters \(it has 300\)/ }], () =>
      form.getByRole('button', { name: 'Save snapshot' }).click(),
    );
    expect((await core.call<{ snapshots: unknown[] }>('listRetainedSnapshots')).snapshots).toEqual([]);
  });
});

describe('profiles', () => {
  const profileCount = async () => (await core.call<ProfilesState>('listProfiles')).profiles.length;
  const cancelEditor = async (form: Locator) => {
    await form.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => page.getByRole('form', { name: 'Connection profile' }).count(), ui).toBe(0);
  };

  it('Profile editor: bad fields are said at each field, and nothing is saved', async () => {
    const before = await profileCount();
    await page.getByRole('button', { name: 'New profile' }).click();
    const form = page.getByRole('form', { name: 'Connection profile' });
    const valid: Record<string, string> = { Name: 'Bad input', Host: 'localhost', Port: '1883', 'Client ID': 'bad-input-client', Username: '', 'Subscription filter 1': '#' };
    for (const [field, value] of Object.entries(valid)) await form.getByRole(field === 'Port' ? 'spinbutton' : 'textbox', { name: field, exact: true }).fill(value);
    await expectRefused(
      form,
      [
        { field: 'Name', value: '   ', message: /Give the profile a name/ },
        { field: 'Name', value: 'p'.repeat(201), message: /longer than 200 characters/ },
        { field: 'Host', value: 'mqtt://broker', message: /host name only, without mqtt:\/\// },
        { field: 'Host', value: 'broker local', message: /is not a host name/ },
        { field: 'Host', value: 'broker\u0000local', message: /control character/ },
        { field: 'Port', role: 'spinbutton', value: '0', message: /The port must be a whole number from 1 to 65535/ },
        { field: 'Port', role: 'spinbutton', value: '70000', message: /The port must be a whole number/ },
        { field: 'Port', role: 'spinbutton', value: '1.5', message: /The port must be a whole number/ },
        { field: 'Port', role: 'spinbutton', value: '1e3', message: /The port must be a whole number/ },
        { field: 'Client ID', value: 'id\u0000', message: /^The client id contains a null character/ },
        { field: 'Username', value: 'user\u0000', message: /^The user name contains a null character/ },
        { field: 'Subscription filter 1', value: 'a/#/b', message: /'#' may only be the last level/ },
        { field: 'Subscription filter 1', value: '', message: /topic filter is empty/ },
      ],
      () => form.getByRole('button', { name: 'Save profile' }).click(),
      (c) => form.getByRole(c.role ?? 'textbox', { name: c.field, exact: true }).fill(valid[c.field]),
    );
    await cancelEditor(form);
    expect(await profileCount()).toBe(before);
  });

  it('Profile editor sections: bad timings, will and 5.0 properties are said at their fields, and nothing is saved', async () => {
    const before = await profileCount();
    await page.getByRole('button', { name: 'New profile' }).click();
    const form = page.getByRole('form', { name: 'Connection profile' });
    await form.getByRole('textbox', { name: 'Name', exact: true }).fill('Sections');
    await form.getByRole('textbox', { name: 'Host' }).fill('localhost');
    const save = () => form.getByRole('button', { name: 'Save profile' }).click();
    const section = async (title: string) => {
      await form.getByRole('button', { name: new RegExp(`^${title}`) }).click();
      return form.getByRole('group', { name: title });
    };
    /** Puts the value the form opened with back, so each case has one problem. */
    const restoring = (scope: Locator, valid: Record<string, string>) => (c: BadInput) => scope.getByRole(c.role ?? 'textbox', { name: c.field, exact: true }).fill(valid[c.field]);

    const behaviour = await section('Connection behaviour');
    await expectRefused(
      behaviour,
      [
        { field: 'Keep alive (s)', role: 'spinbutton', value: '-1', message: /Keep alive \(s\) must be a whole number from 0 to 65535/ },
        { field: 'Keep alive (s)', role: 'spinbutton', value: '70000', message: /Keep alive \(s\) must be a whole number/ },
        { field: 'Connect timeout (ms)', role: 'spinbutton', value: '5', message: /connect timeout \(ms\) must be a whole number from 100 to 600000/ },
        { field: 'Reconnect period (ms)', role: 'spinbutton', value: '1.5', message: /reconnect period \(ms\) must be a whole number/ },
      ],
      save,
      restoring(behaviour, { 'Keep alive (s)': '60', 'Connect timeout (ms)': '10000', 'Reconnect period (ms)': '1000' }),
    );

    const will = await section('Last will');
    await will.getByRole('checkbox', { name: 'Send a will message' }).check();
    await will.getByRole('textbox', { name: 'Will topic' }).fill('bad-input/will');
    await expectRefused(
      will,
      [
        { field: 'Will topic', value: 'devices/+/status', message: /^The will topic: .*wildcards/ },
        { field: 'Will topic', value: '', message: /^The will topic: The topic is empty/ },
        { field: 'Content type', value: 'text/\u0000plain', message: /^The content type contains a null character/ },
        { field: 'Response topic', value: 'replies/#', message: /^The will response topic: .*wildcards/ },
        { field: 'Correlation data (base64)', value: 'abc', message: /must be base64/ },
        { field: 'Message expiry (s)', role: 'spinbutton', value: '-5', message: /will message expiry interval \(s\) must be a whole number/ },
      ],
      save,
      restoring(will, { 'Will topic': 'bad-input/will', 'Content type': '', 'Response topic': '', 'Correlation data (base64)': '', 'Message expiry (s)': '' }),
    );
    await will.getByRole('combobox', { name: 'Payload encoding' }).selectOption('base64');
    await expectRefused(will, [{ field: 'Will payload', value: 'not base64!', message: /will payload is not valid base64/ }], save, restoring(will, { 'Will payload': '' }));

    const properties = await section('MQTT 5.0 properties');
    await expectRefused(
      properties,
      [
        { field: 'Receive Maximum', role: 'spinbutton', value: '0', message: /Receive Maximum must be a whole number from 1 to 65535/ },
        { field: 'Topic Alias Maximum', role: 'spinbutton', value: '70000', message: /Topic Alias Maximum must be a whole number/ },
      ],
      save,
      restoring(properties, { 'Receive Maximum': '', 'Topic Alias Maximum': '' }),
    );
    await properties.getByRole('button', { name: 'Add user property' }).click();
    await properties.getByRole('textbox', { name: 'User properties 1 value' }).fill('v');
    await expectRefused(properties, [{ field: 'User properties 1 name', value: 'site\u0000', message: /^A name contains a null character/ }], save);

    await cancelEditor(form);
    expect(await profileCount()).toBe(before);
  });

  it('Import: a file that is not a profiles export is said at the file control, and nothing is imported', async () => {
    const before = await profileCount();
    await page.getByRole('button', { name: 'Import profiles…' }).click();
    const input = page.getByLabel('Profiles file');
    for (const file of [...badFiles, { name: 'list.json', bytes: Buffer.from('[1, 2, 3]'), message: /: The file is JSON but not a format MQTT Scope knows/ }]) {
      await expectFileRefused(input, file, file.message);
    }
    await page.getByRole('group', { name: 'Import' }).getByRole('button', { name: 'Close' }).click();
    expect(await profileCount()).toBe(before);
  });
});

describe('the page', () => {
  it('logged no error for any of it', () => {
    expect(pageErrors).toEqual([]);
  });
});
