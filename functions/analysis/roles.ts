// What an operation is for, judged from what its description names: the words of its literal
// path segments, its operationId and summary, its tags and the scopes it asks for. Rules that
// need to know whether an operation must be public (a sign-in), belongs to the caller (their
// own profile) or is for staff only read it from here, so they all agree.

import type { Analysis } from './analyse.js';
import { cachedPer, perDocument } from './cache.js';
import { compact, leadingWords, words } from './names.js';
import type { Operation } from './operations.js';
import { isTokenEndpoint, tokenUrlPaths } from './security.js';
import { READ_METHODS, SUBMIT_METHODS, WRITE_METHODS } from './spec.js';

export type OperationRole =
  /** Sign-in, sign-up, token issuance and refresh, password reset, OTP and verification checks, magic links: public by necessity. */
  | 'credential-entry'
  /** The caller's own account or profile (`/me`, `/user`, `/users/@me`, `/profile`, `/account`). */
  | 'self-service'
  /** For staff or administrators: admin areas, staff-only actions, role and member management, platform settings, catalogue writes, audit and debug data. */
  | 'privileged'
  /** Health, status, version, the description itself, `.well-known`: public by design, and holding nothing private. */
  | 'public-metadata'
  | 'ordinary';

export interface RoleJudgement {
  role: OperationRole;
  /** The name that decided it, as the vocabulary writes it (absent for `ordinary`). */
  because?: string;
  /**
   * Privileged by a name about running or configuring the platform (settings, plans, refunds,
   * products…), not by an admin area or people and their permissions: in an API with one kind
   * of caller, that is the caller's own business.
   */
  platformWide?: boolean;
}

/** The word lists the roles are judged by; each name is compared compacted (`sign-in` = `signIn` = `signin`). */
export interface RoleVocabulary {
  credentialEntryNames: readonly string[];
  selfServiceNames: readonly string[];
  adminMarkers: readonly string[];
  privilegedNames: readonly string[];
  publicMetadataNames: readonly string[];
}


/** Privileged names that make a read privileged too (what they return is for staff); the rest count on writes. */
const PRIVILEGED_READS: ReadonlySet<string> = new Set(['audit', 'auditlog', 'auditevent', 'debug', 'dump', 'exportall', 'impersonation']);

/** Path prefixes that version or mount an API, not name what an operation does. */
const MOUNT = /^(v\d{1,3}([._-]\d{1,3}){0,2}|api|apis|rest|\d{4}-\d{2}-\d{2})$/i;

/** Collections after which `me`, `self` or `current` name the caller (`/users/me`, `/users/@me`). */
const CALLER_COLLECTIONS: ReadonlySet<string> = new Set(['user', 'users', 'account', 'accounts', 'member', 'members', 'customer', 'customers', 'profile', 'profiles']);

/** Words after a marker that keep a tag about the marked area (`Admin API`, `Admin endpoints`). */
const GENERIC_TAG_WORDS: ReadonlySet<string> = new Set(['api', 'apis', 'endpoint', 'endpoints', 'operation', 'operations', 'tool', 'tools', 'panel', 'console', 'area', 'only']);

/** Words after a verb that keep an operationId or summary about the caller's own credentials (`loginUser`, "Sign in a user"). */
const SUBJECTS: ReadonlySet<string> = new Set(['user', 'users', 'account', 'accounts', 'customer', 'member', 'new', 'a', 'an', 'the', 'your', 'in', 'up', 'on', 'to', 'for', 'with', 'using', 'via', 'by', 'and', 'or', 'email', 'password', 'phone', 'code', 'otp', 'session']);

interface Sets {
  credentialEntry: Map<string, string>;
  selfService: Map<string, string>;
  adminMarkers: Map<string, string>;
  privileged: Map<string, string>;
  publicMetadata: Map<string, string>;
}

/** A name's compact form to the name as written, so a judgement can say which one it was. */
function lookup(names: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const name of names) {
    if (typeof name !== 'string') continue;
    const key = compact(name);
    if (key.length > 0 && !out.has(key)) out.set(key, name);
  }
  return out;
}

/** The name a candidate matches, as written or (unless `exact`) as a plain plural of it. */
function find(set: ReadonlyMap<string, string>, candidate: string, exact = false): string | undefined {
  if (candidate.length === 0) return undefined;
  return set.get(candidate) ?? (!exact && candidate.length > 3 && candidate.endsWith('s') ? set.get(candidate.slice(0, -1)) : undefined);
}

