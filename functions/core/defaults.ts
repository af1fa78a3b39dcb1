// Every word list the ruleset is configured with, under the one name it has everywhere: the
// `createRuleset` option, the function option of the rules it feeds, and the key here. A team
// changes a list with `{ add, remove }` (see rulesets/options.ts); nothing else holds a default.

export const DEFAULT_LISTS = {
  // Authentication and authorization
  /**
   * Whole names only: `page_token` and `next_token` are pagination cursors, not credentials,
   * so matching on any word "token" would flood real APIs with false positives.
   */
  credentialParameterNames: [
    'token', 'access_token', 'accessToken', 'auth_token', 'id_token', 'refresh_token', 'bearer', 'jwt',
    'api_key', 'apikey', 'api_token', 'x-api-key', 'access_key', 'secret_key',
    'password', 'passwd', 'secret', 'client_secret', 'private_key', 'session_id', 'session_token',
  ],
  /**
   * Header and cookie parameters that carry credentials (`auth-credential-parameter-undeclared`),
   * compared without case or separators, a leading `X-` ignored: `X-Api-Key` = `api-key` = `apikey`.
   * A name of two words or more ending in key, token or secret also matches after a vendor's
   * prefix (`X-RapidAPI-Key`, `Ocp-Apim-Subscription-Key`, `X-Shopify-Access-Token`).
   */
  credentialHeaderNames: [
    'token', 'access_token', 'auth_token', 'api_key', 'api_token', 'api_secret', 'access_key', 'secret_key', 'auth_key',
    'subscription_key', 'private_token', 'session_token', 'id_token', 'refresh_token', 'jwt',
    'password', 'secret', 'client_secret', 'authorization',
  ],
  /**
   * Cookies that hold a session (`auth-credential-parameter-undeclared`), with the header names
   * above. Cookies only: a session id in a header is as often a guest cart or a load balancer's
   * affinity key. A name ending in `session` also matches after a prefix (`laravel_session`).
   */
  sessionCookieNames: ['session', 'session_id', 'sid', 'connect.sid', 'JSESSIONID', 'PHPSESSID', 'ASP.NET_SessionId', '.ASPXAUTH'],
  /** Words that mark a path segment or tag as administrative (`auth-admin-operation-shared-security`). */
  adminMarkers: ['admin', 'admins', 'administrator', 'administration', 'internal', 'manage', 'management', 'ops', 'scim'],
  /** Final words of a path parameter name that make it an object id: `id` covers `id`, `userId`, `user_id` (`auth-object-id-guessable`). */
  idWords: ['id'],
  /** HTTP authentication schemes (and OAuth 1.0) that send reusable or weakly protected credentials (`auth-scheme-weak`). */
  weakHttpSchemes: ['basic', 'digest', 'negotiate', 'ntlm', 'oauth'],
  /** OAuth2 flows the OAuth 2.0 Security BCP (RFC 9700) deprecates, by their 3.x and Swagger 2.0 names (`auth-oauth2-flow-deprecated`). */
  deprecatedOAuthFlows: ['implicit', 'password'],
  /** Methods that read (`auth-read-operation-unprotected`, `auth-read-operation-public`). */
  readMethods: ['get', 'head'],
  /** Methods that change data (`auth-write-operation-unprotected`). */
  writeMethods: ['post', 'put', 'patch', 'delete'],
  /** Response keys that document an authentication or authorization failure (`auth-unauthorized-response-undocumented`). */
  unauthorizedResponseKeys: ['401', '403', '4XX', 'default'],

  // Operation roles (docs/roles.md), with `adminMarkers` above. Names are compared compacted and
  // as plain plurals: `sign_in` matches `signIn`, `sign-in` and `signin`.
  /** Last literal path segment (or last two), or the leading words of the operationId or summary, of a submitting call. */
  credentialEntryNames: [
    'login', 'logon', 'sign_in', 'sign_on', 'sign_up', 'register', 'registration', 'authenticate', 'auth', 'token', 'access_token',
    'refresh_token', 'token_refresh', 'password_reset', 'reset_password', 'forgot_password', 'password_forgot', 'forgotten_password',
    'recover_password', 'password_recovery', 'otp', 'verify_otp', 'otp_verify', 'mfa', 'mfa_verify', 'two_factor', '2fa', 'totp',
    'verify_email', 'email_verify', 'confirm_email', 'email_confirm', 'email_verification', 'magic_link', 'passwordless',
  ],
  /** The first literal segment, or the segment after a users or accounts collection (`/users/@me`). */
  selfServiceNames: ['me', 'self', 'my', 'myself', 'current', 'current_user', 'whoami', 'profile', 'account', 'user', 'app'],
  /** The last literal segment of a write (staff actions, role and member management, platform settings, catalogue), or of a read for audit and debug data. */
  privilegedNames: [
    'ban', 'unban', 'suspend', 'suspension', 'unsuspend', 'reinstate', 'impersonate', 'impersonation', 'promote', 'demote',
    'approve', 'approval', 'reject', 'payout', 'refund', 'lock', 'unlock',
    'role', 'permission', 'privilege', 'member', 'membership', 'collaborator', 'grant', 'acl', 'role_binding', 'cluster_role',
    'cluster_role_binding', 'role_assignment',
    'settings', 'config', 'configuration', 'limit', 'quota', 'plan', 'feature_flag', 'billing',
    'product', 'price', 'pricing', 'catalog', 'catalogue', 'sku',
    'audit', 'audit_log', 'audit_event', 'debug', 'backup', 'restore', 'maintenance', 'dump', 'export_all',
  ],
  /** Every literal segment of a parameterless read, or a path under `.well-known`. */
  publicMetadataNames: ['health', 'healthz', 'health_check', 'livez', 'readyz', 'ping', 'status', 'version', 'openapi', 'swagger', 'api_docs', 'jwks'],

  // Rate limiting and resource consumption
  /** Expensive or bulk work: abused by volume, whatever the method. */
  expensiveOperationWords: ['search', 'export', 'bulk', 'upload', 'generate', 'generation', 'inference', 'predict', 'prediction', 'completion', 'completions', 'embedding', 'embeddings'],
  /** Headers that publish rate limits, case-insensitive; a trailing `*` matches any suffix (`rate-limit-headers-missing`). */
  rateLimitHeaderNames: ['RateLimit', 'RateLimit-Policy', 'RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset', 'X-RateLimit-*', 'X-Rate-Limit-*'],
  /**
   * Headers that give the time a rate-limit quota resets, accepted in place of Retry-After on 429
   * and 503 responses (`rate-limit-retry-after-missing`), case-insensitive; a trailing `*` matches
   * any suffix. The IETF `RateLimit` field carries its reset (`t=`, earlier drafts `reset=`); the
   * legacy headers give seconds (`RateLimit-Reset`, Discord's `X-RateLimit-Reset-After`) or an
   * epoch time (GitHub's `X-RateLimit-Reset`, `X-Rate-Limit-Reset`).
   */
  rateLimitResetHeaderNames: ['RateLimit', 'RateLimit-Reset*', 'X-RateLimit-Reset*', 'X-Rate-Limit-Reset*'],
  /**
   * Formats a validator only accepts at bounded lengths: dates and times (RFC 3339), UUIDs
   * (36 characters), IP addresses, and host names (at most 253 characters, RFC 1123).
   */
  boundedStringFormats: ['date', 'date-time', 'time', 'uuid', 'ipv4', 'ipv6', 'hostname'],
  /** Keywords that document an upload's maximum size (`resource-upload-unbounded`). */
  uploadSizeKeywords: ['maxLength', 'x-max-size'],
  /**
   * Words of the names of numbers that scale work or money, which need both a `maximum` and a
   * `minimum` (`resource-quantity-unbounded`). Matched as whole words anywhere in a name, plurals
   * included (`maxRetries`, `order_quantity`, `amount_cents`, `timeoutSeconds`, `days_until_due`);
   * names ending in an id, a code, a date part or a kind (`account_number`, `expiration_time`,
   * `amount_type`) are not quantities. Built from the request numbers of Stripe, Kubernetes,
   * DigitalOcean, Harbor, GitHub and Discord.
   */
  quantityNames: [
    // How many
    'quantity', 'qty', 'count', 'copies', 'replicas', 'instances', 'nodes', 'workers', 'threads', 'parallelism', 'concurrency',
    'connections', 'partitions', 'shards', 'seats', 'tokens', 'steps', 'iterations', 'rounds', 'depth', 'points',
    // How often
    'retry', 'retries', 'attempts', 'tries', 'repeat', 'repetitions',
    // How big
    'size', 'bytes', 'kb', 'kib', 'mb', 'mib', 'gb', 'gib', 'tb', 'tib', 'kilobytes', 'megabytes', 'gigabytes',
    'terabytes', 'memory', 'storage', 'capacity',
    // How much may be used
    'limit', 'quota', 'budget', 'burst',
    // How long the server waits or holds a request. Durations it only stores and compares with a
    // clock (a TTL, a retention, a lease, days until an invoice is due) cost nothing by their size.
    'timeout', 'delay', 'backoff',
    // How much money
    'amount', 'price', 'cost', 'fee', 'subtotal', 'balance', 'credit', 'payment', 'payout', 'refund', 'tip', 'discount', 'cents', 'deposit',
    'withdrawal',
  ],
  /** Query parameters that set a page size, compared without case or separators (`resource-pagination-unbounded`). */
  pageSizeParameterNames: ['limit', 'per_page', 'page_size', 'pageSize', 'size', 'top', '$top', 'first', 'last', 'count', 'max_results', 'maxResults', 'page_limit'],
  /**
   * Envelope properties that hold a page's items (`{ data: [...], next: ... }`), compared without case
   * or separators; a property named for the listed resource (`users` on `/users`) counts too
   * (`resource-pagination-unbounded`). After Stripe and JSON:API (`data`), Kubernetes and Google
   * (`items`), OData and Azure (`value`), Bitbucket (`values`), Spring (`content`), search engines
   * (`hits`, `results`). Not `resources`: Kubernetes' discovery documents list resource kinds, not records.
   */
  pageItemsPropertyNames: ['items', 'data', 'results', 'records', 'entries', 'elements', 'values', 'value', 'content', 'rows', 'hits'],

  // Data exposure and mass assignment
  /**
   * Credentials and secrets (`data-credential-in-response`). Entries are matched as whole words
   * anywhere in a name (`client_secret` = `clientSecret`; `signingPrivateKey` holds `private_key`).
   * `pem` is a PEM block that no certificate word qualifies (GitHub's `App.pem`, `key_pem`; not
   * `cert_pem`, `ca_pem` or `Certificate.pem`).
   */
  credentialNames: [
    'password', 'passwd', 'pwd', 'passphrase', 'passcode', 'secret', 'client_secret', 'secret_access_key',
    'private_key', 'privkey', 'pem', 'key_pem', 'signing_key', 'encryption_key', 'master_key', 'api_key',
    'pin', 'cvv', 'cvv2', 'cvc', 'cvc2', 'card_security_code', 'security_code', 'security_answer', 'security_question_answer', 'secret_answer',
    'otp', 'recovery_code', 'backup_code', 'seed_phrase', 'recovery_phrase', 'mnemonic_phrase',
    'access_token', 'refresh_token', 'id_token', 'auth_token', 'session_token', 'api_token', 'bearer_token', 'private_token', 'reset_token',
  ],
  /**
   * Highly sensitive personal data, whoever holds it (`data-personal-data-in-response`). A final
   * `number` also matches its abbreviations (`passport_no`, `card_num`).
   */
  personalDataNames: [
    'ssn', 'social_security_number', 'social_insurance_number', 'national_insurance_number', 'itin',
    'card_number', 'pan', 'primary_account_number', 'bank_account_number', 'passport_number',
    'national_id', 'national_id_number', 'identity_card_number', 'id_card_number',
    'driver_license_number', 'drivers_license_number', 'driving_licence_number',
  ],
  /**
   * Tax identifiers, which businesses have as often as people: a company's VAT, GST or EIN
   * number is printed on its invoices. The personal-data rules report them only where the name
   * or the schemas and path around it say a person holds them (`individual_tax_id`,
   * `User.tax_id`, `/users?tax_id=`), never a company's (`company_tax_id`, `Merchant.tax_id`).
   */
  taxIdNames: ['tax_id', 'tax_id_number', 'taxpayer_id', 'tax_number', 'tax_identification_number', 'tin'],
  /** Personal data that must not travel in URLs (`data-personal-data-in-url`). */
  urlPersonalDataNames: [
    'email', 'phone', 'phone_number', 'mobile_number', 'msisdn', 'ssn', 'social_security_number',
    'date_of_birth', 'dob', 'birth_date', 'birthday', 'card_number', 'pan', 'account_number',
    'iban', 'passport_number', 'national_id',
  ],
  /**
   * Properties clients must not set (`mass-assignment-privileged-property`), matched by the words
   * a name ends with: `role` matches `userRole`, not `roleName`; `is_admin` = `isAdmin`. After
   * OWASP API3: privilege and ownership, money and quota, workflow states, audit fields.
   */
  privilegedPropertyNames: [
    'role', 'roles', 'role_id', 'role_ids', 'is_admin', 'admin', 'is_superuser', 'superuser', 'is_staff', 'permissions', 'privileges', 'scopes', 'groups',
    'verified', 'approved', 'kyc_status', 'account_status',
    'owner_id', 'creator_id', 'author_id', 'tenant_id', 'org_id', 'organization_id',
    'balance', 'credit', 'credits', 'loyalty_points', 'reward_points', 'quota',
    'status', 'state',
    'created_at', 'updated_at', 'deleted_at', 'modified_at', 'created_by', 'updated_by', 'deleted_by', 'modified_by',
    'id', 'price', 'unit_price', 'total_price', 'total', 'total_amount', 'subtotal', 'discount', 'discount_amount',
  ],
  /**
   * Properties for staff or the server only (`data-internal-in-response`), matched by the words a
   * name ends with, plurals included: `internal_note` matches `orderInternalNotes` and
   * `internal_support_note`, `fraud_score` matches `customerFraudScore`, not `fraudScoreThreshold`.
   * Password hashes are credentials (`data-credential-in-response`). Risk, abuse and spam scores
   * are not here: they rate what the caller owns as often as the caller (a vulnerability, an
   * asset, the caller's own customers' payments as a payment processor returns them to the
   * merchant, the caller's outgoing e-mail), where fraud scores judge a party.
   */
  internalDataNames: [
    // Notes and comments staff write about a customer, an order, a ticket.
    'internal_note', 'internal_comment', 'internal_remark', 'internal_memo', 'admin_note', 'admin_comment', 'admin_remark',
    'staff_note', 'staff_comment', 'moderator_note', 'moderator_comment', 'moderation_note', 'agent_note', 'support_note', 'private_note',
    // How the platform judges a customer: fraud signals.
    'fraud_score', 'fraud_reason', 'fraud_signal', 'fraud_rating', 'fraud_probability', 'fraud_risk', 'fraud_indicator',
    // Internal references, classifications and blobs.
    'internal', 'internal_id', 'internal_ref', 'internal_reference', 'internal_code', 'internal_status', 'internal_flag', 'internal_tag',
    'internal_label', 'internal_category', 'internal_priority', 'internal_rating', 'internal_score', 'internal_cost', 'internal_data',
    'internal_info', 'internal_metadata',
    // Debug output.
    'debug', 'debug_info', 'debug_information', 'debug_data', 'debug_message', 'debug_output', 'debug_details', 'debug_trace', 'debug_log', 'debug_context',
    // Salts of server-side hashes.
    'salt',
  ],
  /** Properties that carry internals in error responses (`data-error-details-leaked`). */
  errorDetailNames: [
    'stack', 'stack_trace', 'trace', 'traceback', 'backtrace', 'exception', 'inner_exception', 'debug', 'debug_info', 'sql', 'query',
  ],

  // Secrets
  /**
   * Names of keys whose values are secrets. A key matches when its words end with the words of a
   * name, ignoring case and separators: `password` matches `password`, `db_password` and
   * `adminPassword`; `api_key` matches `apiKey`, `X-API-Key` and `stripe_api_key`.
   * `token` alone is not a default: `page_token`, `next_token`, `sync_token` and
   * `temp_clone_token` are opaque cursors or short-lived references, as random as any credential
   * (GitHub's and DigitalOcean's descriptions are full of them).
   */
  secretNames: [
    'password', 'passwd', 'passphrase', 'secret', 'client_secret', 'api_secret', 'secret_key', 'secret_access_key',
    'api_key', 'apikey', 'private_key', 'signing_key', 'encryption_key', 'master_key',
    'access_token', 'refresh_token', 'auth_token', 'api_token', 'bearer_token', 'session_token', 'security_token',
  ],
  /**
   * Case-insensitive substrings that mark a value as a placeholder (`YOUR_API_KEY`,
   * `sk_live_EXAMPLEKEY…`, `AKIAIOSFODNN7EXAMPLE`). Applied to the part of a credential that is
   * meant to be random (after its fixed prefix), so `sk_test_` itself does not count as "test".
   */
  secretPlaceholders: [
    'example', 'sample', 'dummy', 'fake', 'placeholder', 'redacted', 'changeme', 'change_me', 'change-me',
    'your', 'replace', 'insert', 'test', 'demo', 'mock', 'lorem', 'qwerty', 'asdf',
    'password', 'passwd', 'secret', 'token', 'apikey', 'api_key', 'api-key',
    // Well-known documentation values: GitHub's sample token digits (`ghu_16C7e42F…`), Stripe's
    // published docs test key (`sk_test_4eC39Hq…`), the signature of jwt.io's default token.
    '16c7e42f292c6912e7710c838347ae178b4a', '4ec39hqlyjwdarjtt1zdp7dc', 'sflkxwrjsmekkf2qt4fwpmejf36pok6yjv_adqssw5c',
  ],

  // Outbound requests: server-side request forgery, open redirects, webhooks
  /**
   * Words that make a request input's URL one the server fetches (`ssrf-url-input-unrestricted`),
   * matched as whole words anywhere in a name whose value is a URL (its last word is url, uri,
   * href or endpoint, or it has a URL `format` or example): `callback_url`, `StatusCallback`
   * (`format: uri`), `avatarUrl`, `image_uri`, `feedUrl`. Plain links the server only stores and
   * shows (`website`, `homepage_url`, `support_url`) hold none of them. Not `origin`: a CORS
   * origin is compared, not fetched (add it where it names a CDN's origin server).
   */
  outboundUrlNames: [
    'callback', 'webhook', 'hook', 'notification', 'notify', 'postback', 'ping', 'import', 'feed', 'rss', 'fetch', 'source', 'remote',
    'proxy', 'upstream', 'mirror', 'image', 'avatar', 'logo', 'icon', 'favicon', 'thumbnail', 'thumb', 'picture', 'photo',
    'media', 'file', 'attachment', 'download', 'crawl', 'scrape', 'preview', 'oembed', 'unfurl',
  ],
  /**
   * Names of request inputs that say where to send the user's browser next
   * (`ssrf-redirect-target-unrestricted`), matched as whole words anywhere in a name:
   * `redirect_uri`, `returnTo`, `success_url`. `next`, `continue`, `goto`, `destination` and
   * `back` count only alone or before url/uri, and only when the value is shown to be a URL
   * (a URL `format`, example or default, or a description saying URL): `next` is usually a
   * page cursor, `continue` a token.
   */
  redirectTargetNames: [
    'redirect', 'return to', 'return url', 'return uri', 'success url', 'cancel url', 'failure url', 'error url',
    'back url', 'next', 'continue', 'goto', 'destination', 'back',
  ],
  /**
   * Header parameters whose presence documents how a webhook or callback is verified
   * (`webhook-verification-undocumented`), compared without case or separators. Any header whose
   * name has the word signature, sig or hmac counts too (`X-Hub-Signature-256`, `X-Signature-Ed25519`).
   */
  webhookSignatureHeaders: [
    'X-Hub-Signature', 'X-Hub-Signature-256', 'Stripe-Signature', 'Webhook-Signature', 'Webhook-Id', 'Webhook-Timestamp',
    'X-Signature', 'X-Webhook-Signature', 'Signature', 'Signature-Input', 'X-Slack-Request-Timestamp', 'X-Shopify-Hmac-Sha256',
  ],

  // Transport
  /** Hosts besides loopback that may be served over plain http:// or ws:// (`transport-plain-http`): none. */
  transportAllowedHosts: [],

  // Inventory
  /**
   * Host label words that name a non-production environment (`inventory-server-non-production`),
   * matched whole on the labels left of the registrable domain, split at `-` and `_`, trailing
   * digits dropped: `api.staging.example.com`, `dev-api.example.com`, `qa2.example.com`; never
   * `devices`, `developer`, `latest` or `contest`. A server whose description offers it to
   * customers ("public test environment for partners") is published on purpose. `sandbox`,
   * `demo`, `mock` and `playground` hosts are the test environments APIs offer integrators: they
   * are not production, and not reported unless the word is added here.
   */
  nonProductionHostWords: [
    'staging', 'stage', 'stg', 'dev', 'devel', 'development', 'test', 'testing', 'qa', 'uat', 'preprod', 'preproduction', 'nonprod', 'preview', 'internal', 'intranet', 'local',
  ],
  /**
   * Extensions that mark a server, path item, operation or tag internal (`inventory-internal-published`,
   * `inventory-server-non-production`): `x-internal` alone means the value `true` (Redocly, Stoplight,
   * Zudoku), `key=value` means that string value (Zalando's `x-audience`, Power Platform's
   * `x-ms-visibility`), compared without case.
   */
  internalMarkers: [
    'x-internal', 'x-audience=component-internal', 'x-audience=business-unit-internal', 'x-audience=company-internal', 'x-audience=internal',
    'x-visibility=internal', 'x-visibility=private', 'x-ms-visibility=internal',
  ],
} as const satisfies Record<string, readonly string[]>;

