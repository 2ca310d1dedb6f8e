import { defineConfig } from '@playwright/test';

const port = Number(process.env.FIXTURE_PORT ?? 4173);

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: process.env.CI ? 2 : 2,
  retries: 0,
  timeout: 45_000,
  expect: { timeout: 5_000 },
  reporter: [['list']],
  use: { trace: 'retain-on-failure' },
  webServer: {
    command: 'node --import tsx tests/support/serve.ts',
    url: `http://127.0.0.1:${port}/article.html`,
    env: { FIXTURE_PORT: String(port) },
    reuseExistingServer: !process.env.CI,
  },
});
