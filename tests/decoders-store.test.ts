// The decoder rules and .proto files as the core keeps them (through the contract's
// validation, as a transport sends requests), and a large payload fetched in pieces.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MessageDetail } from '../shared/contract';
import { messageHeadBytes, type DecoderSettings, type PayloadPart } from '../shared/decoder-contract';
import { matchingRule } from '../shared/decoders/rule-match';
import { startCore, type CoreHarness } from './helpers/core-harness';
import { freePort } from './helpers/free-port';

const fixtures = path.join(import.meta.dirname, 'fixtures', 'decoders');
const telemetry = fs.readFileSync(path.join(fixtures, 'telemetry.proto'), 'utf8');
const broken = fs.readFileSync(path.join(fixtures, 'broken.proto'), 'utf8');

describe('the decoder rules and .proto files', () => {
  let h: CoreHarness;
  beforeAll(async () => {
    h = await startCore();
  });
  afterAll(async () => h?.close());

  it('start empty', async () => {
    expect(await h.ok('getDecoderSettings')).toEqual({ rules: [], protoFiles: [], problem: null });
  });

  it('a .proto that does not parse is refused at its field with protobufjs\'s message', async () => {
    const result = await h.call('addProtoFile', { name: 'broken.proto', text: broken });
    expect(result).toEqual({ ok: false, error: { field: 'text', message: expect.stringMatching(/^broken\.proto does not parse: illegal token 'int32'.*\(line 4\)/) } });
    expect(((await h.ok('getDecoderSettings')) as DecoderSettings).protoFiles).toEqual([]);
    const byPath = await h.call('addProtoFile', { path: path.join(fixtures, 'broken.proto') });
    expect(byPath).toMatchObject({ ok: false, error: { field: 'path' } });
    expect(await h.call('addProtoFile', { name: '../escape.proto', text: telemetry })).toMatchObject({ ok: false, error: { field: 'name' } });
  });

  it('adds a .proto from its text or a path, lists its message types, and removes it', async () => {
    const added = (await h.ok('addProtoFile', { name: 'telemetry.proto', text: telemetry })) as DecoderSettings;
    expect(added.protoFiles).toEqual([{ name: 'telemetry.proto', size: Buffer.byteLength(telemetry), messageTypes: ['acme.telemetry.Reading', 'acme.telemetry.Frame'] }]);
    expect(fs.readFileSync(path.join(h.dataDir, 'decoders', 'proto', 'telemetry.proto'), 'utf8')).toBe(telemetry);
    const copy = path.join(h.dataDir, 'copy.proto');
    fs.writeFileSync(copy, telemetry);
    expect(((await h.ok('addProtoFile', { path: copy })) as DecoderSettings).protoFiles.map((f) => f.name)).toEqual(['copy.proto', 'telemetry.proto']);
    expect(await h.ok('getProtoFile', { name: 'telemetry.proto' })).toEqual({ name: 'telemetry.proto', text: telemetry });
    expect(((await h.ok('removeProtoFile', { name: 'copy.proto' })) as DecoderSettings).protoFiles.map((f) => f.name)).toEqual(['telemetry.proto']);
  });

  it('a Protobuf rule needs an existing file and one of its types', async () => {
    expect(await h.call('saveDecoderRule', { rule: { filter: 'a/#', decoder: 'protobuf', protoFile: 'nope.proto', messageType: 'x' } })).toMatchObject({ ok: false, error: { field: 'rule.protoFile' } });
    expect(await h.call('saveDecoderRule', { rule: { filter: 'a/#', decoder: 'protobuf', protoFile: 'telemetry.proto', messageType: 'acme.Nope' } })).toMatchObject({ ok: false, error: { field: 'rule.messageType' } });
    expect(await h.call('saveDecoderRule', { rule: { filter: 'a/#/b', decoder: 'json' } })).toMatchObject({ ok: false, error: { field: 'rule.filter' } });
    expect(await h.call('saveDecoderRule', { rule: { filter: 'a/#', decoder: 'morse' } })).toMatchObject({ ok: false, error: { field: 'rule.decoder' } });
  });

  it('rules are kept in order, a new filter first, the same filter replaced in place; the first match wins', async () => {
    await h.ok('saveDecoderRule', { rule: { filter: 'plant/#', decoder: 'cbor' } });
    await h.ok('saveDecoderRule', { rule: { filter: 'plant/+/frame', decoder: 'protobuf', protoFile: 'telemetry.proto', messageType: 'acme.telemetry.Frame' } });
    const settings = (await h.ok('saveDecoderRule', { rule: { filter: 'plant/#', decoder: 'msgpack', protoFile: 'telemetry.proto' } })) as DecoderSettings;
    expect(settings.rules).toEqual([
      { filter: 'plant/+/frame', decoder: 'protobuf', protoFile: 'telemetry.proto', messageType: 'acme.telemetry.Frame' },
      { filter: 'plant/#', decoder: 'msgpack' },
    ]);
    expect(matchingRule(settings.rules, 'plant/p1/frame')?.decoder).toBe('protobuf');
    expect(matchingRule(settings.rules, 'plant/p1/other')?.decoder).toBe('msgpack');
    expect(matchingRule(settings.rules, 'elsewhere')).toBeNull();
  });

  it('are still there after a restart, and a rules file that cannot be read is set aside and said', async () => {
    const dataDir = h.dataDir;
    const again = await startCore({ dataDir });
    try {
      const settings = (await again.ok('getDecoderSettings')) as DecoderSettings;
      expect(settings.rules.map((r) => r.filter)).toEqual(['plant/+/frame', 'plant/#']);
      expect(settings.protoFiles.map((f) => f.name)).toEqual(['telemetry.proto']);
    } finally {
      await again.close();
    }
    const other = fs.mkdtempSync(path.join(path.dirname(dataDir), 'scope-decoders-bad-'));
    fs.mkdirSync(path.join(other, 'decoders'));
    fs.writeFileSync(path.join(other, 'decoders', 'rules.json'), '{"rules": [{"filter": 5}]}');
    const bad = await startCore({ dataDir: other });
    try {
      const settings = (await bad.ok('getDecoderSettings')) as DecoderSettings;
      expect(settings.rules).toEqual([]);
      expect(settings.problem).toMatch(/rules\.json was not valid; it was moved to .*unreadable-\d+ and no decoder rules are set\./);
    } finally {
      await bad.close();
      fs.rmSync(other, { recursive: true, force: true });
    }
  });
});

