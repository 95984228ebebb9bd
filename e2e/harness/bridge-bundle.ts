import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

let cached: Promise<string> | undefined;

/** The page-side bridge as one script, built from the same factory preload uses. */
export function pageBridgeScript(): Promise<string> {
  cached ??= build({
    entryPoints: [fileURLToPath(new URL('./page-bridge.ts', import.meta.url))],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome130',
    logLevel: 'silent',
  }).then((result) => {
    const output = result.outputFiles[0];
    if (!output) throw new Error('esbuild produced no page bridge bundle');
    return output.text;
  });
  return cached;
}
