#!/usr/bin/env node
// The `mailgun-sandbox` command. It runs the TypeScript sources through tsx's
// loader, so it works from a fresh clone after `npm ci` with no build step.
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

// The project's own compiler settings, whatever folder the command is started from.
register({ tsconfig: fileURLToPath(new URL('../tsconfig.base.json', import.meta.url)) });
const { main } = await import('./cli.ts');
process.exitCode = await main(process.argv.slice(2));
