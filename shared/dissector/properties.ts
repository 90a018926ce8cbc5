// MQTT 5.0 properties (§2.2.2): a Property Length, then identifier–value pairs. The field is the
// Property Length plus one child per property; each property's children are its identifier and value.
import { DissectError, type Dissection } from './context';
import { binaryField, byteField, fourByteField, rawField, stringField, twoByteField, varintField } from './fields';
import { hexByte } from './format';
import { mayRepeat, propertyDefs, propertyTypeNames, type PropertyDef, type PropertyPlace } from './property-table';
import type { DissectedField } from './types';

/** The values read, by identifier (the last one for repeatable properties; null for invalid UTF-8). */
export type PropertyValues = Map<number, number | string | null>;

/**
 * Reads a properties block. A property that cannot be read (unknown identifier, a value running
 * past the Property Length) stops the block but not the packet: the Property Length says where
 * the block ends, so reading resumes there when those bytes are present.
 */
export function propertiesField(d: Dissection, place: PropertyPlace, name = 'Properties'): PropertyValues {
  const values: PropertyValues = new Map();
  d.group(name, (group) => {
    const length = varintField(d, 'Property Length');
    const end = length.end + length.value;
    let count = 0;
    let recovered = false;
    try {
      d.within(end, `the ${name} end at offset ${end} (Property Length ${length.value})`, () => {
        while (d.pos < d.limit) {
          if (!propertyField(d, place, values)) break;
          count++;
        }
      });
    } catch (e) {
      if (!(e instanceof DissectError) || end > d.limit) throw e;
      d.problem(e.message);
      rawField(d, 'Unread bytes', end, 'the rest of the properties, which could not be read');
      recovered = true;
    }
    group.value = count === 0 && !recovered ? '(none)' : `${count} ${count === 1 ? 'property' : 'properties'}${recovered ? ', then unreadable bytes' : ''}`;
    // The Property Length points past what we may read: say so, and read no further.
    if (end > d.pos) d.need(end - d.pos, name);
  });
  return values;
}

/** Reads one property; false when its identifier is unknown (the rest of the block is then unreadable). */
function propertyField(d: Dissection, place: PropertyPlace, values: PropertyValues): boolean {
  const start = d.pos;
  const id = peekIdentifier(d);
  const def = id < 0x80 ? propertyDefs[id] : undefined;
  if (!def) {
    rawField(d, 'Unknown property', d.limit, `identifier ${hexByte(id)} is not an MQTT 5.0 property; its length is unknown, so the rest of the properties cannot be read`);
    d.problem(`Unknown property identifier ${hexByte(id)} at offset ${start} (malformed packet)`);
    return false;
  }
  d.group(def.name, (prop) => {
    const idField = varintField(d, 'Property Identifier').field;
    idField.value = hexByte(id);
    idField.note = `${def.name}, ${propertyTypeNames[def.type]}`;
    let value: number | string | null;
    try {
      value = readValue(d, def, prop);
    } catch (e) {
      // The value's reader names itself 'Value'; the property's name says more.
      if (e instanceof DissectError) e.message = `${def.name}: ${e.message}`;
      throw e;
    }
    const notes = [`${propertyTypeNames[def.type]}, identifier ${hexByte(id)}`];
    if (typeof value === 'number' && def.meaning) {
      const meaning = def.meaning(value);
      if (meaning.note) notes.push(meaning.note);
      if (meaning.invalid) {
        notes.push(meaning.invalid);
        d.problem(`${def.name} ${meaning.invalid}`);
      }
    }
    if (!def.places.includes(place)) {
      notes.push(`not allowed in ${placeText(place)}`);
      d.problem(`${def.name} is not allowed in ${placeText(place)} (protocol error)`);
    }
    if (values.has(id) && !mayRepeat(id, place)) {
      notes.push('included more than once');
      d.problem(`${def.name} is included more than once in ${placeText(place)} (protocol error)`);
    }
    prop.note = notes.join('; ');
    values.set(id, value);
  });
  return true;
}

function readValue(d: Dissection, def: PropertyDef, prop: DissectedField): number | string | null {
  switch (def.type) {
    case 'byte':
      return show(prop, byteField(d, 'Value'));
    case 'two':
      return show(prop, twoByteField(d, 'Value'));
    case 'four':
      return show(prop, fourByteField(d, 'Value'));
    case 'varint':
      return show(prop, varintField(d, 'Value').value);
    case 'string': {
      const text = stringField(d, 'Value');
      prop.value = lastChild(prop).value;
      return text;
    }
    case 'pair': {
      const key = stringField(d, 'Name');
      const keyShown = lastChild(prop).value;
      const text = stringField(d, 'Value');
      prop.value = `${keyShown} = ${lastChild(prop).value}`;
      return text === null || key === null ? null : `${key}=${text}`;
    }
    case 'binary': {
      const bytes = binaryField(d, 'Value', { hidden: def.hidden });
      prop.value = lastChild(prop).value;
      return bytes.length;
    }
  }
}

function show(prop: DissectedField, v: number): number {
  prop.value = String(v);
  return v;
}

function lastChild(f: DissectedField): DissectedField {
  return f.children![f.children!.length - 1];
}

function placeText(place: PropertyPlace): string {
  return place === 'Will' ? 'the Will Properties' : place;
}

/**
 * The identifier is a Variable Byte Integer, but every defined one fits in a byte below 0x80,
 * so a first byte with the continuation bit is unknown whatever follows.
 */
function peekIdentifier(d: Dissection): number {
  d.need(1, 'Property Identifier');
  return d.bytes[d.pos];
}
