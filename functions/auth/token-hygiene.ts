import { isObject, schemaGraph, type Analysis, type SecurityScheme } from '../analysis/index.js';
import { quote } from '../core/message.js';
import { analysisFunction, objectOptions, type Finding } from '../core/rule-function.js';
import { schemeAt } from '../core/targets.js';

const MAX_TEXT = 8192;

function text(value: unknown): string {
  return typeof value === 'string' ? value.slice(0, MAX_TEXT) : '';
}

const JWT = /\bjwts?\b|json web tokens?/i;

/** A bearer scheme whose `bearerFormat` says JWT, or an API key scheme named or described as one (how 2.0 writes bearer tokens). */
function isJwtScheme(scheme: SecurityScheme): boolean {
  if (scheme.type === 'http') return scheme.httpScheme === 'bearer' && JWT.test(text(scheme.node.bearerFormat));
  if (scheme.type === 'apikey') return JWT.test(scheme.name) || JWT.test(text(scheme.node.name)) || JWT.test(text(scheme.node.description));
  return false;
}

/**
 * A JWS algorithm (RFC 7518 names, EdDSA), or where verification
 * keys are published (JWKS). "Signed with the algorithm named in its alg header" names none: it is
 * the header trust RFC 8725 warns about, so "signed with" and `alg` alone do not count.
 */
const SIGNING = /\b(?:[HRE]S|PS)(?:256|384|512)\b|\bEd(?:DSA|25519|448)\b|\bjwks(?:_uri)?\b|json web key/i;
/** Algorithm families: in the scheme's own description only, since an overview may name RSA or HMAC for anything else (request signing, a crypto API). */
const SIGNING_FAMILY = /\b(?:rsa|ecdsa|hmac)\b/i;

/** A lifetime in words: expiry, the `exp` claim, a TTL, "valid for", short-lived. */
const LIFETIME = /\bexpir(?:e[sd]?|y|ation|ing)\b|\blifetime\b|\blife[- ]?span\b|\bttl\b|\bexp\b|\bvalid (?:for|during|until)\b|\bshort[- ]lived\b|\blives? for\b/i;
const DURATION = /\b\d{1,6} ?(?:seconds?|minutes?|mins?|hours?|hrs?|days?)\b/i;
/** Words that tie a duration to the token: "Tokens last 24 hours", "good for 7 days", "valid 1 hour". */
const DURATION_OF_TOKEN = /\btokens?\b|\bjwts?\b|\blasts?\b|\bgood for\b|\bvalid\b/i;
/** A duration that measures something else: a rate-limit window ("100 requests per 15 minutes"). */
const OTHER_DURATION = /\brequests?\b|\bcalls?\b|\brate\b|\blimit(?:s|ed)?\b|\bper\b|\bquota\b|\bthrottl/i;

const TOKEN_WORD = /\btokens?\b/i;
const LIFETIME_WORD = /\bexpir|\blifetime\b|\bttl\b|\bvalid for\b|\bshort[- ]lived\b/i;

/** In the description's overview, a lifetime counts only when a sentence says it of tokens: "expires" alone may be about anything. */
function saysTokenLifetime(text: string): boolean {
  return text.split(/[.\n]/).some(sentence => TOKEN_WORD.test(sentence) && LIFETIME_WORD.test(sentence));
}

/** The scheme's own description gives a lifetime: in words, or a duration in a sentence about the token rather than a rate limit. */
function saysLifetime(text: string): boolean {
  if (LIFETIME.test(text)) return true;
  return text.split(/[.;\n]/).some(sentence => DURATION.test(sentence) && DURATION_OF_TOKEN.test(sentence) && !OTHER_DURATION.test(sentence));
}

/**
 * `http` bearer schemes with `bearerFormat: JWT` (and API key schemes named or described as JWT)
 * whose description does not say how tokens are signed or how long they live. The algorithm may
 * also be named in `info.description`; a lifetime there counts when it is said of tokens.
 */
export const jwtUndocumented = analysisFunction<Record<string, never>>(
  'jwtUndocumented',
  objectOptions({}),
  {},
  function* ({ analysis, path }): Iterable<Finding> {
    const scheme = schemeAt(analysis, path);
    if (!scheme || !isJwtScheme(scheme)) return;
    const own = text(scheme.node.description);
    const overview = isObject(analysis.root.info) ? text(analysis.root.info.description) : '';
    const signing = SIGNING.test(own) || SIGNING_FAMILY.test(own) || SIGNING.test(overview);
    const lifetime = saysLifetime(own) || saysTokenLifetime(overview);
    if (signing && lifetime) return;
    const missing = !signing && !lifetime ? 'how its tokens are signed nor how long they live' : !signing ? 'how its tokens are signed' : 'how long its tokens live';
    yield {
      message: `JWT scheme ${quote(scheme.name)} does not say ${missing}: name the signing algorithm (e.g. RS256, ES256, EdDSA) or where the keys are published (JWKS), and the token lifetime (\`exp\`), in its description, so clients and reviewers can check tokens are verified with a fixed algorithm and expire.`,
      path: isObject(scheme.node) && scheme.type === 'http' ? [...scheme.path, 'bearerFormat'] : scheme.path,
      exemptIn: scheme.node,
    };
  },
);