/** The name of a list option. */
export type ListOption = keyof typeof DEFAULT_LISTS;

/** The lists as a function receives them: plain string arrays. */
export type Lists = { [K in ListOption]: string[] };

/** The lists operation roles are judged by (functions/analysis/roles.ts), as every function that reads roles takes them. */
export const ROLE_LIST_NAMES = ['credentialEntryNames', 'selfServiceNames', 'adminMarkers', 'privilegedNames', 'publicMetadataNames'] as const satisfies readonly ListOption[];

/** The lists that tell a credential taken as a query, header or cookie parameter (functions/analysis/parameter-credentials.ts). */
export const CREDENTIAL_PARAMETER_LISTS = ['credentialParameterNames', 'credentialHeaderNames', 'sessionCookieNames'] as const satisfies readonly ListOption[];

/** A copy of the defaults of some list options, as a function's default options. */
export function defaultLists<K extends ListOption>(...names: K[]): { [P in K]: string[] } {
  const out = {} as { [P in K]: string[] };
  for (const name of names) out[name] = [...DEFAULT_LISTS[name]];
  return out;
}

/** String formats that carry personal data whatever the parameter is called. */
export const URL_PERSONAL_DATA_FORMATS: readonly string[] = ['email', 'idn-email', 'phone', 'phone-number', 'tel'];

