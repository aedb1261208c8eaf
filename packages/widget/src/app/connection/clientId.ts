/**
 * Client-generated ids make retries idempotent. 32 hex characters from getRandomValues, which
 * (unlike crypto.randomUUID) also exists on plain-http origins; matches /^[A-Za-z0-9_-]{8,64}$/.
 */
export function newClientId(cryptoImpl: Pick<Crypto, 'getRandomValues'> = crypto): string {
  const bytes = cryptoImpl.getRandomValues(new Uint8Array(16));
  let id = '';
  for (const byte of bytes) id += byte.toString(16).padStart(2, '0');
  return id;
}
