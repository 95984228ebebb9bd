import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { type Figure, figure } from './stats';

/**
 * The JavaScript the first screen needs: the entry script and the modules it
 * preloads, as referenced by index.html. Lazily imported chunks (the catalog
 * data, for example) are reported separately.
 */
export async function bundleSize(rendererDir: string): Promise<Figure[]> {
  const html = await readFile(path.join(rendererDir, 'index.html'), 'utf8');
  const initial = new Set([...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.js)"/g)].map((m) => m[1] ?? ''));
  const assets = (await readdir(path.join(rendererDir, 'assets'))).filter((f) => f.endsWith('.js'));
  let initialRaw = 0;
  let initialGzip = 0;
  let totalRaw = 0;
  let totalGzip = 0;
  for (const file of assets) {
    const data = await readFile(path.join(rendererDir, 'assets', file));
    const gz = gzipSync(data, { level: 9 }).length;
    totalRaw += data.length;
    totalGzip += gz;
    if (initial.has(`assets/${file}`)) {
      initialRaw += data.length;
      initialGzip += gz;
    }
  }
  return [
    figure('initial JavaScript, gzipped', 'kB', [initialGzip / 1024], 400),
    figure('initial JavaScript, raw', 'kB', [initialRaw / 1024]),
    figure('all JavaScript incl. lazy chunks, gzipped', 'kB', [totalGzip / 1024]),
    figure('all JavaScript incl. lazy chunks, raw', 'kB', [totalRaw / 1024]),
  ];
}
