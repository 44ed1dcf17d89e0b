/** True when logging in failed because of the token (not the network or Discord). */
export function isTokenRejected(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const { code, status } = error as Error & { code?: unknown; status?: unknown };
  return (
    code === 'TokenInvalid' || code === 4004 || status === 401 || error.message === 'Authentication failed'
  );
}

/** One line for a failed login; it never holds the token. */
export function describeLoginError(error: unknown): string {
  if (isTokenRejected(error)) {
    return 'Discord rejected the token: check DISCORD_TOKEN in .env or the environment (Developer Portal → Bot → Reset Token)';
  }
  // The network's own words (ECONNREFUSED, a 5xx) say enough; a stack frame would not help an operator.
  return `could not connect to Discord: ${error instanceof Error ? error.message : String(error)}`;
}
