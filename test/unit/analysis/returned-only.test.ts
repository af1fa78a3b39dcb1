import { describe, expect, it } from 'vitest';
import { returnedOnlyByItsRead, returnedOnlyOnCreation, type JsonObject } from '../../../functions/analysis/index.js';

/** A property with this description, its value schema (a member) with that one. */
const says = (description: unknown, memberDescription?: unknown) =>
  returnedOnlyOnCreation(
    { type: 'string', description } as JsonObject,
    memberDescription === undefined ? [] : [{ node: { type: 'string', description: memberDescription } as JsonObject, path: ['components', 'schemas', 'Value'] }],
  );

describe('returnedOnlyOnCreation', () => {
  it.each([
    'Token value; only returned once on create. Store securely.',
    'The secret key used to authenticate. This is only returned once upon creation. Make sure to copy and securely store it.',
    'We return secret keys only once upon creation.',
    'Note that for security reasons, this field is ONLY returned when the API Key\nis first created.',
    "The endpoint's secret, used to generate webhook signatures. Only returned at creation.",
    'Shown only once, when the token is generated.',
    'Copy it now: it cannot be retrieved again.',
    'The key will not be shown again after this response!',
  ])('reads "%s" as returned only on creation', text => {
    expect(says(text)).toBe(true);
  });

  it.each([
    'An access token used to authenticate with the cluster. This is only returned for clusters with support for token-based authentication.',
    'The name of the cookie sent to the client. This attribute is only returned when using `cookies` for the sticky sessions type.',
    'The date and time the key was created.',
    'Only one key may be created per project.',
    'Signs deliveries; rotate it with POST /hooks/{id}/rotate.',
    'Do not send it again.',
    '',
  ])('does not read "%s" so', text => {
    expect(says(text)).toBe(false);
  });

  it('reads the value schema and its allOf members too, and ignores what is not text', () => {
    expect(says(undefined, 'Only returned once on create.')).toBe(true);
    expect(says(42, { text: 'only returned once on create' })).toBe(false);
    expect(says(null)).toBe(false);
  });

  it('reads a bounded prefix of a huge description quickly', () => {
    const huge = `${'not '.repeat(200_000)}returned`;
    const started = performance.now();
    expect(says(huge)).toBe(false);
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});

describe('returnedOnlyByItsRead', () => {
  const restricted = (description: string) => returnedOnlyByItsRead({ type: 'string', description } as JsonObject, []);

  it.each([
    'The card\'s CVC. Additionally, it\'s only available via the ["Retrieve a card" endpoint](https://stripe.com/docs/api/issuing/cards/retrieve), not via "List all cards" or any other endpoint.',
    'Only included in responses of the Get Card endpoint.',
  ])('reads "%s" as restricted to the read of its record', text => {
    expect(restricted(text)).toBe(true);
  });

  it.each([
    'The secret key. Only returned once upon creation by the create endpoint.',
    'Only available for virtual cards.',
    'Use the retrieve endpoint to refresh it.',
    'Only returned when the endpoint is called with expand.',
  ])('does not read "%s" so', text => {
    expect(restricted(text)).toBe(false);
  });
});
