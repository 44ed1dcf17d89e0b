import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What an operator can fix when the port cannot be opened, in one line. */
export class ListenError extends Error {
  override name = 'ListenError';
}

const HINTS: Readonly<Record<string, string>> = {
  EADDRINUSE: 'the port is in use: stop what holds it or set PORT to a free one',
  EACCES: 'not allowed to use this port: ports below 1024 need privileges, set PORT to 1024 or above',
  EADDRNOTAVAIL: 'this machine has no such address: set HOST to one of its addresses, or 0.0.0.0',
  ENOTFOUND: 'HOST does not resolve to an address of this machine',
};

/** Resolves with the address actually bound (PORT=0 picks a free port). */
export function listen(server: Server, host: string, port: number): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      const hint = (error.code && HINTS[error.code]) ?? error.message;
      reject(new ListenError(`could not listen on ${host}:${port}: ${hint}`));
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve(server.address() as AddressInfo);
    });
  });
}

/** http://127.0.0.1:8080/interactions, with IPv6 addresses in brackets. */
export function endpointUrl(address: AddressInfo, path: string): string {
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}${path}`;
}
