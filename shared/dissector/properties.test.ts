import { describe, expect, it } from 'vitest';
import { Dissection } from './context';
import { propertiesField } from './properties';
import { propertyDefs, propertyTypeNames, type PropertyPlace, type PropertyType } from './property-table';
import type { DissectedField } from './types';

// One sample encoding per data type, and how the dissector must show it.
const samples: Record<PropertyType, { bytes: number[]; shown: string }> = {
  byte: { bytes: [1], shown: '1' },
  two: { bytes: [0x01, 0x02], shown: '258' },
  four: { bytes: [0x00, 0x01, 0x00, 0x00], shown: '65536' },
  varint: { bytes: [0xc8, 0x01], shown: '200' },
  string: { bytes: [0, 2, 0x68, 0x69], shown: '"hi"' },
  pair: { bytes: [0, 1, 0x6b, 0, 1, 0x76], shown: '"k" = "v"' },
  binary: { bytes: [0, 2, 0xab, 0xcd], shown: 'ab cd' },
};

/** Dissects a properties block (Property Length prepended) as it would appear in `place`. */
function dissect(body: number[], place: PropertyPlace, lengthOverride?: number) {
  const d = new Dissection(new Uint8Array([lengthOverride ?? body.length, ...body]), 5);
  let thrown: unknown = null;
  try {
    propertiesField(d, place);
  } catch (e) {
    thrown = e;
  }
  const field = d.root[0];
  return { field, props: (field?.children ?? []).slice(1), problems: d.problems, thrown };
}

describe('MQTT 5.0 properties', () => {
  it('knows every property identifier of §2.2.2.2', () => {
    expect(Object.keys(propertyDefs).map(Number)).toEqual([
      0x01, 0x02, 0x03, 0x08, 0x09, 0x0b, 0x11, 0x12, 0x13, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1a, 0x1c, 0x1f, 0x21, 0x22, 0x23, 0x24,
      0x25, 0x26, 0x27, 0x28, 0x29, 0x2a,
    ]);
  });

  for (const [idText, def] of Object.entries(propertyDefs)) {
    const id = Number(idText);
    it(`reads ${def.name} (0x${id.toString(16).padStart(2, '0')}, ${propertyTypeNames[def.type]})`, () => {
      const sample = samples[def.type];
      const { field, props, problems } = dissect([id, ...sample.bytes], def.places[0]);
      expect(problems).toEqual([]);
      expect(field).toMatchObject({ name: 'Properties', start: 0, end: 2 + sample.bytes.length, value: '1 property' });
      expect(field.children![0]).toMatchObject({ name: 'Property Length', value: String(1 + sample.bytes.length) });
      const [prop] = props;
      expect(prop.name).toBe(def.name);
      expect(prop.value).toBe(def.hidden ? '(2 bytes, hidden)' : sample.shown);
      expect(prop.note).toContain(`${propertyTypeNames[def.type]}, identifier 0x${id.toString(16).padStart(2, '0').toUpperCase()}`);
      expect(prop.children![0]).toMatchObject({ name: 'Property Identifier', start: 1, end: 2 });
      expect(prop.children!.map((c: DissectedField) => c.name)).toEqual(def.type === 'pair' ? ['Property Identifier', 'Name', 'Value'] : ['Property Identifier', 'Value']);
    });
  }

  it('stops at an unknown identifier and reports it', () => {
    for (let id = 0; id < 0x80; id++) {
      if (propertyDefs[id]) continue;
      const { props, problems, thrown } = dissect([0x23, 0, 1, id, 1, 2], 'PUBLISH');
      expect(thrown).toBeNull();
      expect(props.map((p) => p.name)).toEqual(['Topic Alias', 'Unknown property']);
      expect(props[1]).toMatchObject({ start: 4, end: 7 });
      expect(problems).toEqual([`Unknown property identifier 0x${id.toString(16).padStart(2, '0').toUpperCase()} at offset 4 (malformed packet)`]);
    }
  });

  it('reports properties out of place, repeated, or with values the protocol forbids', () => {
    expect(dissect([0x12, 0, 1, 0x61], 'PUBLISH').problems).toEqual(['Assigned Client Identifier is not allowed in PUBLISH (protocol error)']);
    expect(dissect([0x18, 0, 0, 0, 1], 'CONNECT').problems).toEqual(['Will Delay Interval is not allowed in CONNECT (protocol error)']);
    expect(dissect([0x21, 0, 1, 0x21, 0, 2], 'CONNECT').problems).toEqual(['Receive Maximum is included more than once in CONNECT (protocol error)']);
    expect(dissect([0x0b, 1, 0x0b, 2], 'PUBLISH').problems).toEqual([]);
    expect(dissect([0x0b, 1, 0x0b, 2], 'SUBSCRIBE').problems).toEqual(['Subscription Identifier is included more than once in SUBSCRIBE (protocol error)']);
    expect(dissect([0x21, 0, 0], 'CONNECT').problems).toEqual(['Receive Maximum must not be 0 (protocol error)']);
    expect(dissect([0x24, 2], 'CONNACK').problems).toEqual(['Maximum QoS must be 0 or 1 (protocol error)']);
    expect(dissect([0x23, 0, 0], 'PUBLISH').problems).toEqual(['Topic Alias must not be 0 (protocol error)']);
  });

  it('resumes after the Property Length when a value runs past it', () => {
    const { field, props, problems, thrown } = dissect([0x1f, 0, 9, 0x61], 'PUBACK');
    expect(thrown).toBeNull();
    expect(problems).toEqual(['Reason String: Value needs 11 bytes at offset 2, but the Properties end at offset 5 (Property Length 4)']);
    expect(props.map((p) => [p.name, p.start, p.end])).toEqual([['Reason String', 1, 2], ['Unread bytes', 2, 5]]);
    expect(field.value).toBe('0 properties, then unreadable bytes');
  });

  it('does not read past the bytes when the Property Length points beyond them', () => {
    const { field, thrown } = dissect([0x23, 0, 1], 'PUBLISH', 10);
    expect(String(thrown)).toMatch(/Properties needs 7 bytes at offset 4/);
    expect(field).toMatchObject({ start: 0, end: 4 });
  });

  it('shows an empty block as (none)', () => {
    expect(dissect([], 'AUTH').field).toMatchObject({ value: '(none)', start: 0, end: 1 });
  });
});
