import {
  allOfMembers,
  compact,
  compactSet,
  declaringSchema,
  deref,
  entries,
  isExempt,
  isObject,
  isSearch,
  hasStatusSubresource,
  lastSegmentNamed,
  lastSegmentWord,
  operationRoles,
  schemaGraph,
  schemaTypes,
  pushSubschemas,
  vocabularyMatcher,
  walkBodyShapes,
  words,
  type Analysis,
  type Operation,
  type RoleJudgement,
  type VocabularyMatch,
  type JsonObject,
  type JsonPath,
  type Located,
  type Members,
  type UseContext,
} from '../analysis/index.js';
import { defaultLists, ROLE_LIST_NAMES } from '../core/defaults.js';
import { quote } from '../core/message.js';
import { analysisFunction, objectOptions, roleOptionSchemas, stringList, type Finding } from '../core/rule-function.js';

export type MassAssignmentOptions = Record<(typeof ROLE_LIST_NAMES)[number], string[]> & {
  /**
   * Property names a client must not set, compared by the words a name ends with (`role`
   * matches `userRole`, not `roleName`; `owner_id` matches `ownerUserId`).
   */
  privilegedPropertyNames: string[];
  /** Of those names, those judged only at the top level of a POST body (the resource's own `id` on create). */
  createOnlyNames: string[];
  /** Of those names, those judged only when numeric and in an order, cart or checkout schema (a price). */
  orderOnlyNames: string[];
  /** Words that mark a schema or path as an order (`Order`, `CartItem`, `/checkout`). */
  orderMarkers: string[];
  /** Of those names, those judged only in a schema, path or name about a server-driven workflow (a `status` or `state`). */
  workflowOnlyNames: string[];
  /** Words that mark a schema, path or property name as a server-driven workflow (`Order`, `PaymentIntent`, `/claims`, `reviewState`). */
  workflowMarkers: string[];
  /** Of those names, those judged only in PUT and PATCH bodies (an owner or tenant id: chosen on create, moved by no one after). */
  updateOnlyNames: string[];
  /** Of those names, those judged only on a principal (a user, account or member): elsewhere roles and scopes are an access list its managers set (an admin flag means the same everywhere). */
  principalOnlyNames: string[];
  /** Words that make a schema name or last path segment a principal (`User`, `/me`), and the credential-entry names of a sign-up. */
  principalMarkers: string[];
  /** Of those names, those judged only when numeric (an amount, not a balance's settings object or a credit's id). */
  numericOnlyNames: string[];
  /** Qualifiers that turn a name into a criterion, a setting or a reference (`exempt_roles`, `default_member_permissions`, `add_scopes`, `trial_from_plan`). */
  settingQualifiers: string[];
  /** Last literal path segments (singular; plurals count) whose bodies assign roles or access by purpose (`/users/{id}/roles`). */
  assignmentSegments: string[];
  /** Words that make a body search criteria: the last word of the last literal segment, or the first of the operationId or summary. */
  searchWords: string[];
  /** Methods whose request bodies are judged. */
  methods: string[];
  /**
   * `false` (default): every request body of the judged operations. `true`: only properties
   * declared in a schema that responses return too (the resource's representation reused as
   * input); dedicated input schemas are then left alone.
   */
  sharedOnly: boolean;
};


const DEFAULTS: MassAssignmentOptions = {
  ...defaultLists('privilegedPropertyNames', ...ROLE_LIST_NAMES),
  createOnlyNames: ['id'],
  orderOnlyNames: ['price', 'unit_price', 'total_price', 'total', 'total_amount', 'subtotal', 'discount', 'discount_amount'],
  orderMarkers: ['order', 'orders', 'cart', 'carts', 'checkout', 'checkouts', 'basket', 'baskets'],
  workflowOnlyNames: ['status', 'state'],
  workflowMarkers: [
    'order', 'orders', 'payment', 'payments', 'claim', 'claims', 'review', 'reviews', 'approval', 'approvals', 'refund', 'refunds',
    'invoice', 'invoices', 'payout', 'payouts', 'dispute', 'disputes', 'withdrawal', 'withdrawals', 'kyc', 'moderation',
  ],
  updateOnlyNames: ['owner_id', 'creator_id', 'author_id', 'tenant_id', 'org_id', 'organization_id'],
  principalOnlyNames: ['role', 'roles', 'role_id', 'role_ids', 'permissions', 'privileges', 'scopes', 'groups'],
  principalMarkers: [
    'user', 'account', 'member', 'customer', 'profile', 'person', 'people', 'employee', 'principal', 'identity', 'subscriber', 'me', 'self', 'myself', 'whoami',
    'register', 'registration', 'sign_up',
  ],
  numericOnlyNames: ['balance', 'credit', 'credits', 'loyalty_points', 'reward_points', 'quota'],
  settingQualifiers: [
    'include', 'exclude', 'exempt', 'default', 'add', 'remove', 'allow', 'allowed', 'deny', 'denied', 'lock', 'required', 'requested',
    'min', 'max', 'minimum', 'maximum', 'filter',
    // A name that ends in a prepositional phrase points at the thing: `trial_from_plan`, `discount_for_role`.
    'from', 'for', 'of', 'to', 'per', 'with', 'without', 'by', 'in', 'on',
  ],
  assignmentSegments: ['role', 'permission', 'member', 'membership', 'grant', 'scope', 'collaborator', 'invitation', 'invite', 'role_binding', 'role_assignment', 'group_mapping'],
  searchWords: ['search', 'query', 'filter', 'find', 'list'],
  methods: ['post', 'put', 'patch'],
  sharedOnly: false,
};

