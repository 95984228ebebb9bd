import { spawn } from 'node:child_process';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StoreProbe, storesUnderTest } from './testing/store-probes';

/**
 * The corruption matrix: every store of the data folder, each kind of damage.
 * Each must load (recovering, or saying clearly what is wrong), keep the
 * damaged original, save again where the folder allows it, and leave every
 * other file of the data folder exactly as it was.
 */

const probesModule = path.join(__dirname, 'testing', 'store-probes.ts');
const nobody = 65534;
const isRoot = process.getuid?.() === 0;

let scratch: string;
beforeAll(async () => {
  scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'store-matrix-'));
  await fs.chmod(scratch, 0o755);
});
afterAll(() => fs.rm(scratch, { recursive: true, force: true }));

async function listFiles(root: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const name of await fs.readdir(root, { recursive: true })) {
    const full = path.join(root, name);
    if ((await fs.lstat(full)).isFile()) files.set(name, await fs.readFile(full, 'latin1'));
  }
  return files;
}

/** A data folder holding every store with something in it, plus a file that belongs to none. */
async function populatedDataDir(): Promise<string> {
  const dir = await fs.mkdtemp(path.join(scratch, 'data-'));
  await fs.chmod(dir, 0o755);
  for (const store of Object.values(storesUnderTest)) {
    const probe = store.open(dir);
    await probe.read();
    expect(await probe.write()).toBeNull();
    await probe.close();
  }
  await fs.writeFile(path.join(dir, 'other-data.txt'), 'belongs to nobody');
  return dir;
}

async function inProcess(store: StoreProbe) {
  try {
    const read = await store.read();
    const write = await store.write();
    return { read, write };
  } finally {
    await store.close();
  }
}

/**
 * Read-only cases run in a child process as an unprivileged user, since
 * root writes through any permission bits.
 */
function asOtherUser(name: string, dataDir: string): Promise<{ read: { items: number; notice: string | null }; write: string | null }> {
  const script = `
import { storesUnderTest } from ${JSON.stringify(probesModule)};
const [name, dataDir] = process.argv.slice(-2);
const probe = storesUnderTest[name].open(dataDir);
const read = await probe.read();
const write = await probe.write();
await probe.close();
process.stdout.write('RESULT' + JSON.stringify({ read, write }));
process.exit(0);
`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, '--', name, dataDir], {
      cwd: path.resolve(__dirname, '../..'),
      env: { ...process.env, HOME: scratch },
      ...(isRoot ? { uid: nobody, gid: nobody } : {}),
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (err += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const marker = out.indexOf('RESULT');
      if (marker === -1) reject(new Error(`probe exited ${code}: ${err.slice(0, 2000)}`));
      else resolve(JSON.parse(out.slice(marker + 'RESULT'.length)));
    });
  });
}

async function chownTree(root: string): Promise<void> {
  if (!isRoot) return;
  await fs.chown(root, nobody, nobody);
  for (const name of await fs.readdir(root, { recursive: true })) await fs.lchown(path.join(root, name), nobody, nobody);
}

async function folders(root: string): Promise<string[]> {
  const found = [root];
  for (const name of await fs.readdir(root, { recursive: true })) {
    if ((await fs.lstat(path.join(root, name))).isDirectory()) found.push(path.join(root, name));
  }
  return found;
}

function expectOthersUntouched(before: Map<string, string>, after: Map<string, string>, target: string): void {
  for (const [name, content] of before) {
    if (name === target) continue;
    expect(after.get(name), `${name} must survive unchanged`).toBe(content);
  }
}

const damage: Record<string, (original: string) => string> = {
  truncated: (original) => original.slice(0, Math.floor(original.length / 2)),
  'invalid JSON': () => '{"version":1, this is not JSON',
  'wrong schema': () => '{"version":1,"something":"else entirely"}',
  empty: () => '',
};