interface Shape {
  /** Segments after the mount prefix (`/v1`, `/api`), parameters included. */
  segments: string[];
  /** Of those, the literal ones. */
  literals: string[];
  /** The path ends with a parameter (`/users/{id}`): the operation addresses one object. */
  addressesObject: boolean;
  /** Any segment is a parameter. */
  hasParameters: boolean;
}

function shapeOf(pathKey: string): Shape {
  let segments = pathKey.split('/').filter(s => s.length > 0);
  while (segments.length > 0 && MOUNT.test(segments[0])) segments = segments.slice(1);
  const literals = segments.filter(s => !s.startsWith('{'));
  return { segments, literals, addressesObject: segments.length > 0 && segments[segments.length - 1].startsWith('{'), hasParameters: literals.length < segments.length };
}

/**
 * The words of a segment. Dotted segments (`internal.apiserver.k8s.io`, `example.com`) are
 * names, not phrases: none of their parts marks the operation.
 */
function segmentWords(segment: string): readonly string[] {
  return segment.includes('.') ? [] : words(segment);
}

/**
 * The vocabulary name an operationId or summary starts with, when the rest only says whose
 * credentials they are: `loginUser`, `resetPassword`, "Sign up a new account" — not
 * `registerWebhook` or "Verify a bank account".
 */
function leadingName(text: unknown, set: ReadonlyMap<string, string>): string | undefined {
  const list = leadingWords(text);
  for (let length = Math.min(3, list.length); length >= 1; length--) {
    const name = find(set, list.slice(0, length).join(''));
    if (name && list.slice(length).every(word => SUBJECTS.has(word))) return name;
  }
  return undefined;
}

/**
 * Whether a parameter addresses an object other than a tenant: a token issued under
 * `/app/installations/{installation_id}/access_tokens` or `/applications/{client_id}/token` is
 * issued to that object's authenticated owner, not to someone signing in.
 */
function underObject(shape: Shape): boolean {
  const { segments } = shape;
  for (let i = 1; i < segments.length; i++) {
    if (!segments[i].startsWith('{') || segments[i - 1].startsWith('{')) continue;
    if (find(SIGN_IN_SCOPES, compact(segments[i - 1])) === undefined) return true;
  }
  return false;
}

function isCredentialEntry(operation: Operation, shape: Shape, sets: Sets, tokenPaths: readonly string[]): string | undefined {
  // Credential entry submits something: reading a token (`GET /tokens/{id}`) is not signing in.
  if (!SUBMIT_METHODS.has(operation.method) || shape.addressesObject) return undefined;
  if (tokenPaths.length > 0 && isTokenEndpoint(operation.pathKey, tokenPaths)) return 'token';
  if (underObject(shape)) return undefined;
  const { literals } = shape;
  const last = literals[literals.length - 1];
  if (last !== undefined) {
    const single = find(sets.credentialEntry, compact(last));
    if (single) return single;
    if (literals.length > 1) {
      const pair = find(sets.credentialEntry, compact(`${literals[literals.length - 2]}-${last}`));
      if (pair) return pair;
    }
  }
  return leadingName(operation.node.operationId, sets.credentialEntry) ?? leadingName(operation.node.summary, sets.credentialEntry);
}

/** Where identity providers publish their signing keys (`/oauth2/keys`, `/openid/certs`): public by design. */
const KEY_SET_PARENTS: ReadonlySet<string> = new Set(['oauth', 'oauth2', 'openid', 'oidc', 'auth', 'identity', 'sso']);
const KEY_SETS: ReadonlySet<string> = new Set(['keys', 'certs', 'jwks']);

function isPublicMetadata(operation: Operation, shape: Shape, sets: Sets): string | undefined {
  if (!READ_METHODS.has(operation.method) || shape.literals.length === 0) return undefined;
  if (shape.literals[0].toLowerCase() === '.well-known') return '.well-known';
  if (shape.hasParameters) return undefined;
  const [parent, last] = shape.literals.slice(-2).map(segment => compact(segment.split('.')[0]));
  if (shape.literals.length === 2 && KEY_SET_PARENTS.has(parent) && KEY_SETS.has(last)) return 'key set';
  let name: string | undefined;
  for (const segment of shape.literals) {
    name = find(sets.publicMetadata, compact(segment.split('.')[0]));
    if (!name) return undefined;
  }
  return name;
}

