import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** 256-bit random bearer token; only its hash is stored. */
export const newToken = (): string => randomBytes(32).toString('base64url');
/** Identity verification: the storefront signs the customer id with the site's secret. */
export function userHashFor(secret: string, id: string): string {
  return createHmac('sha256', secret).update(id).digest('hex');
}

export function verifyUserHash(secret: string, id: string, userHash: string): boolean {
  const expected = Buffer.from(userHashFor(secret, id), 'hex');
  const given = Buffer.from(userHash.toLowerCase(), 'hex');
  return expected.length === given.length && timingSafeEqual(expected, given);
}

export const hashToken = (token: string): string =>
  createHash('sha256').update(token).digest('hex');
