import { describe, expect, it } from 'vitest';
import { eventNames, requestNames } from '../../shared/contract';
import { PRELOAD_EVENT_NAMES, PRELOAD_REQUEST_NAMES } from './contract-names';

describe('the preload name lists', () => {
  it('match the contract exactly', () => {
    expect([...PRELOAD_REQUEST_NAMES].sort()).toEqual([...requestNames].sort());
    expect([...PRELOAD_EVENT_NAMES].sort()).toEqual([...eventNames].sort());
  });
});
