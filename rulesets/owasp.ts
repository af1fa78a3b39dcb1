/** OWASP API Security Top 10 2023 categories, used as rule tags. */
export const OWASP = {
  API1: 'OWASP API1:2023 Broken Object Level Authorization',
  API2: 'OWASP API2:2023 Broken Authentication',
  API3: 'OWASP API3:2023 Broken Object Property Level Authorization',
  API4: 'OWASP API4:2023 Unrestricted Resource Consumption',
  API5: 'OWASP API5:2023 Broken Function Level Authorization',
  API6: 'OWASP API6:2023 Unrestricted Access to Sensitive Business Flows',
  API7: 'OWASP API7:2023 Server Side Request Forgery',
  API8: 'OWASP API8:2023 Security Misconfiguration',
  API9: 'OWASP API9:2023 Improper Inventory Management',
  API10: 'OWASP API10:2023 Unsafe Consumption of APIs',
} as const;

export type OwaspCategory = keyof typeof OWASP;

/** The project's repository: package.json's `repository`, `homepage` and `bugs` name it too (test/package.test.ts keeps them one). */
export const REPOSITORY_URL = 'https://github.com/spectral-api-security/spectral-api-security';

/** Where every rule's documentation page lives by default (`createRuleset({ documentationBaseUrl })` moves it). */
export const DOCS_BASE_URL = `${REPOSITORY_URL}/blob/main/docs/rules/`;
