import * as fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Workspace } from '../../shared/bridge/workspace';
import type { StoreFileSystem } from './json-store';
import { createRedactor } from './redaction';
import { createWorkspaceStore } from './workspace-store';

const canary = 'key-3f9c0d1e2b4a59687a6b5c4d3e2f1a0b-canary';
let dir: string;
let timers: (() => void)[];

beforeEach(async () => {
  dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'workspace-store-'));
  timers = [];
});

afterEach(async () => {
  await fsp.rm(dir, { recursive: true, force: true });
});

function store(options: { fs?: StoreFileSystem; errors?: string[] } = {}) {
  const redactor = createRedactor([canary]);
  return createWorkspaceStore({
    dir,
    clock: () => Date.parse('2026-12-01T23:00:00.000Z'),
    redactor,
    // The debounce runs only when the test says so.
    setTimer: (run) => {
      timers.push(run);
      return timers.length;
    },
    clearTimer: (timer) => {
      timers[(timer as number) - 1] = () => undefined;
    },
    ...(options.fs ? { fs: options.fs } : {}),
    logError: (message) => options.errors?.push(message),
  });
}

function workspace(value: string, extra: Partial<Workspace['tabs'][number]> = {}): Workspace {
  return {
    tabs: [
      {
        id: 'tab-1',
        target: { kind: 'endpoint', endpointId: 'domains.get' },
        preview: false,
        drafts: [{ environmentId: 'env-1', values: { params: { name: value } } }],
        ...extra,
      },
      { id: 'tab-2', target: { kind: 'blank' }, preview: false, drafts: [] },
    ],
    activeTabId: 'tab-1',
  };
}

const file = () => path.join(dir, 'workspace.json');
const runTimers = () => {
  const due = timers;
  timers = [];
  for (const run of due) run();
};

describe('workspace store', () => {
  it('writes only the last of several quick saves, once the delay has passed, and reads it back in a new session', async () => {
    const writes: string[] = [];
    const fs: StoreFileSystem = {
      ...fsp,
      rename: async (from, to) => {
        writes.push(String(to));
        return fsp.rename(from, to);
      },
    };
    const first = store({ fs });
    first.save(workspace('one.example.com'));
    first.save(workspace('two.example.com'));
    first.save(workspace('three.example.com'));
    await expect(fsp.access(file())).rejects.toThrow();
    runTimers();
    await first.flush();
    expect(writes).toEqual([file()]);

    const again = await store().view();
    expect(again.recovery).toBeUndefined();
    expect(again.workspace.activeTabId).toBe('tab-1');
    expect(again.workspace.tabs.map((tab) => tab.id)).toEqual(['tab-1', 'tab-2']);
    expect(again.workspace.tabs[0]?.drafts[0]?.values.params).toEqual({ name: 'three.example.com' });
  });

  it('writes what is waiting when flushed (quit), without waiting for the delay', async () => {
    const service = store();
    service.save(workspace('flushed.example.com'));
    await service.flush();
    expect(JSON.parse(await fsp.readFile(file(), 'utf8')).tabs[0].drafts[0].values.params.name).toBe('flushed.example.com');
    // The timer that was cancelled does not write again.
    runTimers();
    await service.flush();
  });

  it('keeps the previous file whole when a write fails half way, and logs it', async () => {
    const errors: string[] = [];
    const good = store();
    good.save(workspace('kept.example.com'));
    await good.flush();
    const failing = store({ fs: { ...fsp, rename: async () => Promise.reject(new Error('disk full')) }, errors });
    failing.save(workspace('lost.example.com'));
    await failing.flush();
    expect(errors).toEqual(['workspace: could not save the open tabs']);
    expect(JSON.parse(await fsp.readFile(file(), 'utf8')).tabs[0].drafts[0].values.params.name).toBe('kept.example.com');
    expect((await fsp.readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('never keeps an API key: headers carrying one are dropped, any other copy is redacted, and the renderer is told', async () => {
    const service = store();
    const basic = Buffer.from(`api:${canary}`).toString('base64');
    const answer = service.save(
      workspace(`mg ${canary}`, {
        title: `About ${canary}`,
        drafts: [
          {
            environmentId: 'env-1',
            values: { params: { name: `x${canary}` }, headers: [{ name: 'Authorization', value: `Basic ${basic}` }] },
          },
        ],
      }),
    );
    expect(answer).toEqual({ saved: true, keyRemoved: true });
    service.save({
      ...workspace('fine'),
      tabs: [
        ...workspace('fine').tabs,
        {
          id: 'tab-3',
          target: {
            kind: 'custom',
            request: {
              method: 'GET',
              path: '/v3/domains',
              query: [{ name: 'api_key', value: canary }],
              headers: [],
              body: { kind: 'none' },
            },
          },
          preview: false,
          drafts: [],
        },
      ],
    });
    await service.flush();
    const text = await fsp.readFile(file(), 'utf8');
    expect(text).not.toContain(canary);
    expect(text).not.toContain(basic);
    const view = await service.view();
    expect(JSON.stringify(view)).not.toContain(canary);
  });

  it('records picked files by name only', async () => {
    const service = store();
    service.save({
      tabs: [
        {
          id: 'tab-1',
          target: { kind: 'endpoint', endpointId: 'messages.send' },
          preview: false,
          drafts: [
            {
              environmentId: 'env-1',
              values: { params: { subject: 'Hi', attachment: [{ kind: 'file', handle: 'h-1', name: 'report.pdf', size: 3 }] } },
            },
          ],
        },
      ],
      activeTabId: 'tab-1',
    });
    await service.flush();
    const kept = JSON.parse(await fsp.readFile(file(), 'utf8'));
    expect(kept.tabs[0].missingFiles).toEqual(['report.pdf']);
    expect(JSON.stringify(kept)).not.toContain('h-1');
    expect(kept.tabs[0].drafts[0].values.params.subject).toBe('Hi');
  });

  it('sets a damaged file aside with a notice and starts with no tabs', async () => {
    await fsp.writeFile(file(), '{"version":1,"tabs":[{"id":');
    const view = await store().view();
    expect(view.workspace).toEqual({ tabs: [], activeTabId: null });
    expect(view.recovery?.reason).toBe('invalid-json');
    expect(view.recovery?.message).toContain('The workbench started with no tabs.');
    expect((await fsp.readdir(dir)).some((name) => name.startsWith('workspace.json.corrupt-'))).toBe(true);
  });

  it('keeps the tabs that are still valid when some are damaged', async () => {
    await fsp.writeFile(
      file(),
      JSON.stringify({ version: 1, ...workspace('ok.example.com'), tabs: [...workspace('ok.example.com').tabs, { id: 7 }] }),
    );
    const view = await store().view();
    expect(view.workspace.tabs.map((tab) => tab.id)).toEqual(['tab-1', 'tab-2']);
    expect(view.recovery).toMatchObject({ reason: 'partially-valid', dropped: 1 });
  });
});
