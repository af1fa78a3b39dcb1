import { isExempt, optionsKey, perDocument, textPath, textValues, type Analysis, type TextValue } from '../analysis/index.js';
import { defaultLists } from '../core/defaults.js';
import { MAX_QUOTED_URL, shown } from '../core/message.js';
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

/**
 * Every place one credential is written, in the order the document is read. A sample password
 * copied into every example that shows it (a connection's `password`, the `uri` holding it, the
 * user list…) is one leak to rotate, so each rule reports it once, at its first place.
 */
type Places = readonly Found[];

/** Scans are shared by the rules that read the same document with the same options. */
const scans = perDocument<Places[]>();

const scanKey = optionsKey<LeakedSecretsOptions>(['secretNames', 'secretPlaceholders']);

function detect(analysis: Analysis, options: LeakedSecretsOptions): Places[] {
  return scans(analysis, scanKey(options), () => {
    const scanOptions = { isSecretName: secretNameMatcher(options.secretNames), placeholders: options.secretPlaceholders };
    // Grouped by class and value: the two rules that see the same password (in a URL, under a `password` key) report it once each.
    const groups = new Map<string, Found[]>();
    // The same few thousand names recur as keys all over a description: each is scanned once.
    const keys = new Map<string, Detection[]>();
    for (const value of textValues(analysis)) {
      let detections = value.kind === 'key' ? keys.get(value.value) : undefined;
      if (!detections) {
        detections = scanValue(value, scanOptions);
        if (value.kind === 'key') keys.set(value.value, detections);
      }
      for (const detection of detections) {
        const key = `${detection.class}\u0000${detection.identity ?? detection.secret}`;
        const places = groups.get(key);
        if (places) places.push({ value, detection });
        else groups.set(key, [{ value, detection }]);
      }
    }
    return [...groups.values()];
  });
}

/** A place for a message: its path, with the secret masked should the path hold it (a credential written as a key). */
function place(found: Found): string {
  const { secret } = found.detection;
  const path = textPath(found.value).join('.');
  return `\`${shown(secret.length > 0 ? path.split(secret).join(mask(secret)) : path, MAX_QUOTED_URL)}\``;
}

/** Where else the credential is written: how many places, and one of them. */
function elsewhere(others: Places): string {
  if (others.length === 0) return '';
  return `, here and in ${others.length} other place${others.length === 1 ? '' : 's'} (${others.length === 1 ? '' : 'first '}${place(others[0])})`;
}

/** The kind of secret and at most its first four characters: a message never carries the secret itself. */
function message(detection: Detection, others: Places): string {
  const what = `${detection.kind[0].toUpperCase()}${detection.kind.slice(1)} (${mask(detection.secret)})`;
  const published = `${what} is published in this API description${elsewhere(others)}`;
  const copies = others.length > 0 ? 'every copy' : 'it';
  switch (detection.class) {
    case 'test-key':
      return `${published}: replace ${copies} with a placeholder such as "sk_test_<your key>"; a test key still reaches the account's test-mode data and settings, so roll it if it is a real one.`;
    case 'high-entropy':
      return `${published}: if it is a real secret, rotate it now, since everyone who has read the description can use it; either way, replace ${copies} with a placeholder such as "<secret>".`;
    default:
      return `${published}: rotate the credential, since everyone who has read the description can use it, and replace ${copies} with a placeholder such as "<token>".`;
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
    // An exempted place is accepted as it is: the credential is reported at its first other place, and counted at the others.
    const exempt = ({ value }: Found) =>
      // The nearest object with exemptions of its own (a schema, an example…) may exempt what is written inside it.
      (value.scope.holder !== undefined && isExempt(analysis, rule, undefined, value.scope.holder)) ||
      isExempt(analysis, rule, value.scope.operation, value.scope.exemptIn);
    for (const places of detect(analysis, options)) {
      if (places[0].detection.class !== options.check) continue;
      const [first, ...others] = places.filter(found => !exempt(found));
      if (first === undefined) continue;
      const { value, detection } = first;
      yield { message: message(detection, others), path: textPath(value), operation: value.scope.operation, exemptIn: value.scope.exemptIn };
    }
  },
);
