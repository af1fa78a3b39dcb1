import { displayUrl } from '../analysis/index.js';
import { MAX_QUOTED_URL, redactSecrets } from '../core/message.js';

/** A URL for a message: credentials masked, userinfo and query dropped, cut, quoted. */
export function displayUrlShown(value: string): string {
  return `"${displayUrl(redactSecrets(value), MAX_QUOTED_URL)}"`;
}
