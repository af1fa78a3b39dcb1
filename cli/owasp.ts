// OWASP API Security Top 10 2023 categories as the reports show them, read from rule tags.
import { OWASP } from '../index.js';

/** `API2` from a tag `OWASP API2:2023 Broken Authentication`. */
export function owaspOf(tags: readonly string[]): string | undefined {
  return tags.map(tag => /^OWASP (API\d+):2023\b/.exec(String(tag))?.[1]).find(Boolean);
}

/** The category's full name (`OWASP API2:2023 Broken Authentication`), or undefined. */
export function owaspName(category: string | undefined): string | undefined {
  return category && Object.prototype.hasOwnProperty.call(OWASP, category) ? OWASP[category as keyof typeof OWASP] : undefined;
}