for (const [name, store] of Object.entries(storesUnderTest)) {
  describe(`corruption matrix: ${store.file}`, () => {
    for (const [kind, corrupt] of Object.entries(damage)) {
      it(`${kind}: loads, keeps the damaged file aside, saves again, deletes nothing else`, async () => {
        const dir = await populatedDataDir();
        const target = path.join(dir, store.file);
        const damaged = corrupt(await fs.readFile(target, 'utf8'));
        await fs.writeFile(target, damaged);
        const before = await listFiles(dir);

        const { read, write } = await inProcess(store.open(dir));
        if (store.reportsWriteFailure) expect(read.notice, 'the user is told').toMatch(/kept as|rebuilt|started from the sample data/);
        expect(write).toBeNull();

        const after = await listFiles(dir);
        expectOthersUntouched(before, after, store.file);
        if (damaged !== '') expect([...after.entries()].some(([file, content]) => file !== store.file && content === damaged)).toBe(true);
        const again = await inProcess(store.open(dir));
        expect(again.read.items).toBeGreaterThan(0);
        // No second recovery; environments keep their notice until the user dismisses it.
        expect([null, read.notice]).toContain(again.read.notice);
      });
    }

    it('a directory in its place: loads, keeps the directory aside, saves again, deletes nothing else', async () => {
      const dir = await populatedDataDir();
      const target = path.join(dir, store.file);
      await fs.rm(target);
      await fs.mkdir(path.join(target, 'inner'), { recursive: true });
      await fs.writeFile(path.join(target, 'inner', 'kept.txt'), 'inside the folder');
      const before = await listFiles(dir);

      const { read, write } = await inProcess(store.open(dir));
      if (store.reportsWriteFailure) expect(read.notice).toMatch(/could not be read|not usable/);
      expect(write).toBeNull();

      const after = await listFiles(dir);
      expectOthersUntouched(new Map([...before].filter(([file]) => !file.startsWith(`${store.file}${path.sep}`))), after, store.file);
      expect([...after.entries()].some(([file, content]) => file.endsWith('kept.txt') && content === 'inside the folder')).toBe(true);
    });

    it('a read-only file: still read, and replaced atomically on save', async () => {
      const dir = await populatedDataDir();
      await chownTree(dir);
      await fs.chmod(path.join(dir, store.file), 0o444);
      const before = await listFiles(dir);
      const { read, write } = await asOtherUser(name, dir);
      expect(read.items).toBeGreaterThan(0);
      expect(read.notice).toBeNull();
      expect(write).toBeNull();
      expectOthersUntouched(before, await listFiles(dir), store.file);
    });

    it('a read-only folder: still read; a save fails with a typed error; nothing is changed', async () => {
      const dir = await populatedDataDir();
      await chownTree(dir);
      for (const folder of await folders(dir)) await fs.chmod(folder, 0o555);
      const before = await listFiles(dir);
      try {
        const { read, write } = await asOtherUser(name, dir);
        expect(read.items).toBeGreaterThan(0);
        expect(write).toBe(store.reportsWriteFailure ? 'storage-failed' : null);
        expect(await listFiles(dir)).toEqual(before);
      } finally {
        for (const folder of await folders(dir)) await fs.chmod(folder, 0o755);
      }
    });

    it('a damaged file in a read-only folder: says it could not be set aside, and overwrites nothing', async () => {
      const dir = await populatedDataDir();
      await fs.writeFile(path.join(dir, store.file), '{"version":1, damaged');
      await chownTree(dir);
      for (const folder of await folders(dir)) await fs.chmod(folder, 0o555);
      const before = await listFiles(dir);
      try {
        const { read, write } = await asOtherUser(name, dir);
        if (store.reportsWriteFailure) {
          expect(read.notice).toMatch(/could not be moved aside/);
          expect(write).toBe('storage-failed');
        }
        expect(await listFiles(dir)).toEqual(before);
      } finally {
        for (const folder of await folders(dir)) await fs.chmod(folder, 0o755);
      }
    });
  });
}
