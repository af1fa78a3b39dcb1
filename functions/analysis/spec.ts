import { isObject } from './json.js';

export type SpecVersion = '2.0' | '3.0' | '3.1' | 'unknown';

/** The version field as written: YAML reads an unquoted `swagger: 2.0` as the number 2 and `openapi: 3.1` as 3.1 (Spectral's formats accept both). */
function versionText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return Number.isInteger(value) ? `${value}.0` : String(value);
  return undefined;
}

export function specVersion(root: unknown): SpecVersion {
  if (!isObject(root)) return 'unknown';
  const swagger = versionText(root.swagger);
  if (swagger?.startsWith('2.')) return '2.0';
  const openapi = versionText(root.openapi);
  if (openapi?.startsWith('3.0')) return '3.0';
  if (openapi?.startsWith('3.1')) return '3.1';
  return 'unknown';
}

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
export const WRITE_METHODS: ReadonlySet<string> = new Set(['post', 'put', 'patch', 'delete']);
/** Methods that submit something: a sign-in or an upload, not a deletion. */
export const SUBMIT_METHODS: ReadonlySet<string> = new Set(['post', 'put', 'patch']);
export const READ_METHODS: ReadonlySet<string> = new Set(['get', 'head']);