function adminMarker(operation: Operation, shape: Shape, sets: Sets): string | undefined {
  // A segment marks an area by its first word (`/admin`, `/admin-users`, `/internal-tools`); a
  // later word names an attribute of something else (`enforce_admins`, `list_admins`).
  for (const segment of shape.literals) {
    const first = segmentWords(segment)[0];
    const marker = first === undefined ? undefined : find(sets.adminMarkers, first);
    if (marker) return marker;
  }
  // A tag names a group by its last word (`Enterprise admin`, `User management`), or by its first
  // before a generic one (`Admin API`); `internalApiserver` groups the API server's operations.
  for (const tag of operation.tags) {
    const list = words(tag);
    const head = list.length > 0 ? find(sets.adminMarkers, list[list.length - 1]) : undefined;
    if (head) return head;
    const lead = list.length > 1 && list.slice(1).every(word => GENERIC_TAG_WORDS.has(word)) ? find(sets.adminMarkers, list[0]) : undefined;
    if (lead) return lead;
  }
  for (const requirement of operation.security.requirements) {
    for (const entry of requirement.entries) {
      for (const scope of entry.scopes) {
        for (const word of words(scope)) {
          const marker = find(sets.adminMarkers, word);
          if (marker) return marker;
        }
      }
    }
  }
  return undefined;
}

/**
 * The caller's own resources: a first segment that names them (`/user/emails`, `/me`, `/account`;
 * not `/user/{username}`, which addresses anyone's), or `me`/`self` after a users or accounts
 * collection (`/users/@me/guilds`).
 */
function isSelfService(shape: Shape, sets: Sets): string | undefined {
  const { segments } = shape;
  if (segments.length === 0 || segments[0].startsWith('{')) return undefined;
  // Singular only: `/users` and `/accounts` are everyone's.
  const first = find(sets.selfService, compact(segments[0]), true);
  if (first && !(segments[1] ?? '').startsWith('{')) return first;
  for (let i = 1; i < segments.length; i++) {
    if (segments[i].startsWith('{') || !CALLER_COLLECTIONS.has(compact(segments[i - 1]))) continue;
    const name = find(sets.selfService, compact(segments[i]), true);
    if (name) return name;
  }
  return undefined;
}

/**
 * Whether a privileged name counts where it stands. Names about people and their permissions
 * count anywhere (`/guilds/{id}/roles`, `/users/{id}/ban`); membership and grants under a group
 * of people or a user (`/orgs/{org}/members`, not `/queues/{id}/members`, nor an OAuth app's
 * `/applications/{id}/grant`). Names about running or configuring something (settings,
 * maintenance, plans, refunds, products…) count platform- or tenant-wide: as the first segment
 * (`/settings`, `/refunds`) or right under a top-level tenant (`/orgs/{org}/settings`,
 * `/tenants/{id}/limits`); under another resource (`/databases/{id}/maintenance`,
 * `/repos/{owner}/{repo}/settings`) they are its owner configuring it.
 */
function countsHere(name: string, shape: Shape): boolean {
  const key = compact(name);
  const { literals } = shape;
  const parent = literals[literals.length - 2];
  if (PEOPLE_SCOPED.has(key)) return parent !== undefined && (find(GROUPS, compact(parent)) !== undefined || find(PEOPLE, compact(parent)) !== undefined);
  // Tenant-wide: the tenant collection is the first segment (`/orgs/{org}/settings`, not `/orgs/{org}/repos/{repo}/lock`).
  if (PLATFORM_SCOPED.has(key)) return literals.length === 1 || (literals.length === 2 && find(TENANTS, compact(literals[0])) !== undefined);
  return true;
}

function privilegedName(operation: Operation, shape: Shape, sets: Sets): string | undefined {
  const last = shape.literals[shape.literals.length - 1];
  const write = WRITE_METHODS.has(operation.method);
  if (last !== undefined && !last.includes('.')) {
    const name = find(sets.privileged, compact(last));
    if (name && countsHere(name, shape) && (write || PRIVILEGED_READS.has(compact(name)))) return name;
  }
  if (!write) return undefined;
  // A staff verb naming the operation: `banUser`, "Suspend an account".
  for (const text of [operation.node.operationId, operation.node.summary]) {
    const first = leadingWords(text)[0];
    const name = first === undefined ? undefined : sets.privileged.get(first);
    if (name && STAFF_VERBS.has(first as string)) return name;
  }
  return undefined;
}

