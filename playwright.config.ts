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
      grepInvert: /@alone/,
      use: {
        browserName: 'chromium',
        launchOptions: headlessChromium(),
      },
    },
    {
      // Specs that time the page's own main thread (long tasks): a neighbouring worker's spec on the same two cores
      // stretches tasks past 50 ms by preemption alone, so these run after the others, one at a time.
      name: 'browser-alone',
      testDir: './e2e/specs',
      grep: /@alone/,
      dependencies: ['browser'],
      fullyParallel: false,
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
