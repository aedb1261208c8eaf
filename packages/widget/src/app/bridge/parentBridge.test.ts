import { describe, expect, it } from 'vitest';
import { resolveParentOrigin } from './parentBridge';

describe('resolveParentOrigin', () => {
  it('trusts the requested origin when the browser does not expose the embedder', () => {
    expect(resolveParentOrigin('https://shop.example', undefined)).toBe('https://shop.example');
  });

  it('trusts it when it is the real embedder', () => {
    expect(resolveParentOrigin('https://shop.example', ['https://shop.example'])).toBe(
      'https://shop.example',
    );
  });

  it('refuses a parentOrigin that is not who embeds the iframe', () => {
    expect(resolveParentOrigin('https://shop.example', ['https://evil.example'])).toBeNull();
  });

  it('refuses a missing, opaque or non-http origin', () => {
    expect(resolveParentOrigin(null, undefined)).toBeNull();
    expect(resolveParentOrigin('null', undefined)).toBeNull();
    expect(resolveParentOrigin('*', undefined)).toBeNull();
    expect(resolveParentOrigin('javascript:alert(1)', undefined)).toBeNull();
  });
});
