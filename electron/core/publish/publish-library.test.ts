import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { PublishMessage } from '../../../shared/publish-contract';
import { historyPayloadLimit, publishHistoryLimit, PublishLibraryStore } from './publish-library';

const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'publish-library-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

const message = (topic: string, payload = 'x'): PublishMessage => ({ topic, payload, format: 'text', qos: 0, retain: false });

describe('PublishLibraryStore', () => {
  it('keeps history newest first, moves a repeated message to the top, and caps its length', () => {
    const store = PublishLibraryStore.open(tempDir());
    store.recordPublish('k', message('a'), 1, 1);
    store.recordPublish('k', message('b'), 1, 2);
    store.recordPublish('k', message('a'), 1, 3);
    expect(store.library('k').history.map((t) => [t.message.topic, t.at])).toEqual([
      ['a', 3],
      ['b', 2],
    ]);
    for (let i = 0; i < publishHistoryLimit + 10; i++) store.recordPublish('k', message(`t/${i}`), 1, 10 + i);
    expect(store.library('k').history).toHaveLength(publishHistoryLimit);
    expect(store.library('other').history).toEqual([]);
  });

  it('lists a payload too large for the history with its size instead of its bytes', () => {
    const store = PublishLibraryStore.open(tempDir());
    store.recordPublish('k', message('big', 'y'.repeat(historyPayloadLimit + 1)), historyPayloadLimit + 1, 1);
    expect(store.library('k').history[0]).toMatchObject({ payloadOmitted: historyPayloadLimit + 1, message: { payload: '' } });
  });

  it('survives a restart, and sets an unreadable file aside with the reason', () => {
    const dir = tempDir();
    const store = PublishLibraryStore.open(dir);
    store.save('k', 'Lamp on', message('lamp', 'on'), 5);
    expect(PublishLibraryStore.open(dir).library('k').saved.map((t) => t.name)).toEqual(['Lamp on']);
    fs.writeFileSync(path.join(dir, 'publish-library.json'), '{"version": 1, "connections": ');
    const reopened = PublishLibraryStore.open(dir);
    expect(reopened.library('k').saved).toEqual([]);
    expect(reopened.problem).toMatch(/was not valid .*; it was moved to .*publish-library\.json\.unreadable-\d+ and an empty library is used\./);
    expect(fs.readdirSync(dir).some((n) => n.startsWith('publish-library.json.unreadable-'))).toBe(true);
  });

  it('replaces a saved message of the same name and refuses unknown names to delete', () => {
    const store = PublishLibraryStore.open(tempDir());
    store.save('k', 'x', message('one'), 1);
    store.save('k', ' x ', message('two'), 2);
    expect(store.library('k').saved.map((t) => t.message.topic)).toEqual(['two']);
    expect(() => store.deleteSaved('k', 'nope')).toThrow('No saved message is called nope.');
  });
});
