import { defineConfig } from '@playwright/test';
import { headlessChromium } from './e2e/harness/chromium';

export default defineConfig({
  testDir: './e2e',
  outputDir: './test-results',
  fullyParallel: true,
  workers: 2,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: [['list']],
  forbidOnly: Boolean(process.env.CI),
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    viewport: { width: 1360, height: 860 },
  },
  projects: [
    {
      name: 'browser',
      testDir: './e2e/specs',
      use: {
        browserName: 'chromium',
        launchOptions: headlessChromium(),
      },
    },
    { name: 'electron', testDir: './e2e/electron' },
    {
      name: 'screenshots',
      testDir: './e2e/docs',
      use: { browserName: 'chromium', launchOptions: headlessChromium() },
    },
  ],
});
