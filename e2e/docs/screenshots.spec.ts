import { expect, test } from '../fixtures';

// `npm run screenshots`: the README's pictures, taken from the real UI against the built-in sandbox.
const out = (name: string) => `docs/screenshots/${name}.png`;

for (const scheme of ['light', 'dark'] as const) {
  test(`workbench (${scheme})`, async ({ app }) => {
    const { page } = app;
    await page.emulateMedia({ colorScheme: scheme });
    await page.getByRole('searchbox').first().fill('send message');
    await page.getByText('Send a message', { exact: false }).first().click();
    await page.waitForTimeout(300);
    await page.screenshot({ path: out(`workbench-${scheme}`) });
    expect(true).toBe(true);
  });
}
