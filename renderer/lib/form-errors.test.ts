import { describe, expect, it } from 'vitest';
import { errorField, errorMessage, formErrorsFrom } from './form-errors';

class FakeRpcError extends Error {
  constructor(message: string, readonly field: string | null) {
    super(message);
  }
}

describe('formErrorsFrom', () => {
  const fields = ['url', 'subscriptions.0.filter', 'subscriptions.1.filter'];

  it('puts a field error at its field', () => {
    expect(formErrorsFrom(new FakeRpcError('bad host', 'url'), fields)).toEqual({ fields: { url: 'bad host' }, general: null });
    expect(formErrorsFrom(new FakeRpcError('bad filter', 'subscriptions.1.filter'), fields).fields).toEqual({
      'subscriptions.1.filter': 'bad filter',
    });
  });

  it('maps a nested field to the input that owns it', () => {
    expect(formErrorsFrom(new FakeRpcError('too long', 'subscriptions.0.filter.length'), fields).fields).toEqual({
      'subscriptions.0.filter': 'too long',
    });
  });

  it('shows errors about fields the form lacks, or no field, as general', () => {
    expect(formErrorsFrom(new FakeRpcError('nope', 'clientId'), fields)).toEqual({ fields: {}, general: 'nope' });
    expect(formErrorsFrom(new FakeRpcError('down', null), fields)).toEqual({ fields: {}, general: 'down' });
    expect(formErrorsFrom('plain', fields)).toEqual({ fields: {}, general: 'plain' });
  });
});

describe('errorField / errorMessage', () => {
  it('reads plain objects too', () => {
    expect(errorField({ message: 'm', field: 'topic' })).toBe('topic');
    expect(errorField({ message: 'm', field: '' })).toBeNull();
    expect(errorMessage({ message: 'm' })).toBe('m');
  });
});
