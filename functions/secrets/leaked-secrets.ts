import { isExempt, perDocument, textPath, textValues, type Analysis, type TextValue } from '../analysis/index.js';
import { defaultLists } from '../core/defaults.js';
import { analysisFunction, objectOptions, stringList, type Finding } from '../core/rule-function.js';
import { mask, type Detection, type SecretClass } from './detection.js';
import { secretNameMatcher } from './entropy.js';
import { scanValue } from './scan.js';

export interface LeakedSecretsOptions {
  /**
   * `leaked`: credentials recognised by their format; `high-entropy`: machine-generated-looking
   * values under secret-named keys; `test-key`: providers' test-mode keys (Stripe `sk_test_`).
   */
  check: SecretClass;
  /** Key names whose long, high-entropy values are secrets (`password`, `client_secret`, …), matched on their last words. */
  secretNames: string[];
  /** Case-insensitive substrings that make a value a placeholder (`example`, `your`, …). */
  secretPlaceholders: string[];
}

interface Found {
  value: TextValue;
  detection: Detection;
}

/** Scans are shared by the rules that read the same document with the same options. */
const scans = perDocument<Found[]>();

function detect(analysis: Analysis, options: LeakedSecretsOptions): Found[] {
  return scans(analysis, JSON.stringify([options.secretNames, options.secretPlaceholders]), () => {
    const scanOptions = { isSecretName: secretNameMatcher(options.secretNames), placeholders: options.secretPlaceholders };
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
    secretPlaceholders: stringList('Case-insensitive substrings that make a value a placeholder.'),
  }),
  { check: 'leaked', ...defaultLists('secretNames', 'secretPlaceholders') },
  function* ({ analysis, options, rule }): Iterable<Finding> {
    for (const { value, detection } of detect(analysis, options)) {
      if (detection.class !== options.check) continue;
      // The nearest object with exemptions of its own (a schema, an example…) may exempt what is written inside it.
      if (value.scope.holder && isExempt(analysis, rule, undefined, value.scope.holder)) continue;
      yield { message: message(detection), path: textPath(value), operation: value.scope.operation, exemptIn: value.scope.exemptIn };
    }
  },
);
