import { isObject } from './json.js';

export type SpecVersion = '2.0' | '3.0' | '3.1' | 'unknown';

export function specVersion(root: unknown): SpecVersion {
  if (!isObject(root)) return 'unknown';
  if (typeof root.swagger === 'string' && root.swagger.startsWith('2.')) return '2.0';
  if (typeof root.openapi === 'string') {
    if (root.openapi.startsWith('3.0')) return '3.0';
    if (root.openapi.startsWith('3.1')) return '3.1';
  }
  return 'unknown';
}

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
export const WRITE_METHODS: ReadonlySet<string> = new Set(['post', 'put', 'patch', 'delete']);
