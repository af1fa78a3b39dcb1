import { oas2, oas3_0, oas3_1 } from '@stoplight/spectral-formats';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import ruleset, { rules, type RuleId } from '../index.js';
import type { RulesetDefinition } from '@stoplight/spectral-core';
import { lint } from './helpers.js';

/** How a page names the formats its rule claims (rules about constructs 2.0 lacks claim 3.x only). */
const FORMAT_NAMES = new Map<unknown, string>([[oas2, 'Swagger 2.0'], [oas3_0, 'OpenAPI 3.0'], [oas3_1, 'OpenAPI 3.1']]);

const ruleIds = Object.keys(rules) as RuleId[];
const ourRules = new Set<string>(ruleIds);
const docsDir = new URL('../docs/rules/', import.meta.url);

function page(id: string): string {
  return readFileSync(new URL(`${id}.md`, docsDir), 'utf8');
}

/** The first ```yaml block after a `## <heading>` line, before the next `## ` heading. */
function yamlBlockAfter(text: string, heading: string): string {
  const start = text.indexOf(`\n## ${heading}\n`);
  if (start < 0) throw new Error(`no "## ${heading}" section`);
  const rest = text.slice(start + heading.length + 5);
  const end = rest.search(/\n## /);
  const section = end < 0 ? rest : rest.slice(0, end);
  const blocks = [...section.matchAll(/```yaml\n([\s\S]*?)```/g)];
  if (blocks.length !== 1) throw new Error(`"## ${heading}" must hold exactly one yaml block, found ${blocks.length}`);
  return blocks[0][1];
}

/** A complete, minimal OpenAPI 3.1 document: `openapi`, `info` with title and version, `paths`. */
function expectCompleteOas31(source: string): void {
  const doc = parse(source) as Record<string, unknown>;
  expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
  expect(doc.info).toEqual(expect.objectContaining({ title: expect.any(String), version: expect.any(String) }));
  expect(doc.paths).toEqual(expect.any(Object));
}

/** Every rule, including those off by default (`recommended: false`), so each page can be checked. */
const ALL_RULES: RulesetDefinition = { extends: [[ruleset, 'all']] };

async function diagnostics(source: string) {
  const results = await lint(source, ALL_RULES);
  // Only our rules are loaded, so anything else is a parser or engine complaint about the example itself.
  expect(results.filter(r => !ourRules.has(String(r.code))).map(r => `${r.code}: ${r.message}`)).toEqual([]);
  for (const r of results) {
    expect(r.message.trim().length, `${r.code} message`).toBeGreaterThan(0);
    expect(r.message, `${r.code} message`).not.toContain('undefined');
  }
  return results;
}

/** Where each page's failing example is flagged, so a page cannot drift from what its rule reports. */
const FAILING_EXAMPLE_FINDINGS: Record<string, string[]> = {
  'auth-security-undocumented': [''],
  'auth-write-operation-unprotected': ['paths./orders.post.security'],
  'auth-read-operation-unprotected': ['paths./orders.get'],
  'auth-read-operation-public': ['paths./products.get.security'],
  'auth-security-scheme-undefined': ['security.0.BearerAuth'],
  'auth-oauth-scope-undefined': ['security.0.oauth.0'],
  'auth-scheme-weak': ['components.securitySchemes.basicAuth.scheme'],
  'auth-apikey-in-url': ['components.securitySchemes.apiKey.in'],
  'auth-oauth2-flow-deprecated': ['components.securitySchemes.oauth.flows.implicit'],
  'auth-oauth-url-insecure': ['components.securitySchemes.oauth.flows.authorizationCode.tokenUrl'],
  'auth-credentials-in-url': ['paths./orders.get.parameters.0'],
  'auth-authorization-header-parameter': ['paths./orders.get.parameters.0'],
  'auth-credential-parameter-undeclared': ['paths./orders.get.parameters.0'],
  'auth-unauthorized-response-undocumented': ['paths./orders.get.responses'],
  'auth-admin-operation-shared-security': ['security'],
  'auth-privileged-operation-unprotected': ['paths./users/{userId}/ban.post.security'],
  'auth-object-id-guessable': ['paths./orders/{orderId}.parameters.0'],
  'security-exemption-reason-missing': ['paths./status.get.x-api-security-exemptions.auth-read-operation-public'],
  'document-prototype-key': ['paths./users.post.requestBody.content.application/json.schema.properties.__proto__'],
  'transport-plain-http': ['servers.0.url'],
  'secret-leaked': ['components.schemas.DatabaseConnection.properties.uri.example'],
  'secret-high-entropy-value': ['components.schemas.OAuthClient.properties.client_secret.example'],
  'secret-test-key': ['info.description'],
  'rate-limit-429-missing-abuse-prone': ['paths./login.post.responses'],
  'rate-limit-429-missing-expensive': ['paths./products/search.get.responses'],
  'rate-limit-429-missing': ['paths'],
  'rate-limit-retry-after-missing': ['paths./orders.get.responses.429'],
  'rate-limit-headers-missing': ['paths'],
  'resource-string-unbounded': ['paths./orders.post.requestBody.content.application/json.schema.properties.note'],
  'resource-array-unbounded': ['paths./orders.post.requestBody.content.application/json.schema.properties.productIds'],
  'resource-number-unbounded': ['paths./maps/render.post.requestBody.content.application/json.schema.properties.zoom'],
  'resource-quantity-unbounded': ['paths./orders.post.requestBody.content.application/json.schema.properties.quantity'],
  'resource-input-untyped': ['paths./events.post.requestBody.content.application/json.schema.properties.payload'],
  'resource-map-unbounded': ['paths./orders.post.requestBody.content.application/json.schema.properties.metadata'],
  'resource-upload-unbounded': ['paths./documents.post.requestBody.content.multipart/form-data.schema.properties.file'],
  'resource-response-unbounded': ['paths./profile.get.responses.200.content.application/json.schema.properties.bio'],
  'resource-pagination-unbounded': ['paths./orders.get.parameters.0'],
  'data-credential-in-response': ['components.schemas.User.properties.password'],
  'data-personal-data-in-response': ['components.schemas.Customer.properties.ssn'],
  'data-internal-in-response': ['components.schemas.Customer.properties.internal_notes'],
  'data-personal-data-in-url': ['paths./customers.get.parameters.0'],
  'mass-assignment-privileged-property': ['components.schemas.User.properties.role'],
  'mass-assignment-open-schema': ['components.schemas.UserUpdate'],
  'data-error-details-leaked': ['components.schemas.Error.properties.stack'],
  'ssrf-url-input-unrestricted': ['paths./subscriptions.post.requestBody.content.application/json.schema.properties.callback_url'],
  'ssrf-redirect-target-unrestricted': ['paths./checkout/sessions.post.requestBody.content.application/json.schema.properties.success_url'],
  'webhook-verification-undocumented': ['webhooks.newPet'],
  'webhook-url-plain-http': ['paths./subscriptions.post.requestBody.content.application/json.schema.properties.callback_url.example'],
  'cors-credentials-any-origin': ['paths./me.get.responses.200.headers.Access-Control-Allow-Origin'],
  'headers-hsts-missing': ['servers'],
  'headers-cache-control-missing': ['paths./oauth/token.post.responses.200'],
  'auth-jwt-undocumented': ['components.securitySchemes.bearerAuth.bearerFormat'],
  'auth-oauth-refresh-undocumented': ['components.securitySchemes.oauth.flows.authorizationCode'],
  'inventory-server-non-production': ['servers.1.url'],
  'inventory-version-missing': ['info.version'],
  'inventory-deprecation-undocumented': ['paths./v1/orders.get.deprecated'],
  'inventory-internal-published': ['paths./admin/reindex.post.x-internal'],
};

/** Every `x-api-security-exemptions` map found anywhere in a parsed YAML fragment. */
function exemptionMaps(node: unknown): Array<Record<string, unknown>> {
  if (typeof node !== 'object' || node === null) return [];
  const own = (node as Record<string, unknown>)['x-api-security-exemptions'];
  const found = typeof own === 'object' && own !== null && !Array.isArray(own) ? [own as Record<string, unknown>] : [];
  return [...found, ...Object.values(node).flatMap(exemptionMaps)];
}

/**
 * A page's passing example must be clean for its own family (the rules whose id shares its first
 * word: auth, rate, resource, data, mass, secret, transport, ssrf, webhook), not for the whole ruleset: a page
 * about OAuth flows should not have to document rate limits and string lengths to stay focused.
 */
const family = (rule: string) => rule.split('-')[0];

describe('rule documentation', () => {
  it('covers every rule, and every page belongs to a rule', () => {
    const pages = readdirSync(docsDir).filter(f => f.endsWith('.md')).map(f => f.slice(0, -3)).sort();
    expect(pages).toEqual([...ruleIds].sort());
  });

  describe.each(ruleIds)('%s', id => {
    const rule = rules[id];

    it('says in this test where its failing example is flagged', () => {
      expect(FAILING_EXAMPLE_FINDINGS[id], `add ${id} to FAILING_EXAMPLE_FINDINGS`).toEqual(expect.arrayContaining([expect.any(String)]));
    });

    it('has a page, a matching documentationUrl, a description and an OWASP tag', () => {
      expect(existsSync(new URL(`${id}.md`, docsDir))).toBe(true);
      expect(rule.documentationUrl).toMatch(new RegExp(`/docs/rules/${id}\\.md$`));
      expect(rule.description?.trim().length ?? 0).toBeGreaterThan(0);
      const owasp = (rule.tags ?? []).filter(tag => /^OWASP API\d+:2023 \S/.test(tag));
      expect(owasp).toHaveLength(1);
    });

    it('page states the rule id, severity, OWASP category and formats, and has every section', () => {
      const text = page(id);
      expect(text.startsWith(`# ${id}\n`)).toBe(true);
      const [, summary = ''] = /\n(\*\*Severity:\*\*[^\n]*)\n/.exec(text) ?? [];
      expect(summary).toContain(`**Severity:** ${rule.severity} `);
      const owasp = (rule.tags ?? []).find(tag => tag.startsWith('OWASP '))!;
      expect(summary).toContain(`**OWASP:** ${owasp.slice('OWASP '.length)} `);
      expect(summary).toContain(`**Formats:** ${rule.formats.map(format => FORMAT_NAMES.get(format)).join(', ')}`);
      const headings = [...text.matchAll(/^## (.+)$/gm)].map(m => m[1]);
      expect(headings).toEqual(['Why it matters', 'What it flags', 'What it does not flag', 'Failing example', 'Passing example', 'Options', 'Exempting']);
      expect(text).toContain('x-api-security-exemptions');
    });

    it('failing example is a complete OpenAPI 3.1 document that the rule flags', async () => {
      const source = yamlBlockAfter(page(id), 'Failing example');
      expectCompleteOas31(source);
      const results = await diagnostics(source);
      expect(results.filter(r => r.code === id).length).toBeGreaterThanOrEqual(1);
      expect(results.filter(r => r.code === id).map(r => r.path.join('.'))).toEqual((FAILING_EXAMPLE_FINDINGS[id] ?? []));
    });

    it('a root exemption with a reason silences the failing example', async () => {
      const doc = parse(yamlBlockAfter(page(id), 'Failing example')) as Record<string, unknown>;
      const own = (doc['x-api-security-exemptions'] ?? {}) as Record<string, unknown>;
      doc['x-api-security-exemptions'] = { ...own, [id]: 'Accepted in this test: the page says root exemptions apply.' };
      const results = await diagnostics(stringify(doc));
      expect(results.filter(r => r.code === id).map(r => r.path.join('.'))).toEqual([]);
    });

    const schemeFinding = ((FAILING_EXAMPLE_FINDINGS[id] ?? [])[0] ?? '').startsWith('components.securitySchemes.');
    if (schemeFinding) it('scheme findings: an exemption on the scheme silences them, operation exemptions do not', async () => {
      const source = yamlBlockAfter(page(id), 'Failing example');
      const schemeName = (FAILING_EXAMPLE_FINDINGS[id] ?? [])[0].split('.')[2];
      const reason = 'Accepted in this test.';

      const onOperations = parse(source) as { paths: Record<string, Record<string, Record<string, unknown>>> };
      for (const item of Object.values(onOperations.paths)) {
        item['x-api-security-exemptions'] = { [id]: reason };
        for (const operation of Object.values(item)) operation['x-api-security-exemptions'] = { [id]: reason };
      }
      const stillFlagged = await diagnostics(stringify(onOperations));
      expect(stillFlagged.filter(r => r.code === id).map(r => r.path.join('.'))).toEqual((FAILING_EXAMPLE_FINDINGS[id] ?? []));

      const onScheme = parse(source) as { components: { securitySchemes: Record<string, Record<string, unknown>> } };
      onScheme.components.securitySchemes[schemeName]['x-api-security-exemptions'] = { [id]: reason };
      const exempted = await diagnostics(stringify(onScheme));
      expect(exempted.filter(r => r.code === id).map(r => r.path.join('.'))).toEqual([]);
    });

    it('Exempting section shows an exemption of this rule with a reason', () => {
      const text = page(id);
      const section = text.slice(text.indexOf('\n## Exempting\n'));
      const snippets = [...section.matchAll(/```yaml\n([\s\S]*?)```/g)].map(m => parse(m[1]));
      // security-exemption-reason-missing's own page shows the exemption in its passing example instead.
      const shown = id === 'security-exemption-reason-missing' ? [parse(yamlBlockAfter(text, 'Passing example'))] : snippets;
      const reasons = shown.flatMap(exemptionMaps).flatMap(map => Object.entries(map));
      expect(reasons.length).toBeGreaterThan(0);
      for (const [rule, reason] of reasons) {
        expect(ruleIds).toContain(rule);
        expect(typeof reason === 'string' && reason.trim().length > 0).toBe(true);
      }
      expect(reasons.map(([rule]) => rule)).toContain(id === 'security-exemption-reason-missing' ? 'auth-read-operation-public' : id);
    });

    it('passing example is a complete OpenAPI 3.1 document with no findings from its family', async () => {
      const source = yamlBlockAfter(page(id), 'Passing example');
      expectCompleteOas31(source);
      const results = await diagnostics(source);
      expect(results.filter(r => r.code === id).map(r => r.path.join('.'))).toEqual([]);
      expect(results.filter(r => family(String(r.code)) === family(id)).map(r => `${r.code} ${r.path.join('.')}`)).toEqual([]);
    });
  });
});
