import { sameSecret } from './tokens';

/** Shortest service secret accepted: a guessable one would let anyone act for every owner. */
export const MIN_SERVICE_TOKEN_LENGTH = 32;

/**
 * The credentials tiers call each other with. Several are valid at once so they can be rotated without downtime:
 * put the new one first everywhere (it is the one sent), then drop the old one once every tier sends the new one.
 */
export class ServiceCredentials {
  private readonly tokens: readonly string[];

  constructor(tokens: readonly string[]) {
    const short = tokens.find((token) => token.length < MIN_SERVICE_TOKEN_LENGTH);
    if (short !== undefined)
      throw new Error(`service tokens must be at least ${MIN_SERVICE_TOKEN_LENGTH} characters`);
    this.tokens = [...tokens];
  }

  /** `SERVICE_TOKENS`: comma-separated, the first is sent, all are accepted. */
  static fromList(list: string | undefined): ServiceCredentials {
    const tokens = (list ?? '')
      .split(',')
      .map((token) => token.trim())
      .filter((token) => token !== '');
    return new ServiceCredentials(tokens);
  }

  /** The credential this tier sends; undefined when none is configured. */
  get outgoing(): string | undefined {
    return this.tokens[0];
  }

  /** Compares against every token, without stopping at the first match, so timing says nothing about which. */
  accepts(presented: string): boolean {
    let match = false;
    for (const token of this.tokens) match = sameSecret(presented, token) || match;
    return match;
  }
}
