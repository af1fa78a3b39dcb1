// What a description says about the end of a deprecated operation: when it goes away (a sunset)
// and what replaces it. Read from headers, extensions and prose. Every regular expression runs on
// bounded text and has no nested quantifiers (linear in its input).

import { entries, isObject } from './json.js';
import { compact, words } from './names.js';
import type { Operation } from './operations.js';

/** Response headers that announce the end of a resource: RFC 8594 `Sunset`, RFC 9745 `Deprecation`. */
const SUNSET_HEADERS = new Set(['sunset', 'deprecation']);

const MAX_TEXT = 20_000;

/** A calendar date or a month of a year: `2025-06-30`, `June 30, 2025`, `30 June 2025`, `June 2025`, `Q3 2025`, `06/30/2025`. */
const DATE =
  /\b(?:\d{4}-\d{2}-\d{2}|(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?,? (?:\d{1,2}(?:st|nd|rd|th)?,? )?\d{4}|\d{1,2} (?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.? \d{4}|q[1-4] \d{4}|\d{1,2}\/\d{1,2}\/\d{4})\b/i;

/** A release the operation goes away in: `in v3`, `in version 3`, `in API version 2024-01-01`. */
const REMOVAL_RELEASE = /\b(?:in|with|from|by) (?:the )?(?:api )?(?:v\d{1,4}|version \d{1,4})\b/i;

/** Words that say the operation will go away (or has a date to). */
const REMOVAL = /\b(?:sunset|sunsets|sunsetted|sunsetting|remove|removed|removal|discontinue|discontinued|discontinuing|retire|retires|retired|retiring|retirement|decommission(?:ed|ing)?|shut (?:down|off)|shutdown|turned off|end[ -]of[ -](?:life|support)|eol|no longer (?:be )?(?:available|supported|work)|stop (?:working|being)|will be disabled|deleted|deletion|ends? (?:on|after|by)|will end|brownout)\b/i;

/**
 * What precedes the date of the deprecation itself ("was deprecated on 2024-01-01 and will be
 * removed in a future release"): that date says when it began, not when it ends.
 */
const DEPRECATED_ON = /deprecat[a-z]{0,6}:? (?:on |since |as of |from |in |at |effective )?(?:the )?$/i;

/**
 * Sentences of prose: a date and a removal word count together only in one. A full stop ends a
 * sentence when a capital follows, so `Nov. 2020` and `v1.2` stay whole.
 */
function sentences(text: string): string[] {
  return text.split(/[.!?;]\s+(?=[A-Z])|\n/).slice(0, 500);
}

/** Whether a sentence says when the operation goes away: a removal word and a date that is not the deprecation's own, or a release. */
function removalDated(sentence: string): boolean {
  if (!REMOVAL.test(sentence)) return false;
  if (REMOVAL_RELEASE.test(sentence)) return true;
  // Every date of the sentence, to tell the removal's date from the deprecation's.
  let from = 0;
  for (let hops = 0; hops < 50; hops++) {
    const match = DATE.exec(sentence.slice(from));
    if (!match) return false;
    const at = from + match.index;
    if (!DEPRECATED_ON.test(sentence.slice(Math.max(0, at - 40), at))) return true;
    from = at + Math.max(1, match[0].length);
  }
  return false;
}

/** Prose that says the operation is already gone. */
const GONE = /\b(?:has been|have been|was|is now|is) (?:retired|removed|discontinued|shut down|sunset|sunsetted|decommissioned|turned off|disabled)\b|\bno longer (?:supported|available|works)\b/i;

/** Phrases that name what to use instead. */
const REPLACEMENT = /\b(?:instead|replaced (?:by|with)|replacement|superseded (?:by|with)|succeeded by|successor|in favou?r of|migrate (?:to|your)|migrating to|migration guide|switch to|moved to|use the new|renamed (?:to)?|alternative(?:ly)?|(?:must|should) now|now use|recommend(?:ed)? (?:using|migrating|switching)|migrating your)\b|\buse (?:the )?[`'"[]/i;

/** Extension names (compared compacted) whose value is the operation's sunset or removal date. */
function isSunsetExtension(key: string): boolean {
  const w = words(key);
  if (w[0] !== 'x') return false;
  const rest = w.slice(1);
  if (rest.some(word => word === 'sunset' || word === 'removal' || word === 'eol' || word === 'retirement')) return true;
  if (rest.includes('removed') || rest.includes('retired')) return true;
  // `x-deprecated-at`, `x-deprecation-date`: when it was deprecated; the rule needs the date it ends, but teams
  // that write one have a schedule, and the extension's value is read for a date either way.
  return rest.some(word => word.startsWith('deprecat')) && rest.some(word => ['at', 'date', 'on', 'since', 'until', 'info', 'notice'].includes(word));
}

/** Extension names whose value names the replacement: `x-replaced-by`, `x-replacement`, `x-superseded-by`, `x-successor`, `x-use-instead`. */
function isReplacementExtension(key: string): boolean {
  const w = words(key);
  if (w[0] !== 'x') return false;
  return w.slice(1).some(word => word.startsWith('replac') || word.startsWith('supersed') || word === 'successor' || word === 'instead' || word === 'alternative' || word === 'alternatives');
}

function hasContent(value: unknown): boolean {
  if (typeof value === 'string') return value.trim().length > 0;
  if (typeof value === 'number') return true;
  if (Array.isArray(value)) return value.some(hasContent);
  if (isObject(value)) return Object.values(value).some(hasContent);
  return false;
}

/** Text of a value for prose matching (an extension object's strings, a description), bounded. */
function textOf(value: unknown, depth = 0): string {
  if (typeof value === 'string') return value.slice(0, MAX_TEXT);
  if (depth > 3) return '';
  if (Array.isArray(value)) return value.slice(0, 50).map(v => textOf(v, depth + 1)).join(' ');
  if (isObject(value)) return Object.entries(value).slice(0, 50).map(([k, v]) => `${k} ${textOf(v, depth + 1)}`).join(' ');
  return '';
}

/** Whether `text` holds `word` with no identifier character on either side. */
function wordIn(text: string, word: string): boolean {
  let from = 0;
  for (let hops = 0; hops < 100; hops++) {
    const at = text.indexOf(word, from);
    if (at < 0) return false;
    const before = text[at - 1] ?? ' ';
    const after = text[at + word.length] ?? ' ';
    if (!/[\w-]/.test(before) && !/[\w-]/.test(after)) return true;
    from = at + 1;
  }
  return false;
}

/** Paths written in prose (`/v2/registries`, `/users/$USER_ID/keys`), URLs' own paths included, at most 50. */
function mentionedPaths(prose: string): string[] {
  const out: string[] = [];
  for (const match of prose.matchAll(/(?:^|[\s`'"(\[])(\/[\w$.{}~:-]{1,100}(?:\/[\w$.{}~:-]{1,100}){0,20})/g)) {
    let path = match[1];
    while (path.endsWith('.') || path.endsWith(':')) path = path.slice(0, -1);
    out.push(path);
    if (out.length >= 50) break;
  }
  return out;
}

/** Whether a path written in prose names a path template: segment by segment, a `{parameter}` matches anything. */
function matchesTemplate(written: string, template: string): boolean {
  const a = written.split('/');
  const b = template.split('/');
  if (a.length !== b.length) return false;
  return b.every((segment, i) => segment === a[i] || (segment.startsWith('{') && a[i].length > 0));
}

/** The prose of an operation (and its path item) about itself. */
function proseOf(operation: Operation): string {
  const parts = [operation.node.description, operation.node.summary, operation.pathItem.description, operation.pathItem.summary];
  return parts.filter((p): p is string => typeof p === 'string').map(p => p.slice(0, MAX_TEXT).replace(/\s+/g, ' ')).join(' \n ');
}

/** `deprecated: true` on the operation. */
export function isDeprecated(operation: Operation): boolean {
  return operation.node.deprecated === true;
}

/**
 * The operation says it is already gone: it answers 410 Gone, or its description says it has been
 * retired or is no longer supported. Its end is documented; what it returns tells callers the rest.
 */
export function isGone(operation: Operation): boolean {
  return operation.responses.some(r => r.status === '410') || GONE.test(proseOf(operation));
}

/** How the operation's end is documented, in words; undefined when it is not. */
export function documentedSunset(operation: Operation): string | undefined {
  for (const response of operation.responses) {
    for (const name of response.headers.keys()) if (SUNSET_HEADERS.has(name.trim())) return `the ${name} response header`;
  }
  for (const holder of [operation.node, operation.pathItem]) {
    for (const [key, value] of entries(holder)) {
      if (key.startsWith('x-') && isSunsetExtension(key) && hasContent(value)) return key;
      // An extension about the deprecation as a whole (`x-deprecation: { sunset: 2025-06-30 }`).
      if (key.startsWith('x-') && compact(key).startsWith('xdeprecat') && isObject(value) && DATE.test(textOf(value))) return key;
      // A vendor's extension object holding the date (`x-github: { removalDate: 2021-02-01 }`).
      if (key.startsWith('x-') && isObject(value)) {
        for (const [inner, date] of entries(value)) if (isSunsetExtension(`x-${inner}`) && hasContent(date)) return `${key}.${inner}`;
      }
    }
  }
  const prose = proseOf(operation);
  // Dates inside links (a blog post's `/2020-02-26-…` address) are when something was written, not the removal.
  const text = prose.split(' ').filter(word => !word.includes('://') && !word.includes('](')).join(' ');
  if (sentences(text).some(removalDated)) return 'the description';
  return undefined;
}

/** How the operation's replacement is documented, in words; undefined when it is not. */
export function documentedReplacement(operation: Operation, operationIds: ReadonlySet<string>, pathKeys: readonly string[]): string | undefined {
  for (const holder of [operation.node, operation.pathItem]) {
    for (const [key, value] of entries(holder)) {
      if (!key.startsWith('x-') || !hasContent(value)) continue;
      if (isReplacementExtension(key)) return key;
      if (compact(key).startsWith('xdeprecat') && isObject(value) && Object.keys(value).some(k => isReplacementExtension(`x-${k}`))) return key;
    }
  }
  const prose = proseOf(operation);
  if (prose.length === 0) return undefined;
  if (REPLACEMENT.test(prose)) return 'the description';
  // Another operation named in the prose, by operationId or path.
  const own = typeof operation.node.operationId === 'string' ? operation.node.operationId : undefined;
  for (const id of operationIds) if (id !== own && id.length >= 4 && wordIn(prose, id)) return 'the description';
  for (const mentioned of mentionedPaths(prose)) {
    if (matchesTemplate(mentioned, operation.pathKey)) continue;
    if (pathKeys.some(key => key !== operation.pathKey && matchesTemplate(mentioned, key))) return 'the description';
  }
  return undefined;
}