/**
 * What an operation writes, by its path and role: a principal, a workflow, an order, a new
 * resource (a POST to a collection), or the caller's own (a sign-up, their profile).
 */
type Written = 'principal' | 'workflow' | 'order' | 'create' | 'own';

interface Reached {
  name: string;
  match: VocabularyMatch;
  declaration: JsonPath;
  declared: JsonObject;
  value: Located;
  /** The schema (or `allOf` member) that declares it. */
  owner: JsonObject;
  /**
   * What the judged operations that reach it write, by their paths: a principal or a workflow
   * (those that declare it at their top level), an order (any that reach it).
   */
  writes: Set<Written>;
  /** Methods of the judged operations whose bodies reach the property anywhere. */
  methods: Set<string>;
  /** Methods of those that declare it at their top level (the body schema, its `allOf` members, alternatives or array items). */
  topLevel: Set<string>;
}

/** The vocabulary and its classes, compacted once per call. */
interface Vocabulary {
  match: (name: string) => VocabularyMatch | undefined;
  createOnly: ReadonlySet<string>;
  orderOnly: ReadonlySet<string>;
  workflowOnly: ReadonlySet<string>;
  updateOnly: ReadonlySet<string>;
  principalOnly: ReadonlySet<string>;
  numericOnly: ReadonlySet<string>;
  settingQualifiers: ReadonlySet<string>;
  principalMarkers: ReadonlySet<string>;
  workflowMarkers: ReadonlySet<string>;
  orderMarkers: ReadonlySet<string>;
}

/**
 * Schema nodes walked for one request body: a bound for hostile documents, per body so one huge
 * body cannot use up the walk of the others (each node is walked once per method and level
 * anyway, so the document as a whole stays linear).
 */
export const MAX_VISITS_PER_BODY = 200_000;

function isReadOnly(root: unknown, declared: JsonObject, value: Located, cache: Map<JsonObject, Members>): boolean {
  if (declared.readOnly === true) return true;
  return isObject(value.node) && allOfMembers(root, value as Located<JsonObject>, cache).some(m => m.node.readOnly === true);
}

/** Names that some member of a composed schema declares `readOnly`: read-only in the whole composition, as JSON Schema collects annotations from every `allOf` member. */
function readOnlyNames(root: unknown, members: Members, cache: Map<JsonObject, Members>): Set<string> {
  const out = new Set<string>();
  for (const member of members) {
    for (const [name, raw] of entries(member.node.properties)) {
      if (isObject(raw) && isReadOnly(root, raw, deref(root, raw, [...member.path, 'properties', name]), cache)) out.add(name);
    }
  }
  return out;
}

/**
 * The body schema's top-level shapes: the schema itself, the items of a top-level array (bulk
 * create) and the alternatives of a top-level `oneOf`/`anyOf`, each with its `allOf` members.
 */
function topLevelShapes(root: unknown, body: Located, cache: Map<JsonObject, Members>): Members {
  const out: Members = [];
  walkBodyShapes(root, body, cache, (_site, members) => {
    out.push(...members);
    return true;
  });
  return out;
}

const lower = (list: readonly string[]) => new Set(list.map(m => String(m).toLowerCase()));

/**
 * Operations whose request bodies are judged: writes by clients, not webhook requests (the API
 * sends those), nor bodies that set roles, access or states by purpose — staff operations
 * (docs/roles.md), role and membership assignment, search criteria.
 */
