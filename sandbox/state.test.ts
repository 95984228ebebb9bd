import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SANDBOX_EU_DOMAIN, SANDBOX_US_DOMAIN } from '../shared/sandbox/constants';
import { MAX_SEED_COUNT, seedMany, seedState } from './seed';
import { createStateStore, emptyState, looksLikeState, STATE_FILE_NAME } from './state';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sandbox-state-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('state store', () => {
  it('returns null when nothing is saved or the file is damaged', async () => {
    const store = createStateStore({ dataDir: dir });
    expect(await store.load()).toBeNull();
    await writeFile(join(dir, STATE_FILE_NAME), '{"version":2}', 'utf8');
    expect(await store.load()).toBeNull();
    await writeFile(join(dir, STATE_FILE_NAME), 'not json', 'utf8');
    expect(await store.load()).toBeNull();
  });

  it('writes atomically and leaves no temporary files', async () => {
    const store = createStateStore({ dataDir: dir });
    await store.saveNow(emptyState());
    expect(await readdir(dir)).toEqual([STATE_FILE_NAME]);
    expect(looksLikeState(JSON.parse(await readFile(join(dir, STATE_FILE_NAME), 'utf8')))).toBe(true);
  });

  it('coalesces a burst of changes into the last snapshot', async () => {
    const store = createStateStore({ dataDir: dir, debounceMs: 20 });
    for (let i = 1; i <= 5; i++) store.scheduleSave({ ...emptyState(), sequence: i });
    await store.flush();
    expect((await store.load())?.sequence).toBe(5);
  });
});

describe('seed', () => {
  const now = Date.UTC(2026, 5, 1, 9, 0, 0);

  it('holds the sample account', () => {
    const state = seedState(now);
    const us = state.regions.us.domains[0];
    expect(us?.name).toBe(SANDBOX_US_DOMAIN);
    expect(state.regions.eu.domains.map((d) => d.name)).toEqual([SANDBOX_EU_DOMAIN]);
    expect(us?.state).toBe('active');
    expect(us?.bounces.length).toBeGreaterThanOrEqual(3);
    expect(us?.complaints).toHaveLength(2);
    expect(us?.unsubscribes).toHaveLength(3);
    expect(us?.webhooks.length).toBeGreaterThan(0);
    expect(us?.templates[0]?.versions.some((v) => v.active)).toBe(true);
    expect(us?.tags.map((t) => t.tag).sort()).toEqual(['newsletter', 'promotions', 'receipts', 'welcome']);
    const days = new Set(us?.events.map((e) => new Date(e.timestamp * 1000).toISOString().slice(0, 10)));
    expect(days.size).toBeGreaterThanOrEqual(4);
    expect(state.regions.us.routes).toHaveLength(1);
    expect(state.regions.us.lists[0]?.members).toHaveLength(3);
    expect(state.keys).toHaveLength(2);
  });

  it('adds generated items in bulk, within a bound', () => {
    const state = seedState(now);
    seedMany(state, 'bounces', 250, now);
    expect(state.regions.us.domains[0]?.bounces.length).toBe(254);
    seedMany(state, 'members', 3, now);
    expect(state.regions.us.lists[0]?.members).toHaveLength(6);
    seedMany(state, 'complaints', 5, now, { region: 'eu' });
    expect(state.regions.eu.domains[0]?.complaints).toHaveLength(5);
    expect(() => seedMany(state, 'bounces', 1, now, { domain: 'missing.example.com' })).toThrow();
    const capped = seedState(now);
    seedMany(capped, 'tags', MAX_SEED_COUNT + 10, now, { region: 'eu' });
    expect(capped.regions.eu.domains[0]?.tags.length).toBe(MAX_SEED_COUNT + 1);
  });
});
