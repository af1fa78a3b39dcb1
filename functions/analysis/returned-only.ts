// A key or token the API shows once, when it creates it, is often declared on a schema shared by
// the create response and the reads ("Token value; only returned once on create"), and a card's
// CVC on an object many operations return while only the read of that card includes it: the
// schema says every response returns it, the prose says which do. The prose is what the API does.

import type { JsonObject, Located } from './json.js';

/** Description text read per schema: enough for a property's note, bounded for hostile input. */
const MAX_TEXT = 2_000;

const ONLY = /\b(?:only|once)\b/;
const SHOWN = /\b(?:returned|returns?|shown|shows?|displayed|included|visible|revealed|provided|available|exposed|retrievable|retrieved|readable)\b/;
const CREATION = /\b(?:creat(?:e|ed|es|ing|ion)|generat(?:e|ed|es|ing|ion)|issu(?:e|ed|es|ing|ance)|regenerat(?:e|ed|ion)|rotat(?:e|ed|ion))\b/;
const ENDPOINT = /\bendpoints?\b/;
const RETRIEVE = /\b(?:retrieve|retrieving|get|fetch|read)\b/;
const NEVER = /\b(?:not|never|cannot|can't|won't)\b/;
const AGAIN = /\bagain\b/;

/** The sentences of a description, lower-cased (a blank line ends one too). */
function sentences(text: string): string[] {
  return text.slice(0, MAX_TEXT).toLowerCase().split(/[.!?;]|\n\n/);
}

/**
 * Whether a sentence says the value is shown only when it is created ("only returned once upon
 * creation", "ONLY returned when the API Key is first created", "We return secret keys only once
 * upon creation") or never again ("it will not be shown again"). Sentences are matched by the
 * words they hold, not by a gap-bounded pattern, so matching stays linear.
 */
function saysCreationOnly(text: string): boolean {
  for (const sentence of sentences(text)) {
    if (!SHOWN.test(sentence)) continue;
    if (ONLY.test(sentence) && CREATION.test(sentence)) return true;
    if (NEVER.test(sentence) && AGAIN.test(sentence)) return true;
  }
  return false;
}

/**
 * A property whose description (as written, or on its value's schema or `allOf` members) says
 * the API returns it only in the response that creates it: reads do not return it.
 */
export function returnedOnlyOnCreation(declared: JsonObject, members: ReadonlyArray<Located<JsonObject>>): boolean {
  return [declared, ...members.map(member => member.node)].some(node => typeof node.description === 'string' && saysCreationOnly(node.description));
}

/**
 * Whether a sentence restricts the value to the read of its own record: "it's only available via
 * the "Retrieve a card" endpoint, not via "List all cards" or any other endpoint".
 */
function saysRetrieveOnly(text: string): boolean {
  for (const sentence of sentences(text)) {
    if (ONLY.test(sentence) && SHOWN.test(sentence) && ENDPOINT.test(sentence) && RETRIEVE.test(sentence) && !CREATION.test(sentence)) return true;
  }
  return false;
}

/**
 * A property whose description says only the read of its own record returns it (not lists,
 * not writes, not the objects that embed it).
 */
export function returnedOnlyByItsRead(declared: JsonObject, members: ReadonlyArray<Located<JsonObject>>): boolean {
  return [declared, ...members.map(member => member.node)].some(node => typeof node.description === 'string' && saysRetrieveOnly(node.description));
}
