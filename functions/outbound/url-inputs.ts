import { urlInputs, urlRestriction, type UrlInput, type UrlRole } from '../analysis/index.js';
import { defaultLists } from '../core/defaults.js';
import { quote } from '../core/message.js';
import { analysisFunction, describe, objectOptions, stringList, type Finding } from '../core/rule-function.js';

export interface UrlInputsOptions {
  /** Which inputs the rule judges: URLs the server fetches (SSRF) or redirect targets (open redirect). */
  role: UrlRole;
  outboundUrlNames: string[];
  redirectTargetNames: string[];
}

function where(input: UrlInput): string {
  const at = input.operation ? ` of ${describe(input.operation)}` : '';
  return input.kind === 'property' ? `Request property ${quote(input.name)}` : `${input.kind === 'formdata' ? 'Form' : input.kind[0].toUpperCase() + input.kind.slice(1)} parameter ${quote(input.name)}${at}`;
}

function message(input: UrlInput): string {
  if (input.role === 'redirect') {
    return `${where(input)} is ${input.reason} and accepts any URL, so whoever sets it can make a flow on this API's domain end at any site (open redirect, phishing): accept only same-site paths (an anchored \`pattern\` such as \`^/(?!/)\`), an \`enum\` of destinations, or URLs on hosts the account has verified, and document the allow-list (\`x-allowed-hosts\`).`;
  }
  return `${where(input)} is ${input.reason} and may point anywhere, so a caller can make the server request internal addresses or cloud metadata (SSRF): pin it with an \`enum\`, an anchored \`pattern\` on the allowed host (\`^https://hooks\\.example\\.com/\`), or document the allow-list the server enforces (\`x-allowed-hosts\`); for destinations callers choose freely (webhooks), say in its description that the server refuses private, loopback and link-local addresses.`;
}

/**
 * Request inputs that carry a URL the server fetches (`role: fetched`, OWASP API7 SSRF) or sends
 * the user's browser to (`role: redirect`, open redirect), with nothing that limits where it
 * points: no `enum`/`const`, no pattern pinned to a host, no allow-list extension or description.
 */
export const urlInputsUnrestricted = analysisFunction<UrlInputsOptions>(
  'urlInputsUnrestricted',
  objectOptions({
    role: { type: 'string', enum: ['fetched', 'redirect'] },
    outboundUrlNames: stringList('Words that make a URL input one the server fetches (callback, webhook, image, import…).'),
    redirectTargetNames: stringList('Names of redirect targets (redirect, return_to, success_url…).'),
  }),
  { role: 'fetched', ...defaultLists('outboundUrlNames', 'redirectTargetNames') },
  function* ({ analysis, options }): Iterable<Finding> {
    for (const input of urlInputs(analysis, options)) {
      if (input.role !== options.role || urlRestriction(input)) continue;
      yield { message: message(input), path: input.path, operation: input.operation, uses: input.uses };
    }
  },
);
