import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSandboxServer } from '../../../sandbox/server';
import { createSandboxHandlers } from './sandbox';

describe('sandbox bridge handlers', () => {
  it('report status and reset through the server', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'sandbox-handlers-'));
    const sandbox = createSandboxServer({ dataDir });
    const handlers = createSandboxHandlers({ sandbox });
    try {
      expect(await handlers.getSandboxStatus(undefined)).toEqual({ running: false });
      const urls = await sandbox.start();
      expect(await handlers.getSandboxStatus(undefined)).toEqual({ running: true, ...urls });
      await sandbox.admin.seedMany('bounces', 10);
      expect(await handlers.resetSandbox(undefined)).toEqual({ ok: true });
      expect((await sandbox.admin.state()).regions.us.domains[0]?.bounces.length).toBeLessThan(10);
    } finally {
      await sandbox.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
