import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createServices } from './index';
import { memoryKeytar } from './support/test-harness';
import { testMainDeps } from './testing/main-deps';

describe('main services', () => {
  it('run the sandbox on the same clock as the rest of main', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'services-clock-'));
    const pinned = Date.UTC(2031, 2, 4, 12, 0, 0);
    const services = await createServices(testMainDeps({ dataDir, keytar: memoryKeytar(), clock: () => pinned }));
    try {
      const state = await services.sandbox.admin.state();
      expect(state.regions.us.domains[0]?.created_at).toBe(pinned - 30 * 86_400_000);
    } finally {
      await services.dispose();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
