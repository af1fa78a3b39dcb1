import { describe, expect, it } from 'vitest';
import { lint, base } from './helpers.js';

describe('smoke', () => {
  it('runs the ruleset on a document', async () => {
    const results = await lint(base('3.1', {
      components: { securitySchemes: { basic: { type: 'http', scheme: 'Basic' } } },
      paths: { '/users/{id}': { parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }], delete: { responses: { '204': { description: 'ok' } } }, get: { security: [{ basic: [] }], responses: { '200': { description: 'ok' } } } } },
    }));
    console.log(results.map(r => `${r.code} ${r.path.join('.')} ${r.message}`).join('\n'));
    expect(results.length).toBeGreaterThan(0);
  });
});
