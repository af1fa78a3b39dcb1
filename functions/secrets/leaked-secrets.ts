import { perDocument, readExemptions, textPath, textValues, type Analysis, type JsonObject, type TextValue } from '../analysis/index.js';
import { analysisFunction, objectOptions, stringList, type Finding } from '../core/rule-function.js';
import { mask, type Detection, type SecretClass } from './detection.js';
import { DEFAULT_SECRET_NAMES, secretNameMatcher } from './entropy.js';
import { DEFAULT_PLACEHOLDERS } from './placeholder.js';
import { scanValue } from './scan.js';

export { DEFAULT_SECRET_NAMES } from './entropy.js';
export { DEFAULT_PLACEHOLDERS } from './placeholder.js';

export interface LeakedSecretsOptions {
  /**
   * `leaked`: credentials recognised by their format; `high-entropy`: machine-generated-looking
   * values under secret-named keys; `test-key`: providers' test-mode keys (Stripe `sk_test_`).
   */
  check: SecretClass;
  /** Key names whose long, high-entropy values are secrets (`password`, `client_secret`, …), matched on their last words. */
  secretNames: string[];
  /** Case-insensitive substrings that make a value a placeholder (`example`, `your`, …). */
  placeholders: string[];
}

interface Found {
  value: TextValue;
  detection: Detection;
}

/** Scans are shared by the rules that read the same document with the same options. */
const scans = perDocument<Found[]>();

function detect(analysis: Analysis, options: LeakedSecretsOptions): Found[] {
  return scans(analysis, JSON.stringify([options.secretNames, options.placeholders]), () => {
    const scanOptions = { isSecretName: secretNameMatcher(options.secretNames), placeholders: options.placeholders };
    const found: Found[] = [];
    // The same few thousand names recur as keys all over a description: each is scanned once.
    const keys = new Map<string, Detection[]>();
    for (const value of textValues(analysis)) {
      let detections = value.kind === 'key' ? keys.get(value.value) : undefined;
      if (!detections) {
        detections = scanValue(value, scanOptions);
        if (value.kind === 'key') keys.set(value.value, detections);
      }
      for (const detection of detections) found.push({ value, detection });
    }
    return found;
  });
}

/** The kind of secret and at most its first four characters: a message never carries the secret itself. */
function message(detection: Detection): string {
  const what = `${detection.kind[0].toUpperCase()}${detection.kind.slice(1)} (${mask(detection.secret)})`;
  switch (detection.class) {
    case 'test-key':
      return `${what} is published in this API description: replace it with a placeholder such as "sk_test_<your key>"; a test key still reaches the account's test-mode data and settings, so roll it if it is a real one.`;
    case 'high-entropy':
      return `${what} is published in this API description: if it is a real secret, rotate it now, since everyone who has read the description can use it; either way, replace it with a placeholder such as "<secret>".`;
    default:
      return `${what} is published in this API description: rotate the credential, since everyone who has read the description can use it, and replace it with a placeholder such as "<token>".`;
  }
}

/**
 * Credentials pasted into examples, defaults, enums, extensions, descriptions and URLs
 * anywhere in the document (OWASP API8). Reported at the string itself.
 */
export const leakedSecrets = analysisFunction<LeakedSecretsOptions>(
  'leakedSecrets',
  objectOptions({
    check: { enum: ['leaked', 'high-entropy', 'test-key'] },
    secretNames: stringList('Key names whose long, high-entropy values are secrets.'),
    placeholders: stringList('Case-insensitive substrings that make a value a placeholder.'),
  }),
  { check: 'leaked', secretNames: [...DEFAULT_SECRET_NAMES], placeholders: [...DEFAULT_PLACEHOLDERS] },
  function* ({ analysis, options, rule }): Iterable<Finding> {
    const holders = new Map<JsonObject, boolean>();
    const exemptByHolder = (holder: JsonObject) => {
      let exempt = holders.get(holder);
      if (exempt === undefined) holders.set(holder, (exempt = readExemptions(holder, []).rules.has(rule)));
      return exempt;
    };
    for (const { value, detection } of detect(analysis, options)) {
      if (detection.class !== options.check) continue;
      if (value.scope.holder && exemptByHolder(value.scope.holder)) continue;
      yield { message: message(detection), path: textPath(value), operation: value.scope.operation, exemptIn: value.scope.exemptIn };
    }
  },
);
