// The boundaries between the app's parts, checked on every import:
// shared/ is pure (no Node, no electron, no DOM, no UI), renderer/ reaches main
// only through the bridge, main never reaches into the renderer, renderer
// features use one another only through their index.ts, and sandbox/ (the
// standalone simulated Mailgun) stands on shared/ and Node alone, so it runs
// without the app.
// (DOM globals in shared/ are ruled out separately: tsconfig.shared.json has no DOM lib.)
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
const builtins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));
const isBuiltin = (spec) => builtins.has(spec) || spec.startsWith('node:') || builtins.has(spec.split('/')[0]);
const isTest = (file) => /\.test\.tsx?$/.test(file) || file.includes('__fixtures__');

function* sourceFiles(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') yield* sourceFiles(full);
    } else if (/\.(ts|tsx|mts|cts)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) {
      yield full;
    }
  }
}

export function importsOf(file) {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found = [];
  const visit = (node) => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      found.push(node.moduleSpecifier.text);
    } else if (ts.isCallExpression(node) && node.arguments.length > 0 && ts.isStringLiteralLike(node.arguments[0])) {
      const callee = node.expression;
      if (callee.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(callee) && callee.text === 'require'))
        found.push(node.arguments[0].text);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      found.push(node.argument.literal.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function resolvesInto(file, spec, folder, base) {
  if (!spec.startsWith('.')) return false;
  const target = path.resolve(path.dirname(file), spec);
  const boundary = path.join(base, folder);
  return target === boundary || target.startsWith(boundary + path.sep);
}

/**
 * The feature an import reaches into past its index.ts, if any: features use
 * each other (and the app uses them) only through what each index exports.
 */
function featureInternals(file, spec, base) {
  if (!spec.startsWith('.')) return null;
  const features = path.join(base, 'renderer', 'features');
  const target = path.resolve(path.dirname(file), spec);
  const inside = path.relative(features, target);
  if (inside.startsWith('..') || path.isAbsolute(inside)) return null;
  const [feature, ...rest] = inside.split(path.sep);
  const from = path.relative(features, file).split(path.sep);
  if (!from[0]?.startsWith('..') && from[0] === feature) return null;
  const entry = rest.join('/');
  return entry === '' || entry === 'index' || entry === 'index.ts' ? null : feature;
}

const rules = [
  {
    folder: 'shared',
    check: (file, spec, base) => {
      if (spec === 'electron' || spec.startsWith('electron/')) return 'imports electron';
      if (!isTest(file) && isBuiltin(spec)) return `imports the Node built-in "${spec}"`;
      if (spec === 'react' || spec.startsWith('react-dom') || spec.startsWith('@tanstack/')) return `imports the UI library "${spec}"`;
      if (['renderer', 'electron', 'sandbox'].some((folder) => resolvesInto(file, spec, folder, base)))
        return `imports "${spec}" from outside shared/`;
      return null;
    },
  },
  {
    folder: 'renderer',
    check: (file, spec, base) => {
      if (spec === 'electron' || spec.startsWith('electron/')) return 'imports electron (use the bridge)';
      if (!isTest(file) && isBuiltin(spec)) return `imports the Node built-in "${spec}"`;
      if (resolvesInto(file, spec, 'electron', base) || resolvesInto(file, spec, 'sandbox', base))
        return `imports main-process code "${spec}" (use the bridge)`;
      const reach = featureInternals(file, spec, base);
      if (reach && !isTest(file)) return `imports "${spec}", an internal of the ${reach} feature (import its index.ts)`;
      return null;
    },
  },
  {
    folder: 'electron',
    check: (file, spec, base) => (resolvesInto(file, spec, 'renderer', base) ? `imports renderer code "${spec}"` : null),
  },
  {
    folder: 'sandbox',
    check: (file, spec, base) => {
      if (spec === 'electron' || spec.startsWith('electron/')) return 'imports electron';
      if (spec === 'react' || spec.startsWith('react-dom') || spec.startsWith('@tanstack/')) return `imports the UI library "${spec}"`;
      if (spec.startsWith('.') && !resolvesInto(file, spec, 'sandbox', base) && !resolvesInto(file, spec, 'shared', base))
        return `imports "${spec}" from outside sandbox/ and shared/`;
      return null;
    },
  },
];

export function checkArchitecture(base = root) {
  const violations = [];
  let files = 0;
  for (const rule of rules) {
    for (const file of sourceFiles(path.join(base, rule.folder))) {
      files += 1;
      for (const spec of importsOf(file)) {
        const problem = rule.check(file, spec, base);
        if (problem) violations.push(`${path.relative(base, file)}: ${problem}`);
      }
    }
  }
  return { files, violations };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { files, violations } = checkArchitecture();
  for (const v of violations) console.log(`FAIL ${v}`);
  console.log(`architecture rules: ${files} files checked, ${violations.length} violations`);
  process.exit(violations.length === 0 ? 0 : 1);
}