/** Flows that hand out tokens a user keeps: where refresh applies (3.x names). */
const REFRESHABLE_FLOWS: ReadonlySet<string> = new Set(['authorizationcode', 'password']);

/** Refreshing named: refresh tokens, `grant_type=refresh_token`, "refresh the access token". */
const REFRESH_MENTION = /\brefresh[_ -]?tokens?\b|\brefresh(?:es|ed|ing)? (?:the |an? |your )?(?:access )?tokens?\b/i;
/** Refresh ruled out in so many words. */
const NOT_REFRESHABLE = /\bnon[- ]?refreshable\b|\bnot refreshable\b|\bcannot be refreshed\b/i;
const NEGATION = /\b(?:no|not|never|without|none|nor|unsupported)\b|n['’]t\b/i;
/** A clause about how long something lives: "Refresh tokens do not expire" still says refresh tokens exist. */
const EXPIRY_WORD = /\bexpir|\blifetime\b|\bttl\b|\bvalid\b|\blong[- ]lived\b/i;
const SHORT_LIVED = /\bshort[- ]lived\b/i;
/** A lifetime of seconds, minutes or hours: days-long tokens are not what "short-lived" spares. */
const SHORT_DURATION = /\b\d{1,4} ?(?:seconds?|secs?|minutes?|mins?|hours?|hrs?)\b/i;
/** Clauses, so that "Access tokens do not expire and there are no refresh tokens" is read half by half. */
const CLAUSE_BREAK = /[.;:!?()\n]|\b(?:and|but|however|while|whereas)\b/i;

/**
 * Prose that settles refresh: refresh is documented (a clause that names it without denying it),
 * or ruled out for tokens said to be short-lived. A denial alone ("there are no refresh tokens",
 * "Access tokens never expire; refresh tokens are not supported") does not: it documents a
 * decision, but it is the long-lived, non-renewable token this rule warns about, and a reviewer
 * wants to see it; a team that means it records why in an exemption.
 */
function settlesRefresh(value: string): boolean {
  const clauses = value.replace(/\s+/g, ' ').split(CLAUSE_BREAK);
  if (clauses.some(clause => REFRESH_MENTION.test(clause) && (!NEGATION.test(clause) || EXPIRY_WORD.test(clause)))) return true;
  if (SHORT_LIVED.test(value)) return true;
  const ruledOut = NOT_REFRESHABLE.test(value) || clauses.some(clause => REFRESH_MENTION.test(clause) && NEGATION.test(clause));
  return ruledOut && clauses.some(clause => EXPIRY_WORD.test(clause) && SHORT_DURATION.test(clause) && !NEGATION.test(clause));
}

/** The OpenID Connect scope that asks for a refresh token. */
const OFFLINE_ACCESS = 'offline_access';

/** A request (any operation) takes a refresh token, or a `grant_type` that names `refresh_token`: the token endpoint refreshes. */
function documentsRefreshGrant(analysis: Analysis): boolean {
  for (const operation of analysis.operations) {
    if (operation.parameters.some(p => /^refresh[_-]?token$/i.test(p.name))) return true;
  }
  const graph = schemaGraph(analysis);
  for (const use of graph.properties) {
    if (![...use.contexts].some(c => c.direction === 'request')) continue;
    if (/^refresh[_-]?token$/i.test(use.name)) return true;
    if (/^grant[_-]?type$/i.test(use.name) && use.value.members.some(m => Array.isArray(m.node.enum) && m.node.enum.some(v => v === 'refresh_token'))) return true;
  }
  return false;
}

/**
 * OAuth2 authorization code and password flows (3.x) without a `refreshUrl`, when nothing in the
 * description says how tokens are refreshed or that they are short-lived: clients then keep
 * long-lived access tokens, or have no documented way to renew them.
 */
export const oauthRefreshUndocumented = analysisFunction<Record<string, never>>(
  'oauthRefreshUndocumented',
  objectOptions({}),
  {},
  function* ({ analysis, path }): Iterable<Finding> {
    if (analysis.version !== '3.0' && analysis.version !== '3.1') return;
    const scheme = schemeAt(analysis, path);
    if (!scheme || scheme.type !== 'oauth2') return;
    const flows = scheme.flows.filter(flow => REFRESHABLE_FLOWS.has(flow.name.toLowerCase()) && !(typeof flow.node.refreshUrl === 'string' && flow.node.refreshUrl.trim() !== ''));
    if (flows.length === 0) return;
    const overview = isObject(analysis.root.info) ? text(analysis.root.info.description) : '';
    if (settlesRefresh(text(scheme.node.description)) || settlesRefresh(overview) || documentsRefreshGrant(analysis)) return;
    for (const flow of flows) {
      if (flow.scopes.has(OFFLINE_ACCESS)) continue;
      yield {
        message: `The ${flow.name} flow of ${quote(scheme.name)} documents no \`refreshUrl\` and the description does not say how its tokens are refreshed: add \`refreshUrl\` (often the token URL), or say that access tokens are short-lived and not refreshable, so clients neither keep long-lived tokens nor guess.`,
        path: flow.path,
        exemptIn: scheme.node,
      };
    }
  },
);
