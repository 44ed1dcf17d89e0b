import { DiscordAPIError, HTTPError, RateLimitError } from 'discord.js';

/** What an operator can check when Discord cannot be reached at all. */
export const CHECK_NETWORK =
  'check that this host can open outbound HTTPS and WSS connections to discord.com (network, DNS, proxy, firewall)';

/** True when logging in failed because of the token (not the network or Discord). */
export function isTokenRejected(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const { code, status } = error as Error & { code?: unknown; status?: unknown };
  return (
    code === 'TokenInvalid' || code === 4004 || status === 401 || error.message === 'Authentication failed'
  );
}

/** True when Discord answered (with an error status); false when no answer came: DNS, refused, timeout. */
export function isDiscordAnswer(error: unknown): boolean {
  return error instanceof DiscordAPIError || error instanceof HTTPError || error instanceof RateLimitError;
}

/** The network's own words: "fetch failed" says nothing, its cause ("getaddrinfo ENOTFOUND …") does. */
function networkCause(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? error.cause.message : undefined;
  return cause && error.message === 'fetch failed' ? cause : error.message;
}

/** One line for a failed login; it never holds the token. */
export function describeLoginError(error: unknown): string {
  if (isTokenRejected(error)) {
    return 'Discord rejected the token: check DISCORD_TOKEN in .env or the environment (Developer Portal → Bot → Reset Token)';
  }
  // Discord's own error (a 5xx) says enough; a stack frame would not help an operator.
  if (isDiscordAnswer(error)) return `could not connect to Discord: ${networkCause(error)}`;
  return `could not reach Discord: ${networkCause(error)}; ${CHECK_NETWORK}`;
}