function judgedOperations(analysis: Analysis, options: MassAssignmentOptions, roles: ReadonlyMap<Operation, RoleJudgement>): Operation[] {
  const methods = lower(options.methods);
  const assignment = compactSet(options.assignmentSegments);
  const search = lower(options.searchWords);
  return analysis.operations.filter(
    operation =>
      operation.container === 'paths' &&
      methods.has(operation.method) &&
      roles.get(operation)?.role !== 'privileged' &&
      !lastSegmentNamed(operation.pathKey, assignment) &&
      !isSearch(operation, search),
  );
}

/** The vocabulary entry a property name matches, where it can count: the id on create is the whole name `id`, never `userId`. */
function matchName(vocabulary: Vocabulary, name: string): VocabularyMatch | undefined {
  const match = vocabulary.match(name);
  if (!match || match.qualifiers.some(word => vocabulary.settingQualifiers.has(word))) return undefined;
  return match.whole || !vocabulary.createOnly.has(match.entry) ? match : undefined;
}

/**
 * Whether the operation writes a principal: a path that ends with one (`/users`, `/me`,
 * `/account`; not `/user/emails`), or a credential entry named for a sign-up (not a token
 * request, whose scopes are what the caller asks for).
 */
function writesPrincipal(operation: Operation, role: RoleJudgement | undefined, markers: ReadonlySet<string>): boolean {
  if (role?.role === 'credential-entry' && role.because !== undefined && markers.has(compact(role.because))) return true;
  const last = lastSegmentWord(operation.pathKey);
  return last !== undefined && markers.has(last);
}

/**
 * Walks the request bodies of the judged operations and collects the privileged properties a
 * client can send. The walk does not descend into a privileged property (a server-managed
 * `status` object is reported once, not with every field inside it) nor into `readOnly` ones.
 * A `status` that a `/status` sub-resource writes is not collected from the main resource.
 */
function reachPrivileged(analysis: Analysis, operations: readonly Operation[], vocabulary: Vocabulary, roles: ReadonlyMap<Operation, RoleJudgement>): Map<string, Reached> {
  const root = analysis.root;
  const cache = new Map<JsonObject, Members>();
  const reached = new Map<string, Reached>();
  const marks = new Map<JsonObject, Set<string>>();

  const record = (found: Omit<Reached, 'methods' | 'topLevel' | 'writes'>, method: string, topLevel: boolean, writes: ReadonlySet<Written>) => {
    const key = JSON.stringify(found.declaration);
    let entry = reached.get(key);
    if (!entry) {
      entry = { ...found, writes: new Set(), methods: new Set(), topLevel: new Set() };
      reached.set(key, entry);
    }
    entry.methods.add(method);
    if (topLevel) entry.topLevel.add(method);
    for (const written of writes) if (topLevel || written === 'order') entry.writes.add(written);
  };

  for (const operation of operations) {
    const statusWrittenElsewhere = hasStatusSubresource(analysis, operation);
    const writes = new Set<Written>();
    if (writesPrincipal(operation, roles.get(operation), vocabulary.principalMarkers)) writes.add('principal');
    if (namedWith([operation.pathKey], vocabulary.workflowMarkers)) writes.add('workflow');
    if (namedWith([operation.pathKey], vocabulary.orderMarkers)) writes.add('order');
    if (operation.method === 'post' && !operation.pathKey.slice(operation.pathKey.lastIndexOf('/') + 1).includes('{')) writes.add('create');
    const role = roles.get(operation)?.role;
    if (role === 'credential-entry' || role === 'self-service') writes.add('own');
    const kind = [statusWrittenElsewhere, ...writes].join(',');
    for (const body of operation.requestSchemas) {
      const top = new Set(topLevelShapes(root, body, cache).map(m => m.node));
      const stack: Located[] = [body];
      let visits = 0;
      while (stack.length > 0 && visits < MAX_VISITS_PER_BODY) {
        const at = stack.pop()!;
        if (!isObject(at.node)) continue;
        const isTop = top.has(at.node);
        // A node is walked once per method, level and kind of operation, whatever reaches it.
        const visitKey = `${operation.method}|${isTop}|${kind}`;
        let seen = marks.get(at.node);
        if (!seen) marks.set(at.node, (seen = new Set()));
        if (seen.has(visitKey)) continue;
        seen.add(visitKey);
        visits++;
        const members = allOfMembers(root, at as Located<JsonObject>, cache);
        const readOnlyHere = members.length > 1 ? readOnlyNames(root, members, cache) : undefined;
        for (const member of members) {
          const memberTop = isTop || top.has(member.node);
          for (const [name, raw] of entries(member.node.properties)) {
            if (!isObject(raw)) continue;
            const declaration = [...member.path, 'properties', name];
            const value = deref(root, raw, declaration);
            if (readOnlyHere?.has(name) || isReadOnly(root, raw, value, cache)) continue;
            const match = matchName(vocabulary, name);
            if (match) {
              if (!(statusWrittenElsewhere && match.whole && match.entry === 'status')) {
                record({ name, match, declaration, declared: raw, value, owner: member.node }, operation.method, memberTop, writes);
              }
              continue;
            }
            stack.push(value);
          }
          pushSubschemas(root, member, stack);
        }
      }
    }
  }
  return reached;
}

