// Diagnostics no ruleset describes: Spectral's own (parser, $ref, format) and the tool's.

/** The rule id of a `$ref` the tool did not follow because it points to the network. */
export const REMOTE_REF_RULE = 'remote-ref-not-followed';

export const ENGINE_RULES: Record<string, string> = {
  parser: 'The description could not be parsed as YAML or JSON.',
  'invalid-ref': 'A $ref that could not be resolved.',
  'unrecognized-format': 'The document is not an OpenAPI 2.0, 3.0 or 3.1 description.',
  [REMOTE_REF_RULE]: 'A $ref to an http(s) URL, not followed: the tool makes no network access unless run with --allow-remote-refs.',
};
