import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppFailure } from '../../shared/errors';
import { createFileRegistry, guessMimeType } from './file-handles';

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'mg-files-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function failureOf(promise: Promise<unknown>): Promise<AppFailure> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppFailure) return error;
    throw error;
  }
  throw new Error('expected a failure');
}

describe('file registry', () => {
  it('hands out opaque handles with name, size and type, and never the path', async () => {
    const file = path.join(dir, 'invoice.pdf');
    await fs.writeFile(file, 'pdf bytes');
    const registry = createFileRegistry();
    const [handle] = await registry.register([file]);
    expect(handle).toEqual({ handle: expect.stringMatching(/^[0-9a-f]{32}$/), name: 'invoice.pdf', size: 9, type: 'application/pdf' });
    expect(JSON.stringify(handle)).not.toContain(dir);
  });

  it('resolves a handle to a Blob backed by the file at send time', async () => {
    const file = path.join(dir, 'notes.txt');
    await fs.writeFile(file, 'first');
    const registry = createFileRegistry();
    const [picked] = await registry.register([file]);
    await fs.writeFile(file, 'changed later');
    const blob = await registry.resolve(picked?.handle ?? '');
    expect(await blob.text()).toBe('changed later');
    expect(blob.type).toBe('text/plain');
  });

  it('fails with file-missing, naming the file, when it vanished before sending', async () => {
    const file = path.join(dir, 'gone.csv');
    await fs.writeFile(file, 'a,b');
    const registry = createFileRegistry();
    const [picked] = await registry.register([file]);
    await fs.rm(file);
    const failure = await failureOf(registry.resolve(picked?.handle ?? ''));
    expect(failure.code).toBe('file-missing');
    expect(failure.message).toContain('gone.csv');
    expect(failure.message).not.toContain(dir);
  });

  it('rejects unknown and released handles', async () => {
    const file = path.join(dir, 'a.txt');
    await fs.writeFile(file, 'a');
    const registry = createFileRegistry();
    const [picked] = await registry.register([file]);
    expect((await failureOf(registry.resolve('made-up'))).code).toBe('file-missing');
    expect(registry.release([picked?.handle ?? '', 'made-up'])).toBe(1);
    expect((await failureOf(registry.resolve(picked?.handle ?? ''))).code).toBe('file-missing');
  });

  it('refuses folders and missing paths at pick time', async () => {
    const registry = createFileRegistry();
    expect((await failureOf(registry.register([dir]))).code).toBe('file-missing');
    expect((await failureOf(registry.register([path.join(dir, 'nope.txt')]))).code).toBe('file-missing');
  });

  it('bounds how many handles it holds', async () => {
    const file = path.join(dir, 'a.txt');
    await fs.writeFile(file, 'a');
    const registry = createFileRegistry({ maxHandles: 2 });
    await registry.register([file, file]);
    expect((await failureOf(registry.register([file]))).code).toBe('invalid-request');
  });

  it('guesses common types and leaves others blank', () => {
    expect(guessMimeType('photo.JPG')).toBe('image/jpeg');
    expect(guessMimeType('data.bin')).toBe('');
  });
});
