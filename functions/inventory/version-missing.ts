import { has, isObject, isRealVersion, versionEvidence } from '../analysis/index.js';
import { quote } from '../core/message.js';
import { analysisFunction, objectOptions, type Finding } from '../core/rule-function.js';

/**
 * A description that names no version anywhere (OWASP API9): `info.version` is missing, empty or
 * a placeholder (`latest`, `TODO`, `unversioned`, `${VERSION}`), and no server URL, basePath,
 * path, version parameter or header, or versioned media type names one either. Reported once, at
 * `info.version` (or `info`).
 */
export const versionMissing = analysisFunction<Record<string, never>>(
  'versionMissing',
  objectOptions({}),
  {},
  function* ({ analysis }): Iterable<Finding> {
    const { root, version } = analysis;
    if (version === 'unknown') return;
    const info = root.info;
    // Without an `info` object the description is not valid OpenAPI (or did not parse): structural rules say so.
    if (!isObject(info)) return;
    const written = has(info, 'version') ? info.version : undefined;
    if (isRealVersion(written)) return;
    if (versionEvidence(root, version, analysis.operations) !== undefined) return;
    const what = written === undefined
      ? '`info.version` is missing'
      : typeof written === 'string' && written.trim().length > 0
        ? `\`info.version\` is ${quote(written)}, which names no release`
        : '`info.version` is empty';
    yield {
      message: `${what}, and no server URL, base path, path, version header or parameter, or media type names a version either: neither clients nor an API inventory can tell which release this describes, or tell it from older ones still running. Set \`info.version\` to the release this description documents (\`2.3.0\`, \`2024-06-01\`).`,
      path: has(info, 'version') ? ['info', 'version'] : ['info'],
    };
  },
);
