import * as fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppFailure } from '../../shared/errors';
import { createJsonStore, fileTimestamp, type StoreFileSystem } from './json-store';

interface Counter {
  readonly items: readonly number[];
}

const now = Date.parse('2026-11-26T13:55:00.456Z');

function parseCounter(raw: unknown): { value: Counter; dropped: number } {
  const items = (raw as { items?: unknown }).items;
  if (!Array.isArray(items)) throw new Error('no items');
  const valid = items.filter((item): item is number => typeof item === 'number');
  return { value: { items: valid }, dropped: items.length - valid.length };
}

let dir: string;

beforeEach(async () => {
  dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'json-store-'));
});

afterEach(async () => {
  await fsp.rm(dir, { recursive: true, force: true });
});

function store(options: { fs?: StoreFileSystem; version?: number } = {}) {
  return createJsonStore<Counter>({
    dir,
    fileName: 'data.json',
    version: options.version ?? 1,
    parse: parseCounter,
    empty: () => ({ items: [] }),
    clock: () => now,
    ...(options.fs ? { fs: options.fs } : {}),
  });
}

const file = () => path.join(dir, 'data.json');
const listing = async () => (await fsp.readdir(dir)).sort();

describe('createJsonStore', () => {
  it('starts empty without a file, writes versioned JSON and reads it back in a new instance', async () => {
    const first = store();
    expect(await first.load()).toEqual({ value: { items: [] }, recovery: null });
    await first.write({ items: [1, 2] });
    expect(JSON.parse(await fsp.readFile(file(), 'utf8'))).toEqual({ version: 1, items: [1, 2] });
    expect(await store().read()).toEqual({ items: [1, 2] });
    expect(await listing()).toEqual(['data.json']);
  });

  it('writes through a temp file in the same folder: open exclusively, fsync, then rename', async () => {
    const calls: string[] = [];
    const fs: StoreFileSystem = {
      ...fsp,
      open: (async (target: string, flags: string, mode?: number) => {
        const handle = await fsp.open(target, flags, mode);
        calls.push(`open ${path.relative(dir, String(target))} ${flags}`);
        return new Proxy(handle, {
          get(object, property) {
            if (property === 'sync') {
              return async () => {
                calls.push('sync');
                return object.sync();
              };
            }
            const value = Reflect.get(object, property);
            return typeof value === 'function' ? value.bind(object) : value;
          },
        });
      }) as StoreFileSystem['open'],
      rename: async (from, to) => {
        calls.push(`rename ${path.relative(dir, String(from))} -> ${path.relative(dir, String(to))}`);
        return fsp.rename(from, to);
      },
    };
    await store({ fs }).write({ items: [7] });
    expect(calls[0]).toMatch(/^open \.data\.json\.\d+\.[0-9a-f]+\.tmp wx$/);
    expect(calls[1]).toBe('sync');
    expect(calls[2]).toMatch(/^rename \.data\.json\.\d+\.[0-9a-f]+\.tmp -> data\.json$/);
    const stat = await fsp.stat(file());
    expect(stat.mode & 0o777).toBe(0o600);
  });

  it('leaves the old file intact and cleans up when the final rename fails', async () => {
    await store().write({ items: [1] });
    const fs: StoreFileSystem = { ...fsp, rename: async () => Promise.reject(Object.assign(new Error('disk full'), { code: 'ENOSPC' })) };
    const failing = store({ fs });
    await expect(failing.write({ items: [2] })).rejects.toMatchObject({ code: 'storage-failed' });
    expect(await failing.read()).toEqual({ items: [1] });
    expect(await listing()).toEqual(['data.json']);
    expect(JSON.parse(await fsp.readFile(file(), 'utf8')).items).toEqual([1]);
  });

  it('never interleaves concurrent updates', async () => {
    const shared = store();
    await Promise.all(Array.from({ length: 40 }, (_, n) => shared.update((current) => ({ items: [...current.items, n] }))));
    const onDisk = JSON.parse(await fsp.readFile(file(), 'utf8')).items as number[];
    expect(onDisk).toHaveLength(40);
    expect(new Set(onDisk).size).toBe(40);
    expect(await store().read()).toEqual({ items: onDisk });
  });

  it('keeps serving from memory after the first read', async () => {
    let reads = 0;
    const fs: StoreFileSystem = {
      ...fsp,
      readFile: (async (...args: Parameters<typeof fsp.readFile>) => {
        reads += 1;
        return fsp.readFile(...args);
      }) as typeof fsp.readFile,
    };
    const cached = store({ fs });
    await cached.write({ items: [3] });
    for (let i = 0; i < 5; i += 1) await cached.read();
    expect(reads).toBe(1);
  });

  it('moves a corrupt file aside with a timestamp, reports it once, and starts empty', async () => {
    await fsp.writeFile(file(), '{"version":1,"items":[1,');
    const broken = store();
    const { value, recovery } = await broken.load();
    expect(value).toEqual({ items: [] });
    expect(recovery).toEqual({
      fileName: 'data.json',
      movedTo: 'data.json.corrupt-2026-11-26T13-55-00Z',
      at: '2026-11-26T13:55:00.456Z',
      reason: 'invalid-json',
      dropped: 0,
    });
    expect((await broken.load()).recovery).toBeNull();
    expect(await fsp.readFile(path.join(dir, 'data.json.corrupt-2026-11-26T13-55-00Z'), 'utf8')).toBe('{"version":1,"items":[1,');
    await broken.write({ items: [9] });
    expect(await listing()).toEqual(['data.json', 'data.json.corrupt-2026-11-26T13-55-00Z']);
  });

  it('never overwrites an earlier moved-aside file from the same second', async () => {
    await fsp.writeFile(file(), 'garbage');
    await store().load();
    await fsp.writeFile(file(), 'more garbage');
    expect((await store().load()).recovery?.movedTo).toBe('data.json.corrupt-2026-11-26T13-55-00Z-2');
  });

  it('keeps the valid part of a partially valid file and preserves the original', async () => {
    const original = JSON.stringify({ version: 1, items: [1, 'two', 3, null] });
    await fsp.writeFile(file(), original);
    const { value, recovery } = await store().load();
    expect(value).toEqual({ items: [1, 3] });
    expect(recovery).toMatchObject({ reason: 'partially-valid', dropped: 2, movedTo: 'data.json.corrupt-2026-11-26T13-55-00Z' });
    expect(await fsp.readFile(path.join(dir, recovery?.movedTo ?? ''), 'utf8')).toBe(original);
    expect(JSON.parse(await fsp.readFile(file(), 'utf8'))).toEqual({ version: 1, items: [1, 3] });
  });

  it.each([
    ['a newer version', JSON.stringify({ version: 2, items: [] }), 'unsupported-version', 'data.json.unsupported-2026-11-26T13-55-00Z'],
    ['no version', JSON.stringify({ items: [] }), 'invalid-content', 'data.json.corrupt-2026-11-26T13-55-00Z'],
    ['the wrong shape', JSON.stringify({ version: 1, things: [] }), 'invalid-content', 'data.json.corrupt-2026-11-26T13-55-00Z'],
    ['an array', '[1,2]', 'invalid-content', 'data.json.corrupt-2026-11-26T13-55-00Z'],
  ])('moves aside a file with %s', async (_label, content, reason, movedTo) => {
    await fsp.writeFile(file(), content);
    expect((await store().load()).recovery).toMatchObject({ reason, movedTo });
  });

  it('moves aside something it cannot read at all', async () => {
    await fsp.mkdir(file());
    expect((await store().load()).recovery).toMatchObject({ reason: 'unreadable', movedTo: 'data.json.corrupt-2026-11-26T13-55-00Z' });
  });

  it('refuses to save over a file it could neither read nor move aside', async () => {
    await fsp.writeFile(file(), 'garbage');
    const fs: StoreFileSystem = { ...fsp, rename: async () => Promise.reject(new Error('EPERM')) };
    const stuck = store({ fs });
    expect((await stuck.load()).recovery).toMatchObject({ movedTo: null, reason: 'invalid-json' });
    const error = await stuck.write({ items: [1] }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppFailure);
    expect((error as AppFailure).code).toBe('storage-failed');
    expect(await fsp.readFile(file(), 'utf8')).toBe('garbage');
  });

  it('removes temp files left behind by a crash', async () => {
    await fsp.writeFile(path.join(dir, '.data.json.123.abcdef.tmp'), 'half');
    await fsp.writeFile(path.join(dir, '.other.json.123.abcdef.tmp'), 'not ours');
    await store().load();
    expect(await listing()).toEqual(['.other.json.123.abcdef.tmp']);
  });

  it('formats timestamps safely for file names', () => {
    expect(fileTimestamp(new Date('2026-11-26T13:55:00.999Z'))).toBe('2026-11-26T13-55-00Z');
  });
});
