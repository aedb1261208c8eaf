import { describe, expect, it } from 'vitest';
import {
  acceptEnvelope,
  envelope,
  FRAME_EVENTS,
  isEnvelope,
  LOADER_COMMANDS,
  toOrigin,
} from './envelope';

const parent = { name: 'parent window' };
const other = { name: 'some other frame' };

describe('isEnvelope', () => {
  it('accepts a namespaced envelope of a known type', () => {
    expect(isEnvelope(envelope('open', undefined), LOADER_COMMANDS)).toBe(true);
    expect(isEnvelope({ baton: 1, type: 'setContext', payload: {} }, LOADER_COMMANDS)).toBe(true);
  });

  it.each([
    null,
    undefined,
    'open',
    42,
    [],
    { type: 'open' },
    { baton: 2, type: 'open' },
    { baton: '1', type: 'open' },
    { baton: 1, type: 'hack' },
    { baton: 1, type: 7 },
    { baton: 1, type: 'ready' }, // an iframe event is not a loader command
  ])('rejects %j', (data) => {
    expect(isEnvelope(data, LOADER_COMMANDS)).toBe(false);
  });
});

describe('acceptEnvelope', () => {
  const good = {
    origin: 'https://shop.example',
    source: parent,
    data: envelope('close', undefined),
  };

  it('returns type and payload for the expected origin and window', () => {
    expect(acceptEnvelope(good, 'https://shop.example', parent, LOADER_COMMANDS)).toEqual({
      type: 'close',
      payload: undefined,
    });
    const msg = { ...good, data: envelope('identify', { id: 'c1' }) };
    expect(acceptEnvelope(msg, 'https://shop.example', parent, LOADER_COMMANDS)?.payload).toEqual({
      id: 'c1',
    });
  });

  it('rejects another origin, even a look-alike', () => {
    for (const origin of [
      'https://evil.example',
      'https://shop.example.evil',
      'http://shop.example',
    ]) {
      expect(
        acceptEnvelope({ ...good, origin }, 'https://shop.example', parent, LOADER_COMMANDS),
      ).toBeNull();
    }
  });

  it('rejects the right origin from the wrong window', () => {
    expect(
      acceptEnvelope({ ...good, source: other }, 'https://shop.example', parent, LOADER_COMMANDS),
    ).toBeNull();
    expect(
      acceptEnvelope({ ...good, source: null }, 'https://shop.example', null, LOADER_COMMANDS),
    ).toBeNull();
  });

  it('accepts nothing without a usable expected origin', () => {
    expect(acceptEnvelope(good, null, parent, LOADER_COMMANDS)).toBeNull();
    expect(acceptEnvelope({ ...good, origin: 'null' }, 'null', parent, LOADER_COMMANDS)).toBeNull();
  });

  it('rejects a foreign message shape', () => {
    const msg = { ...good, data: { type: 'open' } };
    expect(acceptEnvelope(msg, 'https://shop.example', parent, LOADER_COMMANDS)).toBeNull();
    const event = { ...good, data: envelope('queue', null) };
    expect(acceptEnvelope(event, 'https://shop.example', parent, FRAME_EVENTS)?.type).toBe('queue');
  });
});

describe('toOrigin', () => {
  it('reduces a script URL to its origin', () => {
    expect(toOrigin('https://baton.example:8443/widget.js?v=3')).toBe('https://baton.example:8443');
    expect(toOrigin('http://localhost:3000')).toBe('http://localhost:3000');
  });

  it.each([
    null,
    undefined,
    '',
    'not a url',
    'javascript:alert(1)',
    'file:///etc/passwd',
    'data:,x',
  ])('returns null for %j', (value) => {
    expect(toOrigin(value)).toBeNull();
  });
});
