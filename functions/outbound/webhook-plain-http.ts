import { allowedHostCheck, CALLBACK_WORDS, displayUrl, isObject, shownValues, urlInputs, urlSchemeAndHost, type JsonPath, type UrlInput } from '../analysis/index.js';
import { defaultLists } from '../core/defaults.js';
import { MAX_QUOTED_URL, quote, redactSecrets } from '../core/message.js';
import { analysisFunction, objectOptions, stringList, type Finding } from '../core/rule-function.js';

export interface WebhookPlainHttpOptions {
  outboundUrlNames: string[];
  redirectTargetNames: string[];
  transportAllowedHosts: string[];
}

const KEYWORD: Record<string, string> = { example: 'example', 'x-example': 'example', examples: 'example', default: 'default', const: 'value', enum: 'allowed value' };

/** The input receives the API's own requests: its name, or the operation or schema it is sent to, says callback, webhook or notification. */
function isCallbackUrl(input: UrlInput): boolean {
  return input.contextWords.some(word => CALLBACK_WORDS.has(word));
}

/** The places an input shows a value: its own keywords where it is written, then its schema's members. */
function shownWithPaths(input: UrlInput): Array<{ value: string; keyword: string; path: JsonPath }> {
  const nodes = [{ node: input.declared, path: input.path }, ...input.members];
  const out = shownValues(nodes, {}).filter(v => v.path !== undefined) as Array<{ value: string; keyword: string; path: JsonPath }>;
  // A 3.x parameter's `examples` map of Example Objects.
  if (isObject(input.declared.examples) && !Array.isArray(input.declared.examples)) {
    for (const [name, example] of Object.entries(input.declared.examples)) {
      if (isObject(example) && typeof example.value === 'string') out.push({ value: example.value, keyword: 'example', path: [...input.path, 'examples', name, 'value'] });
    }
  }
  return out;
}

/**
 * Callback and webhook URL inputs whose example, default or allowed values are plain `http://`
 * URLs to a host that is not loopback (nor in `transportAllowedHosts`): the API would send its
 * callbacks, and the data in them, unencrypted (OWASP API10). Literal callback URLs and webhook
 * keys are `transport-plain-http`'s.
 */
export const webhookPlainHttp = analysisFunction<WebhookPlainHttpOptions>(
  'webhookPlainHttp',
  objectOptions({
    outboundUrlNames: stringList('Words that make a URL input one the server fetches (callback, webhook, image, import…).'),
    redirectTargetNames: stringList('Names of redirect targets (redirect, return_to, success_url…).'),
    transportAllowedHosts: stringList('Hosts besides loopback that may be reached over plain http.'),
  }),
  defaultLists('outboundUrlNames', 'redirectTargetNames', 'transportAllowedHosts'),
  function* ({ analysis, options }): Iterable<Finding> {
    const allowed = allowedHostCheck(options.transportAllowedHosts);
    for (const input of urlInputs(analysis, options)) {
      if (input.role !== 'fetched' || !isCallbackUrl(input)) continue;
      for (const shown of shownWithPaths(input)) {
        const parsed = urlSchemeAndHost(shown.value);
        if (!parsed || parsed.scheme !== 'http' || allowed(parsed.host)) continue;
        const what = input.kind === 'property' ? 'callback URL property' : 'callback URL parameter';
        yield {
          message: `The ${KEYWORD[shown.keyword] ?? 'example'} of ${what} ${quote(input.name)} is the plain http:// URL "${displayUrl(redactSecrets(shown.value), MAX_QUOTED_URL)}", so clients will register receivers the API calls unencrypted, exposing the events and any signature secret: show and accept https:// URLs only (\`pattern: ^https://\`).`,
          path: shown.path,
          operation: input.operation,
          uses: input.uses,
        };
        break;
      }
    }
  },
);
