// The `given` paths the rules are written with, and the decoders a check uses to tell which of
// them it was called on. Kept together so a check never guesses its target from a path's shape.

import type { Analysis, JsonPath, Operation, SecurityScheme } from '../analysis/index.js';

/** The whole document: rules that judge what the analysis collected from everywhere. */
export const ROOT = '$';
export const PATH_ITEMS = ['$.paths[*]'];
/** The root first: a rule that reports a document-wide gap there, and per path item otherwise. */
export const ROOT_AND_PATH_ITEMS = [ROOT, ...PATH_ITEMS];
export const ROOT_SECURITY_AND_PATH_ITEMS = ['$.security', '$.paths[*]'];
export const SECURITY_ARRAYS = ['$.security', '$.paths[*]', '$.webhooks[*]'];
export const SECURITY_SCHEMES = ['$.components.securitySchemes[*]', '$.securityDefinitions[*]'];
/** Where a description says how the API (and its callbacks) are reached. */
export const TRANSPORT_POSITIONS = ['$.servers', '$.schemes', '$.paths[*]', '$.webhooks[*]'];

/** What a check was called on, from the path Spectral gives it. */
export type Target =
  | { kind: 'root' }
  /** The root `security` array. */
  | { kind: 'root-security' }
  /** The root `servers` (3.x) or `schemes` (2.0). */
  | { kind: 'servers' }
  | { kind: 'schemes' }
  | { kind: 'path-item'; container: 'paths' | 'webhooks'; key: string }
  | { kind: 'security-scheme'; name: string }
  | { kind: 'other' };

export function targetAt(path: JsonPath): Target {
  if (path.length === 0) return { kind: 'root' };
  const [first, second, third] = path;
  if (path.length === 1) {
    if (first === 'security') return { kind: 'root-security' };
    if (first === 'servers') return { kind: 'servers' };
    if (first === 'schemes') return { kind: 'schemes' };
  }
  if (path.length === 2 && (first === 'paths' || first === 'webhooks')) return { kind: 'path-item', container: first, key: String(second) };
  if (path.length === 2 && first === 'securityDefinitions') return { kind: 'security-scheme', name: String(second) };
  if (path.length === 3 && first === 'components' && second === 'securitySchemes') return { kind: 'security-scheme', name: String(third) };
  return { kind: 'other' };
}

/** The operations a target holds: those of a path item, or every operation for the root. */
export function operationsAt(analysis: Analysis, path: JsonPath): Operation[] {
  const target = targetAt(path);
  if (target.kind === 'root') return analysis.operations;
  if (target.kind !== 'path-item') return [];
  if (target.container === 'paths') return analysis.operationsByPathKey.get(target.key) ?? [];
  return analysis.operations.filter(op => op.container === 'webhooks' && op.pathKey === target.key);
}

/**
 * The security scheme a target is, when that entry reports findings on its definition (entries
 * that `$ref` one definition share it, and only one of them reports).
 */
export function schemeAt(analysis: Analysis, path: JsonPath): SecurityScheme | undefined {
  const target = targetAt(path);
  const scheme = target.kind === 'security-scheme' ? analysis.schemes.get(target.name) : undefined;
  return scheme?.reportsDefinition ? scheme : undefined;
}