describe('a large payload in pieces', () => {
  let h: CoreHarness;
  beforeAll(async () => {
    h = await startCore({ brokerPort: await freePort() });
  });
  afterAll(async () => h?.close());

  it('getMessage carries the head and the size; getPayloadPart gives any slice, and null once evicted', async () => {
    const payload = Buffer.alloc(3 * 1024 * 1024 + 5);
    for (let i = 0; i < payload.length; i++) payload[i] = (i * 7) & 0xff;
    // Into the history directly: the embedded broker refuses packets over 1 MiB by default.
    h.core.connection('embedded')!.tree.ingest('big/blob', payload, 1, false, Date.now());

    const detail = (await h.ok('getMessage', { connectionId: 'embedded', topic: 'big/blob', seq: 0 })) as MessageDetail;
    expect(detail.size).toBe(payload.length);
    expect(Buffer.from(detail.payloadBase64, 'base64').equals(payload.subarray(0, messageHeadBytes))).toBe(true);

    const part = (await h.ok('getPayloadPart', { connectionId: 'embedded', topic: 'big/blob', seq: 0, offset: 3 * 1024 * 1024, length: 1024 })) as PayloadPart;
    expect(part.total).toBe(payload.length);
    expect(part.offset).toBe(3 * 1024 * 1024);
    expect(Buffer.from(part.base64, 'base64').equals(payload.subarray(3 * 1024 * 1024))).toBe(true);
    expect(await h.call('getPayloadPart', { connectionId: 'embedded', topic: 'big/blob', seq: 0, offset: payload.length + 1, length: 10 })).toMatchObject({ ok: false, error: { field: 'offset' } });
    expect(await h.call('getPayloadPart', { connectionId: 'embedded', topic: 'big/blob', seq: 0, offset: 0, length: 64 * 1024 * 1024 })).toMatchObject({ ok: false, error: { field: 'length' } });
    expect(await h.ok('getPayloadPart', { connectionId: 'embedded', topic: 'big/blob', seq: 9, offset: 0, length: 10 })).toBeNull();
  });
});
