// Saved profiles through the core's requests, against mosquitto: secrets stay on the
// main side, 5.0 subscription options and persistent sessions reach the broker.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProfileImportResult, ProfilesState } from '../shared/profile-contract';
import type { ProfileView } from '../shared/profile';
import { startCore, type CoreHarness } from './helpers/core-harness';
import { mosquittoPub, startMosquitto, type MosquittoBroker } from './helpers/mosquitto';
import { waitFor } from './helpers/wait-for';

let h: CoreHarness;
let mosquitto: MosquittoBroker;

beforeAll(async () => {
  mosquitto = await startMosquitto({ passwordUsers: [{ user: 'ops', password: 'pr0file-secret' }] });
  h = await startCore();
});
afterAll(async () => {
  await h?.close();
  await mosquitto?.stop();
});

const base = () => ({ protocol: 'mqtt', host: '127.0.0.1', port: mosquitto.port, username: 'ops', password: 'pr0file-secret' });

describe('profiles through the core', () => {
  it('saves a profile, never hands its password back, and connects with it', async () => {
    const saved = (await h.ok('saveProfile', { ...base(), name: 'Plant broker', protocolVersion: 4, subscriptions: [{ filter: 'plant/#', qos: 1 }] })) as ProfileView;
    expect(saved.password).toEqual({ set: true });
    const state = (await h.ok('listProfiles')) as ProfilesState;
    expect(JSON.stringify(state)).not.toContain('pr0file-secret');
    expect(fs.readFileSync(path.join(h.dataDir, 'profiles.json'), 'utf8')).not.toContain('pr0file-secret');
    expect(state.profiles.find((p) => p.id === saved.id)?.name).toBe('Plant broker');
    const pushed = await waitFor(() => h.latest('profiles'), { what: "the 'profiles' event" });
    expect(pushed.profiles.some((p) => p.id === saved.id)).toBe(true);
    const { connectionId } = (await h.ok('connectProfile', { id: saved.id })) as { connectionId: string };
    const summary = await h.waitForSubscriptions(connectionId);
    expect(summary).toMatchObject({ name: 'Plant broker', clientId: saved.clientId, status: { kind: 'connected' } });
    expect(summary.subscriptions[0]).toMatchObject({ filter: 'plant/#', state: 'granted', grantedQos: 1 });
    await h.ok('removeConnection', { connectionId });
  });

  it('sends 5.0 subscription options: with No Local, our own publish does not come back', async () => {
    const saved = (await h.ok('saveProfile', {
      ...base(),
      name: 'No local',
      protocolVersion: 5,
      subscriptions: [{ filter: 'nl/#', qos: 1, noLocal: true }],
    })) as ProfileView;
    const { connectionId } = (await h.ok('connectProfile', { id: saved.id })) as { connectionId: string };
    await h.waitForSubscriptions(connectionId);
    await h.ok('publish', { connectionId, topic: 'nl/mine', payload: 'not for me', format: 'text', qos: 1, retain: false });
    await mosquittoPub(['-h', '127.0.0.1', '-p', String(mosquitto.port), '-u', 'ops', '-P', 'pr0file-secret', '-t', 'nl/theirs', '-m', 'for me', '-q', '1']);
    await h.waitForHistory(connectionId, 'nl/theirs', (v) => v.entries.length === 1);
    const summary = await h.summary(connectionId);
    expect(summary?.counters.messagesReceived).toBe(1);
    await h.ok('removeConnection', { connectionId });
  });

  it('keeps a persistent session: QoS 1 messages published while away arrive on reconnect', async () => {
    const saved = (await h.ok('saveProfile', {
      ...base(),
      name: 'Persistent',
      protocolVersion: 5,
      clean: false,
      sessionExpiryInterval: 300,
      subscriptions: [{ filter: 'away/#', qos: 1 }],
    })) as ProfileView;
    const { connectionId } = (await h.ok('connectProfile', { id: saved.id })) as { connectionId: string };
    await h.waitForSubscriptions(connectionId);
    await h.ok('disconnect', { connectionId });
    for (const n of [1, 2, 3]) {
      await mosquittoPub(['-h', '127.0.0.1', '-p', String(mosquitto.port), '-u', 'ops', '-P', 'pr0file-secret', '-t', 'away/q1', '-m', `while away ${n}`, '-q', '1']);
    }
    const first = (await h.summary(connectionId))!.connack!;
    expect(first).toMatchObject({ sessionPresent: false, code: 0, text: 'Success (0x00)' });
    await h.ok('reconnect', { connectionId });
    const view = await h.waitForHistory(connectionId, 'away/q1', (v) => v.entries.length === 3);
    // The CONNACK says the broker kept the session, as the UI shows after every connect.
    expect((await h.summary(connectionId))!.connack).toMatchObject({ sessionPresent: true, code: 0 });
    expect(view.entries.map((e) => e.preview)).toEqual(['while away 3', 'while away 2', 'while away 1']);
    await h.ok('removeConnection', { connectionId });
  });

  it('imports an MQTTX export and reports what it could not map', async () => {
    const text = fs.readFileSync(path.join(import.meta.dirname, 'fixtures', 'profiles', 'mqttx-export.json'), 'utf8');
    const result = (await h.ok('importProfiles', { text })) as ProfileImportResult;
    expect(result.format).toMatch(/mqttx/i);
    expect(result.imported.length).toBeGreaterThan(0);
    expect(result.notes.some((n) => n.field === 'clientIdWithTime')).toBe(true);
    expect(JSON.stringify(result)).not.toContain('mqttx-pass-7');
  });

  it('refuses an invalid profile with the field', async () => {
    const bad = await h.call('saveProfile', { name: 'x', host: 'mqtt://oops', subscriptions: [{ filter: 'a/#/b' }] });
    expect(bad).toMatchObject({ ok: false });
    expect(bad.ok ? null : bad.error.field).toMatch(/^(host|subscriptions\.0\.filter)$/);
  });
});

describe('live subscriptions with 5.0 options', () => {
  it('Retain Handling 2 does not send the retained message on subscribe; 0 does', async () => {
    await mosquittoPub(['-h', '127.0.0.1', '-p', String(mosquitto.port), '-u', 'ops', '-P', 'pr0file-secret', '-t', 'rh/state', '-m', 'kept', '-r', '-q', '1']);
    const { connectionId } = (await h.ok('connect', {
      url: `mqtt://ops:pr0file-secret@127.0.0.1:${mosquitto.port}`,
      protocolVersion: 5,
      subscriptions: [],
    })) as { connectionId: string };
    await h.waitForStatus(connectionId, 'connected');
    await h.ok('subscribe', { connectionId, filter: 'rh/#', qos: 1, retainHandling: 2 });
    await h.waitForSubscriptions(connectionId);
    await h.ok('subscribe', { connectionId, filter: 'rh/state', qos: 1, retainHandling: 0 });
    const view = await h.waitForHistory(connectionId, 'rh/state', (v) => v.entries.length >= 1);
    await new Promise((r) => setTimeout(r, 300));
    // Only the second subscription brought the retained message.
    expect((await h.summary(connectionId))!.counters.messagesReceived).toBe(1);
    expect(view.entries[0]).toMatchObject({ retain: true, preview: 'kept' });
    await h.ok('removeConnection', { connectionId });
  });
});
