import {
  audienceOf, describedAsExternal, documentMarkedInternal, environmentWordSet, hostEnvironment, internalMarkerMatcher, isPublicTestServer, serverEntries, serverHost, serverUrls,
  type Environment, type JsonPath, type ServerEntry, type ServerUrl, valueNamesEnvironment,
} from '../analysis/index.js';
import { defaultLists } from '../core/defaults.js';
import { quoteUrl } from '../core/message.js';
import { analysisFunction, objectOptions, stringList, type Finding } from '../core/rule-function.js';

export interface ServerNonProductionOptions {
  /** Host label words that name a non-production environment (`staging`, `dev`, `qa`…), matched whole. */
  nonProductionHostWords: string[];
  /** Extensions (and values) that mark a server, path or operation internal: `x-internal`, `x-audience=company-internal`. */
  internalMarkers: string[];
}

function because(environment: Environment): string {
  switch (environment.kind) {
    case 'word':
      return `its host names the "${environment.word}" environment`;
    case 'loopback':
      return 'its host is a loopback address, the reader\'s own machine';
    case 'private-ip':
      return 'its host is a private network address';
    case 'private-domain':
      return `its host is on a private network, where \`${environment.tld}\` names resolve`;
  }
}

/** The variables written in the host (and port) of a URL template (`{env}` of `{scheme}://{env}.example.com/v1`), or every variable when it has no `://`. */
function templateHostVariables(template: string): Set<string> {
  const start = template.indexOf('://');
  const rest = start < 0 ? template : template.slice(start + 3);
  const end = start < 0 ? rest.length : rest.search(/[/?#]/);
  const authority = rest.slice(0, end < 0 ? rest.length : end);
  return new Set([...authority.matchAll(/\{([^{}]{1,128})\}/g)].map(m => m[1]));
}

type Value = ServerUrl['values'][number];

/**
 * The variable value to blame for a non-production URL: of the host's variables, one whose value
 * makes every URL it appears in non-production (`uat` of `{region}.{environment}`, not the region
 * beside it), preferring a value that names an environment or a local address by itself
 * (`localhost:3000` of `{scheme}://{host}`, not the scheme). Reviewers and exemptions go to the
 * reported value, so it must be the one that changes the verdict.
 */
function blame(values: readonly Value[], hostVariables: ReadonlySet<string>, alwaysNonProduction: (v: Value) => boolean, environmentWords: ReadonlySet<string>): Value | undefined {
  const inHost = values.filter(v => hostVariables.has(v.variable));
  if (inHost.length === 0) return values[0];
  const decisive = inHost.filter(alwaysNonProduction);
  const candidates = decisive.length > 0 ? decisive : inHost;
  return candidates.find(v => valueNamesEnvironment(v.value, environmentWords)) ?? candidates[0];
}

interface Judged {
  server: ServerEntry;
  /** Production URLs this server stands for. */
  production: string[];
  /** Non-production URLs, with why and where the value that makes them so is written. */
  nonProduction: Array<{ url: string; environment: Environment; path: JsonPath; variable?: string; value?: string }>;
}

/**
 * Non-production servers (staging, dev, test, QA, internal and local hosts, private addresses)
 * listed in a description that also lists production, without an internal or audience marker
 * (OWASP API9). Swagger 2.0 has one `host`: nothing to compare.
 */
export const serverNonProduction = analysisFunction<ServerNonProductionOptions>(
  'serverNonProduction',
  objectOptions({
    nonProductionHostWords: stringList('Host label words that name a non-production environment, matched whole.'),
    internalMarkers: stringList('Extensions that mark an element internal: `x-internal` (true) or `x-audience=company-internal` (that value).'),
  }),
  defaultLists('nonProductionHostWords', 'internalMarkers'),
  function* ({ analysis, options }): Iterable<Finding> {
    const { root } = analysis;
    const isInternal = internalMarkerMatcher(options.internalMarkers);
    if (documentMarkedInternal(root, isInternal)) return;
    const environmentWords = environmentWordSet(options.nonProductionHostWords);
    const judged: Judged[] = [];
    for (const server of serverEntries(root, analysis.version, analysis.operations)) {
      const entry: Judged = { server, production: [], nonProduction: [] };
      const template = String(server.node.url);
      const literalEnvironment = hostEnvironment(serverHost(template) ?? '', environmentWords);
      const hostVariables = templateHostVariables(template);
      const urls = serverUrls(server.node, server.path).map(u => {
        const host = serverHost(u.url);
        return { ...u, host, environment: host === undefined ? undefined : hostEnvironment(host, environmentWords) };
      });
      const key = (v: Value) => JSON.stringify(v.path);
      const production = new Set<string>();
      for (const u of urls) if (u.host !== undefined && !u.environment) for (const v of u.values) production.add(key(v));
      for (const { url, values, host, environment } of urls) {
        if (host === undefined) continue;
        if (!environment) {
          // A sandbox or mock offered to integrators is neither production nor reported.
          if (!isPublicTestServer(url)) entry.production.push(url);
          continue;
        }
        // Blame the variable value that makes the host non-production when the template's own host does not.
        const blamed = literalEnvironment ? undefined : blame(values, hostVariables, v => !production.has(key(v)), environmentWords);
        entry.nonProduction.push({ url, environment, path: blamed?.path ?? [...server.path, 'url'], variable: blamed?.variable, value: blamed?.value });
      }
      judged.push(entry);
    }
    const production = judged.flatMap(j => j.production);
    if (production.length === 0) return;
    for (const { server, nonProduction } of judged) {
      // The team has said who this server is for.
      if (isInternal(server.node) || audienceOf(server.node) !== undefined) continue;
      const external = describedAsExternal(server.node);
      const reported = new Set<string>();
      for (const found of nonProduction) {
        // A test environment described as offered to customers is published on purpose; a loopback
        // or private address is reachable by no customer, whatever the description says.
        if (external && found.environment.kind === 'word') continue;
        const key = JSON.stringify(found.path);
        if (reported.has(key)) continue;
        reported.add(key);
        const what = found.variable !== undefined
          ? `Server variable "${found.variable}" offers ${quoteUrl(found.value ?? '')}, which makes ${quoteUrl(found.url)} a non-production server`
          : `Server ${quoteUrl(found.url)} is a non-production server`;
        yield {
          message: `${what}: ${because(found.environment)}, and the description also lists production servers. Non-production environments are often less protected, hold copies of real data and drop out of the inventory: remove it from the published description, or mark the server \`x-internal: true\` (stripped before publishing), or state who it is for (\`x-audience: external-public\`, or a description that offers it to customers).`,
          path: found.path,
          operation: server.operation,
          exemptIn: server.operation ? undefined : server.pathItem,
        };
      }
    }
  },
);
