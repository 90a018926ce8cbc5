import { describe, expect, it } from 'vitest';
import { connackCodeText, reasonCodeText, subackCodeText } from './reason-codes';

describe('reason codes in words', () => {
  it('reads CONNACK codes per protocol version', () => {
    expect(connackCodeText(5, 4)).toBe('Connection refused: not authorised (0x05)');
    expect(connackCodeText(0x87, 5)).toBe('Not authorized (0x87)');
    expect(connackCodeText(9, 4)).toBe('Unknown code (0x09)');
  });
  it('reads SUBACK codes', () => {
    expect(subackCodeText(1, 4)).toBe('Granted QoS 1');
    expect(subackCodeText(0x80, 4)).toBe('Failure (0x80)');
    expect(subackCodeText(0x8f, 5)).toBe('Topic Filter invalid (0x8F)');
    expect(reasonCodeText(0x93)).toBe('Receive Maximum exceeded (0x93)');
  });
});
