import { errorMessage, errorStack, errorSummary, toError } from './error-message';

describe('error messages of anything thrown', () => {
  const err = new TypeError('bad input');

  it('reads an Error by its message, name or stack', () => {
    expect(errorMessage(err)).toBe('bad input');
    expect(errorSummary(err)).toBe('TypeError: bad input');
    expect(errorStack(err)).toContain('TypeError: bad input\n    at ');
    expect(toError(err)).toBe(err);
  });

  it('turns a thrown non-Error into text, or wraps it', () => {
    for (const read of [errorMessage, errorSummary, errorStack]) expect(read('plain')).toBe('plain');
    expect(errorMessage(42)).toBe('42');
    const wrapped = toError('plain');
    expect(wrapped).toBeInstanceOf(Error);
    expect(wrapped.message).toBe('plain');
  });

  it('falls back to the message when an Error has no stack', () => {
    const bare = new Error('no stack');
    bare.stack = undefined;
    expect(errorStack(bare)).toBe('no stack');
  });
});
