/**
 * Ed25519 as Discord signs requests to an interactions endpoint: a key pair made in the test, the
 * public key in the Developer Portal's form (64 hex characters), signatures over timestamp + body.
 */
import { generateKeyPairSync, type KeyObject, sign } from 'node:crypto';

export class Signer {
  readonly publicKeyHex: string;
  private readonly privateKey: KeyObject;

  constructor() {
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    // The SPKI DER form is a fixed 12-byte header followed by the raw 32-byte key.
    this.publicKeyHex = publicKey.export({ format: 'der', type: 'spki' }).subarray(12).toString('hex');
    this.privateKey = privateKey;
  }

  sign(timestamp: string, body: string | Buffer): string {
    return sign(null, Buffer.concat([Buffer.from(timestamp), Buffer.from(body)]), this.privateKey).toString(
      'hex',
    );
  }

  /** The two headers Discord sends, for `body` signed now (or at `timestamp`, Unix seconds). */
  headers(body: string | Buffer, timestamp = String(Math.floor(Date.now() / 1000))): Record<string, string> {
    return { 'x-signature-ed25519': this.sign(timestamp, body), 'x-signature-timestamp': timestamp };
  }
}
