// Discord signs every request to the interactions endpoint with the application's Ed25519 key:
// signature = Ed25519(X-Signature-Timestamp + raw body). Checked before the body is parsed at all.
import { createPublicKey, type KeyObject, verify } from 'node:crypto';

/** node:crypto takes a raw Ed25519 key only wrapped as SPKI DER: this fixed header, then the 32 bytes. */
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** A captured request stops being accepted after this long (and one from too far ahead is refused too). */
export const MAX_TIMESTAMP_SKEW_SECONDS = 5 * 60;

/** `hex` is the Developer Portal's Public Key: 64 hex characters (config.ts has checked the form). */
export function publicKeyFromHex(hex: string): KeyObject {
  const raw = Buffer.from(hex, 'hex');
  if (raw.length !== 32) throw new Error('an Ed25519 public key is 32 bytes (64 hex characters)');
  return createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, raw]), format: 'der', type: 'spki' });
}

export type Verdict =
  | { ok: true }
  | { ok: false; reason: 'missing signature' | 'malformed signature' | 'stale timestamp' | 'bad signature' };

/**
 * `signature` and `timestamp` are the header values as received (undefined when absent); `nowSeconds`
 * is passed in so tests can move the clock.
 */
export function verifyRequest(
  key: KeyObject,
  signature: string | undefined,
  timestamp: string | undefined,
  body: Buffer,
  nowSeconds: number,
): Verdict {
  if (signature === undefined || timestamp === undefined) return { ok: false, reason: 'missing signature' };
  // Buffer.from(…, 'hex') silently stops at the first non-hex character: check the form first.
  if (!/^[0-9a-fA-F]{128}$/.test(signature) || !/^\d{1,12}$/.test(timestamp)) {
    return { ok: false, reason: 'malformed signature' };
  }
  if (Math.abs(nowSeconds - Number(timestamp)) > MAX_TIMESTAMP_SKEW_SECONDS) {
    return { ok: false, reason: 'stale timestamp' };
  }
  const signed = Buffer.concat([Buffer.from(timestamp, 'utf8'), body]);
  const valid = verify(null, signed, key, Buffer.from(signature, 'hex'));
  return valid ? { ok: true } : { ok: false, reason: 'bad signature' };
}
