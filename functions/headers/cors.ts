import { headerValueTexts, responseHeaders, type Analysis, type DeclaredHeader, type Response } from '../analysis/index.js';
import { analysisFunction, objectOptions, type Finding } from '../core/rule-function.js';
import { operationsAt } from '../core/targets.js';

/**
 * Values of Access-Control-Allow-Origin that admit any site: `*`, and `null`, which any page can
 * send from a sandboxed iframe or a `data:` URL (the Fetch standard's opaque origin).
 */
const ANY_ORIGIN: ReadonlySet<string> = new Set(['*', 'null']);

/** Words saying a value is sent back as received ("echoes", "the value of the Origin header"). */
const ECHO_VERB = /\b(?:echo(?:e[sd])?|reflect(?:s|ed)?|mirror(?:s|ed)?|cop(?:y|ies|ied)|repeat(?:s|ed)?|value of|same as|whatever)\b/i;
const ORIGIN_WORD = /\borigin\b/i;
/** The request's Origin named outright, or as a runtime expression (`$request.header.Origin`). Run on text with single spaces. */
const REQUEST_ORIGIN = /\b(?:request(?:['’`]s|ing)?|caller['’`]?s|client['’`]?s) origin\b|\borigin (?:header )?(?:of|from|sent by|sent with|in) the (?:request|caller|client|browser|calling (?:page|site|app|application|client))\b|\$request\.header\.origin/i;

/** Prose saying the header echoes whatever Origin the request sent: an echo verb and "origin" in one sentence, or the request's Origin named. */
function saysReflected(text: string): boolean {
  const spaced = text.slice(0, 4096).replace(/\s+/g, ' ');
  return REQUEST_ORIGIN.test(spaced) || spaced.split('.').some(sentence => ECHO_VERB.test(sentence) && ORIGIN_WORD.test(sentence));
}

/** Prose that limits which origins are echoed: then only listed sites get credentialed access. */
const RESTRICTED = /\b(?:allow[- ]?list(?:ed)?|white[- ]?list(?:ed)?|allowed|trusted|registered|configured|permitted|approved|known|whitelisted|specific|one of|if it matches|when it matches|if (?:the origin|it) is|when (?:the origin|it) is|validated|verified|matching)\b/i;
/**
 * A negation in the same clause turns an allow-list word into its absence ("no allow-list is applied",
 * "not checked against a list of trusted origins"). Clauses are split on conjunctions too, so that
 * "echoed if it is allowed, and no header is sent otherwise" keeps its restricting first half.
 */
const NEGATION = /\b(?:no|not|never|without|nor|none)\b|n['’]t\b/i;
/**
 * Every origin admitted ("All origins are allowed", "allowed for any origin") is no allow-list either;
 * "any origin on the allow-list", "all origins that are registered" still name a list.
 */
const EVERY_ORIGIN = /\b(?:all|any|every|arbitrary)(?: other)? (?:origins?|sites?|websites?|domains?)\b(?! (?:on|in|that|which|listed|matching|from|registered|configured)\b)/i;
const CLAUSE_BREAK = /[.;,:()!?]|\b(?:and|but|or|otherwise|else|while|whereas|unless)\b/i;

/** Some clause of the description limits the echo to listed origins, neither negated nor extended to every origin. */
function saysRestricted(description: string): boolean {
  const spaced = description.slice(0, 4096).replace(/\s+/g, ' ');
  return spaced.split(CLAUSE_BREAK).some(clause => RESTRICTED.test(clause) && !NEGATION.test(clause) && !EVERY_ORIGIN.test(clause));
}

/**
 * An echo of any Origin: said in prose (or a runtime expression), with no word of an allow-list and
 * no `enum`/`const` that limits the header to listed origins.
 */
function reflectsAnyOrigin(header: DeclaredHeader): boolean {
  if (header.allowed.length > 0) return false;
  const texts = [header.description, ...header.values.filter((v): v is string => typeof v === 'string')];
  return texts.some(saysReflected) && !saysRestricted(header.description);
}

/** `Access-Control-Allow-Credentials: true` among the declared values (its only valid value; a header declared without one is not judged). */
function allowsCredentials(header: DeclaredHeader | undefined): boolean {
  return header !== undefined && headerValueTexts(header).includes('true');
}

interface Misconfiguration {
  origin: DeclaredHeader;
  /** The any-origin value declared (`*`, `null`), or undefined when the header echoes the Origin. */
  value?: string;
}

/** One response's CORS declaration, judged on that response alone (its two headers go out together). */
function misconfiguration(analysis: Analysis, response: Response): Misconfiguration | undefined {
  const headers = responseHeaders(analysis.root, response);
  const origin = headers.get('access-control-allow-origin');
  if (!origin || !allowsCredentials(headers.get('access-control-allow-credentials'))) return undefined;
  const value = headerValueTexts(origin).find(text => ANY_ORIGIN.has(text));
  if (value !== undefined) return { origin, value };
  if (reflectsAnyOrigin(origin)) return { origin };
  return undefined;
}

/**
 * Responses that let any web site read them with the user's credentials: Access-Control-Allow-Origin
 * `*` or `null`, or one that echoes the request's Origin unconditionally, declared together with
 * `Access-Control-Allow-Credentials: true`. Only what responses declare is judged; at most one
 * finding per operation, on the Access-Control-Allow-Origin header.
 */
export const corsCredentials = analysisFunction<Record<string, never>>(
  'corsCredentials',
  objectOptions({}),
  {},
  function* ({ analysis, path }): Iterable<Finding> {
    for (const operation of operationsAt(analysis, path)) {
      // A webhook's responses are what the API's subscribers answer, not the API's own CORS policy.
      if (operation.container !== 'paths') continue;
      for (const response of operation.responses) {
        const found = misconfiguration(analysis, response);
        if (!found) continue;
        const origin = found.value !== undefined ? `allows any origin (\`Access-Control-Allow-Origin: ${found.value}\`)` : "echoes the request's Origin, whatever it is,";
        yield {
          message: `This response ${origin} together with \`Access-Control-Allow-Credentials: true\`: any web site could read it with the user's cookies or credentials. Allow only a list of trusted origins (echo the Origin only when it is on that list), or drop the credentials.`,
          path: found.origin.path,
          operation,
        };
        break;
      }
    }
  },
);
