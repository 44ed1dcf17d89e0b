// The Ed25519 check on its own: the key built from the Developer Portal's hex form against RFC 8032's
// published test vector (so it is not only checked against keys made the same way), and the edges of
// the 5-minute timestamp window.
import { verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MAX_TIMESTAMP_SKEW_SECONDS, publicKeyFromHex, verifyRequest } from '../src/http/verify';
import { Signer } from './support/signing';

describe('Ed25519 verification', () => {
  it('builds the key from 64 hex characters: RFC 8032 test 2 verifies, a changed byte does not', () => {
    const key = publicKeyFromHex('3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c');
    const signature = Buffer.from(
      '92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00',
      'hex',
    );
    expect(verify(null, Buffer.from('72', 'hex'), key, signature)).toBe(true);
    expect(verify(null, Buffer.from('73', 'hex'), key, signature)).toBe(false);
    expect(() => publicKeyFromHex('ab'.repeat(31))).toThrow(/32 bytes/);
  });

  it('accepts a timestamp up to 5 minutes away, and refuses one a second further', () => {
    const signer = new Signer();
    const key = publicKeyFromHex(signer.publicKeyHex);
    const body = Buffer.from('{"type":1}');
    const now = 1_700_000_000;
    const at = (seconds: number) => {
      const timestamp = String(seconds);
      return verifyRequest(key, signer.sign(timestamp, body), timestamp, body, now);
    };
    expect(at(now)).toEqual({ ok: true });
    expect(at(now - MAX_TIMESTAMP_SKEW_SECONDS)).toEqual({ ok: true });
    expect(at(now - MAX_TIMESTAMP_SKEW_SECONDS - 1)).toEqual({ ok: false, reason: 'stale timestamp' });
    expect(at(now + MAX_TIMESTAMP_SKEW_SECONDS + 1)).toEqual({ ok: false, reason: 'stale timestamp' });
  });

  it('tells missing, malformed and wrong signatures apart (for the log line)', () => {
    const signer = new Signer();
    const key = publicKeyFromHex(signer.publicKeyHex);
    const body = Buffer.from('{"type":1}');
    const ts = '1700000000';
    const good = signer.sign(ts, body);
    const now = 1_700_000_000;
    expect(verifyRequest(key, undefined, ts, body, now)).toMatchObject({ reason: 'missing signature' });
    expect(verifyRequest(key, good.slice(2), ts, body, now)).toMatchObject({ reason: 'malformed signature' });
    expect(verifyRequest(key, `${good.slice(0, -1)}g`, ts, body, now)).toMatchObject({
      reason: 'malformed signature',
    });
    expect(verifyRequest(key, good, '1700000000.5', body, now)).toMatchObject({
      reason: 'malformed signature',
    });
    expect(verifyRequest(key, new Signer().sign(ts, body), ts, body, now)).toMatchObject({
      reason: 'bad signature',
    });
    expect(verifyRequest(key, good, ts, Buffer.from('{"type":2}'), now)).toMatchObject({
      reason: 'bad signature',
    });
  });
});
