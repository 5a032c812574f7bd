// Three projects: pure unit tests, integration tests over HTTP on a real database, and browser tests.
const base = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
};

module.exports = {
  // Shared 2-core machines: a database setup can take longer than jest's 5 s default under load
  // (a global option: jest ignores it inside a project).
  testTimeout: 30000,
  projects: [
    { ...base, displayName: 'unit', testMatch: ['<rootDir>/test/unit/**/*.test.ts'] },
    { ...base, displayName: 'integration', testMatch: ['<rootDir>/test/integration/**/*.test.ts'] },
    {
      ...base,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
      // Without Chromium the browser tests are skipped with a hint, unless REQUIRE_BROWSER=1 (CI).
      globalSetup: '<rootDir>/test/e2e/support/browser-hint.ts',
      setupFilesAfterEnv: ['<rootDir>/test/e2e/support/skip-without-browser.ts'],
    },
  ],
};
