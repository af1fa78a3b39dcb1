import {
  allowedHostCheck,
  CALLBACK_WORDS,
  displayUrl,
  isObject,
  requestBodyExamples,
  shownValues,
  urlInputs,
  urlSchemeAndHost,
  walkExample,
  type JsonObject,
  type JsonPath,
  type UrlInput,
} from '../analysis/index.js';
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
    const plainHttp = (value: unknown) => {
      const parsed = typeof value === 'string' ? urlSchemeAndHost(value) : undefined;
      return parsed !== undefined && parsed.scheme === 'http' && !allowed(parsed.host);
    };
    const message = (input: UrlInput, shown: string, value: string) => {
      const what = input.kind === 'property' ? 'callback URL property' : 'callback URL parameter';
      return `The ${shown} of ${what} ${quote(input.name)} is the plain http:// URL "${displayUrl(redactSecrets(value), MAX_QUOTED_URL)}", so clients will register receivers the API calls unencrypted, exposing the events and any signature secret: show and accept https:// URLs only (\`pattern: ^https://\`).`;
    };
    const callbackProperties = new Map<JsonObject, UrlInput>();
    for (const input of urlInputs(analysis, options)) {
      if (input.role !== 'fetched' || !isCallbackUrl(input)) continue;
      const shown = shownWithPaths(input).find(candidate => plainHttp(candidate.value));
      if (shown) {
        yield { message: message(input, KEYWORD[shown.keyword] ?? 'example', shown.value), path: shown.path, operation: input.operation, uses: input.uses };
      } else if (input.kind === 'property') {
        callbackProperties.set(input.declared, input);
      }
    }
    // The same inputs as a request body's example shows them (`config.url` of a hook's example),
    // once per input and operation.
    if (callbackProperties.size === 0) return;
    for (const operation of analysis.operations) {
      if (operation.container !== 'paths') continue;
      const reported = new Set<UrlInput>();
      for (const example of requestBodyExamples(analysis, operation)) {
        const found: Array<{ input: UrlInput; value: string; path: JsonPath }> = [];
        walkExample(analysis.root, example, example.schema, (declared, value, path) => {
          const input = callbackProperties.get(declared.node);
          if (input && !reported.has(input) && plainHttp(value)) {
            reported.add(input);
            found.push({ input, value: value as string, path });
          }
        });
        for (const { input, value, path } of found) yield { message: message(input, 'request example', value), path, operation };
      }
    }
  },
);