/** Names privileged under a group of people or a user only (see `countsHere`). */
const PEOPLE_SCOPED: ReadonlySet<string> = new Set(['member', 'membership', 'collaborator', 'grant']);
/** Names privileged platform-wide only (see `countsHere`); names added by a team count anywhere. */
const PLATFORM_SCOPED: ReadonlySet<string> = new Set([
  'settings', 'config', 'configuration', 'limit', 'quota', 'plan', 'featureflag', 'billing', 'maintenance', 'backup', 'restore',
  'product', 'price', 'pricing', 'catalog', 'catalogue', 'sku', 'refund', 'payout', 'approve', 'approval', 'reject', 'lock', 'unlock', 'promote', 'demote',
]);
const names = (list: string[]): ReadonlyMap<string, string> => new Map(list.map(g => [g, g]));
/** Collections whose members are tenants or identity realms: signing in under one (`/realms/{realm}/…/token`) is still signing in. */
const SIGN_IN_SCOPES = names(['realm', 'tenant', 'org', 'organization', 'organisation', 'workspace', 'directory', 'pool', 'userpool', 'site', 'environment', 'enterprise', 'company']);
/** Collections of groups of people: what is configured under them is the whole group's. */
const GROUPS = names(['org', 'organization', 'organisation', 'team', 'group', 'project', 'workspace', 'tenant', 'guild', 'server', 'channel', 'space', 'company', 'account', 'repo', 'repository', 'community', 'household', 'family', 'enterprise']);
/** Collections of tenants: what is configured right under one is configured for everyone in it. */
const TENANTS = names(['org', 'organization', 'organisation', 'enterprise', 'workspace', 'tenant', 'company']);
/** Collections of people, under which a grant or membership is someone's. */
const PEOPLE = names(['user', 'member', 'role', 'principal', 'person', 'people', 'employee', 'staff']);

/** Privileged names that are verbs done to people, so they may also lead an operationId or summary (`banUser`, "Suspend an account"). */
const STAFF_VERBS: ReadonlySet<string> = new Set(['ban', 'unban', 'suspend', 'unsuspend', 'reinstate', 'impersonate']);

/** The role of one operation. `tokenPaths` are the paths of the description's own OAuth2 token URLs. */
export function operationRole(operation: Operation, vocabulary: RoleVocabulary, tokenPaths: readonly string[] = []): RoleJudgement {
  return judge(operation, setsOf(vocabulary), tokenPaths);
}

function setsOf(vocabulary: RoleVocabulary): Sets {
  return {
    credentialEntry: lookup(vocabulary.credentialEntryNames),
    selfService: lookup(vocabulary.selfServiceNames),
    adminMarkers: lookup(vocabulary.adminMarkers),
    privileged: lookup(vocabulary.privilegedNames),
    publicMetadata: lookup(vocabulary.publicMetadataNames),
  };
}

function judge(operation: Operation, sets: Sets, tokenPaths: readonly string[]): RoleJudgement {
  const shape = shapeOf(operation.pathKey);
  const found = (role: OperationRole, because: string | undefined): RoleJudgement | undefined => (because === undefined ? undefined : { role, because });
  return (
    found('public-metadata', isPublicMetadata(operation, shape, sets)) ??
    found('credential-entry', isCredentialEntry(operation, shape, sets, tokenPaths)) ??
    found('privileged', adminMarker(operation, shape, sets)) ??
    found('self-service', isSelfService(shape, sets)) ??
    platform(found('privileged', privilegedName(operation, shape, sets))) ?? { role: 'ordinary' }
  );
}

function platform(judgement: RoleJudgement | undefined): RoleJudgement | undefined {
  return judgement?.because !== undefined && PLATFORM_SCOPED.has(compact(judgement.because)) ? { ...judgement, platformWide: true } : judgement;
}

const cachedRoles = perDocument<Map<Operation, RoleJudgement>>();

/** A rule judges all its targets with one options object: its vocabulary is written out once. */
const vocabularyKey = cachedPer<RoleVocabulary, string>(vocabulary =>
  JSON.stringify([vocabulary.credentialEntryNames, vocabulary.selfServiceNames, vocabulary.adminMarkers, vocabulary.privilegedNames, vocabulary.publicMetadataNames]),
);

/** The role of every operation of the document, judged once per vocabulary and shared by the rules that read it. */
export function operationRoles(analysis: Analysis, vocabulary: RoleVocabulary): ReadonlyMap<Operation, RoleJudgement> {
  const key = vocabularyKey(vocabulary);
  return cachedRoles(analysis, key, () => {
    const sets = setsOf(vocabulary);
    const tokenPaths = tokenUrlPaths(analysis.schemes);
    const out = new Map<Operation, RoleJudgement>();
    for (const operation of analysis.operations) out.set(operation, judge(operation, sets, tokenPaths));
    return out;
  });
}
