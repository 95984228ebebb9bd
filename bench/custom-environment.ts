import type { Page } from '@playwright/test';

/** Points the app at a local server through the bridge, as a user would in the environment editor, and reloads. */
export async function pointAppAtLocalServer(page: Page, baseUrl: string): Promise<void> {
  const outcome = await page.evaluate(async (url) => {
    type Bridge = Record<string, (arg?: unknown) => Promise<{ ok: boolean; value?: { id: string }; error?: unknown }>>;
    const bridge = (window as unknown as { mailgun: Bridge }).mailgun;
    const saved = await bridge.saveEnvironment?.({
      name: 'Bench server',
      region: 'custom',
      baseUrl: url,
      domain: 'mg.example.com',
      keyKind: 'primary',
      readOnly: false,
      colour: 'blue',
    });
    if (!saved?.ok || !saved.value) return saved?.error ?? 'not saved';
    const key = await bridge.setApiKey?.({ environmentId: saved.value.id, key: 'bench-key-0123456789abcdef' });
    const active = await bridge.setActiveEnvironment?.({ id: saved.value.id });
    return key?.ok && active?.ok ? 'ok' : (key?.error ?? active?.error);
  }, baseUrl);
  if (outcome !== 'ok') throw new Error(`could not set up the bench environment: ${JSON.stringify(outcome)}`);
  await page.reload();
  await page.getByTestId('app-ready').waitFor();
}

/** Opens an endpoint the way a user does: the catalog filter, then its row. */
export async function openEndpointFromCatalog(page: Page, query: string, endpointId: string): Promise<void> {
  await page.getByTestId('catalog-filter').fill(query);
  await page.locator(`[data-testid="catalog-endpoint"][data-endpoint-id="${endpointId}"]`).getByRole('button').first().click();
  await page.getByTestId('endpoint-workbench').waitFor();
}
