// Runs Electronegativity over the main-process and renderer sources and fails on
// any finding of level warning or error. The tool itself always exits 0, so the
// SARIF it writes is the only trustworthy answer.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
const electronVersion = JSON.parse(readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')).version;
// This check downloads Electron's release list, which these machines cannot reach; the version is pinned in package.json instead.
const offlineExcluded = 'AvailableSecurityFixesGlobalCheck';

/** Copies the given folders (without tests) into one tree, so global checks such as the CSP see main and renderer together. */
function stage(sources) {
  const dir = mkdtempSync(path.join(tmpdir(), 'electronegativity-'));
  for (const source of sources) {
    cpSync(path.resolve(root, source), path.join(dir, path.basename(source)), {
      recursive: true,
      filter: (file) => !/\.test\.tsx?$/.test(file) && !file.includes(`${path.sep}node_modules`),
    });
  }
  return dir;
}

export function runGate(sources) {
  const input = stage(sources);
  const sarifPath = path.join(input, 'report.sarif');
  try {
    const bin = path.join(root, 'node_modules/.bin/electronegativity');
    const run = spawnSync(bin, ['-i', input, '-e', electronVersion, '-r', '-v', 'false', '-x', offlineExcluded, '-o', sarifPath], {
      encoding: 'utf8',
      env: { ...process.env, FORCE_COLOR: '0' },
    });
    if (run.status !== 0) throw new Error(`electronegativity exited with ${run.status}: ${run.stderr}`);
    const sarif = JSON.parse(readFileSync(sarifPath, 'utf8'));
    const results = sarif.runs.flatMap((r) => r.results ?? []);
    return results.map((r) => ({
      rule: r.ruleId,
      level: r.level,
      file: r.locations?.[0]?.physicalLocation?.artifactLocation?.uri ?? '',
      line: r.locations?.[0]?.physicalLocation?.region?.startLine ?? 0,
    }));
  } finally {
    rmSync(input, { recursive: true, force: true });
  }
}

export const failingLevels = new Set(['warning', 'error']);

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const sources = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['electron', 'renderer'];
  const findings = runGate(sources);
  const failing = findings.filter((f) => failingLevels.has(f.level));
  for (const f of findings) console.log(`${failingLevels.has(f.level) ? 'FAIL' : 'note'} ${f.level} ${f.rule} ${f.file}:${f.line}`);
  console.log(
    `security gate (Electron ${electronVersion}): ${failing.length} findings of level warning or error, ${findings.length - failing.length} notes`,
  );
  process.exit(failing.length === 0 ? 0 : 1);
}
