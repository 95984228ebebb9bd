// Bundles main and preload with esbuild. Preload must be a single CommonJS file:
// a sandboxed preload can require nothing but a few Electron modules.
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  external: ['electron', 'keytar'],
  // Less to read from the asar at every start; names are kept so logged errors still say what they are.
  minify: true,
  keepNames: true,
};

await Promise.all([
  build({ ...common, entryPoints: ['electron/main.ts'], outfile: 'dist/electron/main.cjs' }),
  build({ ...common, entryPoints: ['electron/preload.ts'], outfile: 'dist/electron/preload.cjs' }),
]);
console.log('built dist/electron/main.cjs and dist/electron/preload.cjs');