function isNumeric(root: unknown, value: Located, cache: Map<JsonObject, Members>): boolean {
  if (!isObject(value.node)) return false;
  return allOfMembers(root, value as Located<JsonObject>, cache).some(({ node }) => {
    const types = schemaTypes(node);
    if (types.includes('number') || types.includes('integer')) return true;
    return types.includes('string') && typeof node.format === 'string' && ['decimal', 'double', 'float', 'money', 'currency'].includes(node.format.toLowerCase());
  });
}

/**
 * Whether the declaration is in a schema or path named with one of the markers (an order, a
 * payment): the words of its segments, parameters and property names aside (a `cart` object in
 * a display command is not an order). A dotted schema name (`io.k8s.api.apps.v1.Deployment`)
 * counts by its last part, the type's own name.
 */
function namedWith(declaration: JsonPath, markers: ReadonlySet<string>): boolean {
  return declaration.some(
    (segment, i) =>
      typeof segment === 'string' &&
      declaration[i - 1] !== 'properties' &&
      !segment.startsWith('{') &&
      segment.split('/').some(part => !part.startsWith('{') && words(part.slice(part.lastIndexOf('.') + 1)).some(word => markers.has(word))),
  );
}

/** Whether a component schema's name (its last dotted part) has one of the words, plural folded. */
function schemaNamed(declaration: JsonPath, markers: ReadonlySet<string>): boolean {
  const name = declaration[0] === 'definitions' ? declaration[1] : declaration[0] === 'components' && declaration[1] === 'schemas' ? declaration[2] : undefined;
  if (typeof name !== 'string') return false;
  return words(name.slice(name.lastIndexOf('.') + 1)).some(word => markers.has(word) || (word.length > 3 && word.endsWith('s') && markers.has(word.slice(0, -1))));
}

/**
 * A status or state that a workflow decides: named for one (an order, a payment, `reviewState`),
 * and not the observed state of a declarative resource (beside a `spec`, or in an object with its
 * own `apiVersion` and `kind`), which servers of that convention (Kubernetes and its kin) ignore
 * on writes.
 */
function isWorkflowState(reached: Reached, markers: ReadonlySet<string>): boolean {
  const siblings = isObject(reached.owner.properties) ? reached.owner.properties : {};
  if ('spec' in siblings || ('apiVersion' in siblings && 'kind' in siblings)) return false;
  return reached.writes.has('workflow') || words(reached.name).some(word => markers.has(word)) || namedWith(reached.declaration, markers);
}

/** Why a reached property counts, and for which methods; undefined when it does not count where it is. */
function judge(reached: Reached, vocabulary: Vocabulary, shared: boolean, root: unknown, cache: Map<JsonObject, Members>): { why: string; methods: ReadonlySet<string> } | undefined {
  const { entry } = reached.match;
  if (vocabulary.orderOnly.has(entry)) {
    // A price is judged wherever the order carries it (line items are nested).
    if (!isNumeric(root, reached.value, cache) || !(reached.writes.has('order') || namedWith(reached.declaration, vocabulary.orderMarkers))) return undefined;
    return { why: 'a price on an order, which the server must compute from its catalogue', methods: reached.methods };
  }
  if (vocabulary.createOnly.has(entry)) {
    return reached.topLevel.has('post') ? { why: "the resource's own id, which the server assigns on create", methods: new Set(['post']) } : undefined;
  }
  // The resource's own fields: nested objects are sub-configurations (an SELinux `role`, a quota's `scopes`).
  let methods: ReadonlySet<string> = reached.topLevel;
  if (vocabulary.updateOnly.has(entry)) methods = new Set([...methods].filter(m => m !== 'post'));
  if (methods.size === 0) return undefined;
  // Balances and states are moved by whoever manages the resource, through inputs written for
  // it (a merchant crediting a customer, a user cancelling their order): in a dedicated input
  // they are the client's only on a sign-up or the caller's own profile, and a state on create.
  const own = shared || reached.writes.has('own');
  if (vocabulary.numericOnly.has(entry) && !(own && isNumeric(root, reached.value, cache))) return undefined;
  // Roles on an emoji or a command are who may use it, set by its managers; on a user they are the user's authority.
  if (vocabulary.principalOnly.has(entry) && !reached.writes.has('principal') && !schemaNamed(reached.declaration, vocabulary.principalMarkers)) return undefined;
  if (vocabulary.workflowOnly.has(entry) && !((own || reached.writes.has('create')) && isWorkflowState(reached, vocabulary.workflowMarkers))) return undefined;
  return { why: 'a privileged or server-managed property', methods };
}

