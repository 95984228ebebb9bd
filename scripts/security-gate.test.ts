import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

function gate(...sources: string[]) {
  const run = spawnSync(process.execPath, ['scripts/security-gate.mjs', ...sources], { encoding: 'utf8' });
  return { status: run.status, output: run.stdout + run.stderr };
}

/** A copy of the app's own sources with one window option weakened. */
function weakenedCopy(option: string, secure: string, insecure: string) {
  const dir = mkdtempSync(path.join(tmpdir(), 'gate-fixture-'));
  cpSync('electron', path.join(dir, 'electron'), { recursive: true });
  cpSync('renderer', path.join(dir, 'renderer'), { recursive: true });
  const file = path.join(dir, 'electron', 'window-options.ts');
  const source = readFileSync(file, 'utf8');
  const weakened = source.replace(`${option}: ${secure},`, `${option}: ${insecure},`);
  if (weakened === source) throw new Error(`${option} not found in window-options.ts`);
  writeFileSync(file, weakened);
  return dir;
}

const fixtures: string[] = [];
afterAll(() => {
  for (const dir of fixtures) rmSync(dir, { recursive: true, force: true });
});

describe('security gate', () => {
  it('passes the app itself', () => {
    const { status, output } = gate('electron', 'renderer');
    expect(output).toContain('0 findings of level warning or error');
    expect(status).toBe(0);
  });

  it.each([
    ['sandbox', 'true', 'false', 'SANDBOX_JS_CHECK'],
    ['contextIsolation', 'true', 'false', 'CONTEXT_ISOLATION_JS_CHECK'],
  ])('fails when %s is weakened', (option, secure, insecure, rule) => {
    const dir = weakenedCopy(option, secure, insecure);
    fixtures.push(dir);
    const { status, output } = gate(path.join(dir, 'electron'), path.join(dir, 'renderer'));
    expect(output).toMatch(new RegExp(`FAIL warning ${rule}`));
    expect(status).toBe(1);
  });
});
