import { expect, test } from '../fixtures';

test('the app loads and shows what main reports over the bridge', async ({ app }) => {
  const badge = app.page.getByTestId('app-info');
  await expect(badge).toContainText('Mailgun Explorer 0.1.0');
  await expect(badge).toContainText('browser harness');
  const call = app.main.calls.find((entry) => entry.method === 'getAppInfo');
  expect(call?.result).toMatchObject({ ok: true, value: { shell: 'browser-harness' } });
  expect(app.consoleErrors).toEqual([]);
});

test('the page exposes exactly the declared bridge methods and cannot reach Node', async ({ app }) => {
  const surface = await app.page.evaluate(() => {
    const bridge = (window as unknown as { mailgun: Record<string, unknown> }).mailgun;
    return {
      methods: Object.keys(bridge).sort(),
      frozen: Object.isFrozen(bridge),
      hasRequire: typeof (window as unknown as { require?: unknown }).require,
      hasProcess: typeof (window as unknown as { process?: unknown }).process,
    };
  });
  const { methodNames } = await import('../../shared/bridge/contract');
  expect(surface.methods).toEqual([...methodNames].sort());
  expect(surface.frozen).toBe(true);
  expect(surface.hasRequire).toBe('undefined');
  expect(surface.hasProcess).toBe('undefined');
});

test('a malformed argument comes back as a typed error', async ({ app }) => {
  const result = await app.page.evaluate(() =>
    (window as unknown as { mailgun: { openExternal(arg: unknown): Promise<unknown> } }).mailgun.openExternal({
      url: 'file:///etc/passwd',
    }),
  );
  expect(result).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
  expect(app.main.openedExternally).toEqual([]);
});

test('the content security policy stops inline scripts and network access from the page', async ({ app }) => {
  const outcome = await app.page.evaluate(async () => {
    const script = document.createElement('script');
    script.textContent = 'window.__inlineRan = true;';
    document.body.append(script);
    let fetched = 'allowed';
    try {
      await fetch('https://api.mailgun.net/v3/domains');
    } catch {
      fetched = 'blocked';
    }
    return { inlineRan: (window as unknown as { __inlineRan?: boolean }).__inlineRan === true, fetched };
  });
  expect(outcome).toEqual({ inlineRan: false, fetched: 'blocked' });
  app.consoleErrors.length = 0;
});
