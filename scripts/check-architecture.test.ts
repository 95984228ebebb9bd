import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module script without type declarations
import { checkArchitecture } from './check-architecture.mjs';

const base = mkdtempSync(path.join(tmpdir(), 'arch-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

function write(file: string, text: string) {
  mkdirSync(path.dirname(path.join(base, file)), { recursive: true });
  writeFileSync(path.join(base, file), text);
}

describe('architecture rules', () => {
  it('reports every boundary crossing and accepts the allowed imports', () => {
    write('shared/ok.ts', "import { z } from 'zod';\nexport const a = z;\n");
    write('shared/bad-node.ts', "import { readFile } from 'node:fs/promises';\nexport const b = readFile;\n");
    write('shared/bad-electron.ts', "import type { App } from 'electron';\nexport type C = App;\n");
    write('shared/bad-up.ts', "export { x } from '../renderer/x';\n");
    write('shared/ok.test.ts', "import { readFileSync } from 'node:fs';\nexport const d = readFileSync;\n");
    write('renderer/bad.tsx', "const fs = require('fs');\nexport const e = fs;\n");
    write('renderer/bad-dynamic.ts', "export const f = () => import('../electron/services/keychain');\n");
    write('renderer/bad-electron.ts', "import { ipcRenderer } from 'electron';\nexport const g = ipcRenderer;\n");
    write('renderer/ok.ts', "import { catalog } from '../shared/catalog';\nexport const h = catalog;\n");
    write(
      'renderer/features/history/bad.ts',
      "import { ResponseBody } from '../response/body/ResponseBody';\nexport const k = ResponseBody;\n",
    );
    write(
      'renderer/features/history/ok.ts',
      "import { a } from '../response';\nimport { b } from '../response/index';\nimport { c } from './inner/own';\nexport const l = [a, b, c];\n",
    );
    write('renderer/features/history/reach.test.ts', "import { d } from '../response/body/internal';\nexport const m = d;\n");
    write('renderer/app/bad.ts', "import { Catalog } from '../features/catalog/CatalogSidebar';\nexport const n = Catalog;\n");
    write('renderer/app/ok.ts', "import { Catalog } from '../features/catalog';\nexport const o = Catalog;\n");
    write('electron/bad.ts', "import { App } from '../renderer/app/App';\nexport const i = App;\n");
    write('shared/bad-sandbox.ts', "export { s } from '../sandbox/server';\n");
    write('renderer/bad-sandbox.ts', "export { s } from '../sandbox/server';\n");
    write(
      'sandbox/ok.ts',
      "import http from 'node:http';\nimport { k } from '../shared/sandbox/constants';\nimport { r } from './resources/r';\nexport const l = [http, k, r];\n",
    );
    write('sandbox/bad-app.ts', "import { services } from '../electron/services';\nexport const m = services;\n");
    write('sandbox/bad-electron.ts', "import { app } from 'electron';\nexport const n = app;\n");
    write('sandbox/bad.test.ts', "import { h } from '../electron/ipc/handlers/sandbox';\nexport const o = h;\n");
    write('electron/ok-sandbox.ts', "import { createSandboxServer } from '../sandbox/server';\nexport const p = createSandboxServer;\n");
    write('electron/ok.ts', "import path from 'node:path';\nimport { app } from 'electron';\nexport const j = [path, app];\n");

    const { violations } = checkArchitecture(base) as { violations: string[] };
    expect(violations.sort()).toEqual(
      [
        'electron/bad.ts: imports renderer code "../renderer/app/App"',
        'renderer/bad-dynamic.ts: imports main-process code "../electron/services/keychain" (use the bridge)',
        'renderer/bad-electron.ts: imports electron (use the bridge)',
        'renderer/bad.tsx: imports the Node built-in "fs"',
        'renderer/features/history/bad.ts: imports "../response/body/ResponseBody", an internal of the response feature (import its index.ts)',
        'renderer/app/bad.ts: imports "../features/catalog/CatalogSidebar", an internal of the catalog feature (import its index.ts)',
        'shared/bad-electron.ts: imports electron',
        'shared/bad-node.ts: imports the Node built-in "node:fs/promises"',
        'shared/bad-up.ts: imports "../renderer/x" from outside shared/',
        'shared/bad-sandbox.ts: imports "../sandbox/server" from outside shared/',
        'renderer/bad-sandbox.ts: imports main-process code "../sandbox/server" (use the bridge)',
        'sandbox/bad-app.ts: imports "../electron/services" from outside sandbox/ and shared/',
        'sandbox/bad-electron.ts: imports electron',
        'sandbox/bad.test.ts: imports "../electron/ipc/handlers/sandbox" from outside sandbox/ and shared/',
      ].sort(),
    );
  });
});
