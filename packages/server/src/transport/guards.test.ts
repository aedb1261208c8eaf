import { describe, expect, it } from 'vitest';
import { originAllowed, type OriginPolicy } from './guards';
import { createConnectionCounter } from './rateLimit';

const customerOpen: OriginPolicy = { allowed: () => [], anyWhenEmpty: true };
const customerListed: OriginPolicy = {
  allowed: () => ['https://shop.example', 'https://www.shop.example:8443/'],
  anyWhenEmpty: true,
};
const agentOwn: OriginPolicy = { allowed: () => [], anyWhenEmpty: false };
const agentBehindProxy: OriginPolicy = {
  allowed: () => ['https://console.example'],
  anyWhenEmpty: false,
  publicOrigin: 'https://chat.example',
};
const HOST = 'baton.local:3000';

describe('originAllowed', () => {
  it.each([
    ['no Origin header (non-browser client)', undefined, HOST, agentOwn, true],
    [
      '/customer with no allowedOrigins: any origin',
      'https://anyone.example',
      HOST,
      customerOpen,
      true,
    ],
    ['/customer: a listed origin', 'https://shop.example', HOST, customerListed, true],
    [
      '/customer: listed with a port and a trailing slash',
      'https://www.shop.example:8443',
      HOST,
      customerListed,
      true,
    ],
    [
      '/customer: Baton itself (the widget iframe)',
      'http://baton.local:3000',
      HOST,
      customerListed,
      true,
    ],
    ['/customer: an unlisted origin', 'https://evil.example', HOST, customerListed, false],
    ['/customer: same host, other port', 'https://shop.example:444', HOST, customerListed, false],
    ['/customer: "null" (sandboxed frame)', 'null', HOST, customerListed, false],
    ['/agent: the console on Baton itself', 'http://BATON.local:3000', HOST, agentOwn, true],
    ['/agent: any other site', 'https://shop.example', HOST, agentOwn, false],
    [
      '/agent: configured agent origin',
      'https://console.example',
      'backend:3000',
      agentBehindProxy,
      true,
    ],
    [
      '/agent: public origin behind a proxy',
      'https://chat.example',
      'backend:3000',
      agentBehindProxy,
      true,
    ],
    [
      '/agent: proxy host but other site',
      'https://evil.example',
      'backend:3000',
      agentBehindProxy,
      false,
    ],
    ['/agent: no Host header', 'https://evil.example', undefined, agentOwn, false],
  ] as const)('%s', (_name, origin, host, policy, expected) => {
    expect(originAllowed(origin, host, policy)).toBe(expected);
  });
});

describe('connection counter', () => {
  it('holds each IP to its cap and frees slots on remove', () => {
    const counter = createConnectionCounter(2);
    counter.add('1.1.1.1');
    expect(counter.hasRoom('1.1.1.1')).toBe(true);
    counter.add('1.1.1.1');
    expect(counter.hasRoom('1.1.1.1')).toBe(false);
    expect(counter.hasRoom('2.2.2.2')).toBe(true);
    counter.remove('1.1.1.1');
    expect(counter.hasRoom('1.1.1.1')).toBe(true);
  });
});