/**
 * Mass assignment (OWASP API3): a request body that lets the client set a privileged or
 * server-managed property (role, isAdmin, balance, an order's status, ownerId, createdAt, …)
 * that is not `readOnly`. Reported once, where the property is declared.
 */
export const massAssignment = analysisFunction<MassAssignmentOptions>(
  'massAssignment',
  objectOptions({
    privilegedPropertyNames: stringList('Property names a client must not set, matched by the words a name ends with.'),
    createOnlyNames: stringList('Of names, those judged only as the whole name at the top level of a POST body of a shared schema.'),
    orderOnlyNames: stringList('Of names, those judged only when numeric and in an order, cart or checkout schema.'),
    orderMarkers: stringList('Words that mark a schema or path as an order.'),
    workflowOnlyNames: stringList('Of names, those judged only in a schema, path or name about a server-driven workflow.'),
    workflowMarkers: stringList('Words that mark a schema, path or property name as a server-driven workflow.'),
    updateOnlyNames: stringList('Of names, those judged only in PUT and PATCH bodies.'),
    principalOnlyNames: stringList('Of names, those judged only on a principal (a user, account or member).'),
    principalMarkers: stringList('Words that make a schema name or last path segment a principal.'),
    numericOnlyNames: stringList('Of names, those judged only when numeric.'),
    settingQualifiers: stringList('Qualifiers that turn a name into a criterion or a setting.'),
    assignmentSegments: stringList('Last literal path segments whose bodies assign roles or access by purpose.'),
    searchWords: stringList('Words that make a body search criteria.'),
    methods: stringList('Methods whose request bodies are judged.'),
    sharedOnly: { type: 'boolean' },
    ...roleOptionSchemas(),
  }),
  DEFAULTS,
  function* ({ analysis, options, rule }): Iterable<Finding> {
    if (options.privilegedPropertyNames.length === 0) return;
    const vocabulary: Vocabulary = {
      match: vocabularyMatcher(options.privilegedPropertyNames),
      createOnly: compactSet(options.createOnlyNames),
      orderOnly: compactSet(options.orderOnlyNames),
      workflowOnly: compactSet(options.workflowOnlyNames),
      updateOnly: compactSet(options.updateOnlyNames),
      principalOnly: compactSet(options.principalOnlyNames),
      numericOnly: compactSet(options.numericOnlyNames),
      settingQualifiers: lower(options.settingQualifiers),
      principalMarkers: compactSet(options.principalMarkers),
      workflowMarkers: lower(options.workflowMarkers),
      orderMarkers: lower(options.orderMarkers),
    };
    const roles = operationRoles(analysis, options);
    const graph = schemaGraph(analysis);
    const cache = new Map<JsonObject, Members>();

    for (const reached of reachPrivileged(analysis, judgedOperations(analysis, options, roles), vocabulary, roles).values()) {
      const contexts = [...(graph.propertyAt(reached.declaration)?.contexts ?? [])];
      const shared = contexts.some(c => c.direction === 'response' && !c.errorResponse);
      const judged = judge(reached, vocabulary, shared, analysis.root, cache);
      if (!judged) continue;
      // The resource's server-assigned id is only its own in the representation responses return.
      const sharedOnly = options.sharedOnly || vocabulary.createOnly.has(reached.match.entry);
      if (sharedOnly && !vocabulary.orderOnly.has(reached.match.entry) && !shared) continue;
      if (isExempt(analysis, rule, undefined, reached.declared)) continue;
      const uses: UseContext[] = contexts.filter(c => c.direction === 'request' && judged.methods.has(c.method));
      yield {
        message: `Property ${quote(reached.name)} can be set by clients in request bodies, yet it is ${judged.why}: mark it \`readOnly: true\` or use a separate input schema without it.`,
        path: reached.declaration,
        exemptIn: declaringSchema(analysis.root, reached.declaration),
        uses: uses.length > 0 ? uses : undefined,
      };
    }
  },
);
