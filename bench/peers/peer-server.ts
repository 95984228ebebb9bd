import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export interface PeerServer {
  readonly url: string;
  close(): Promise<void>;
}

const entry = fileURLToPath(new URL('./peer-page.ts', import.meta.url));

const page = `<!doctype html><html><head><meta charset="utf-8"><title>peer viewers</title>
<style>html,body{margin:0;height:100%;font:13px sans-serif}#viewer{height:100vh;overflow:auto}</style>
</head><body><div id="viewer"></div><script src="/peer.js"></script></body></html>`;

/** Bundles the peer page in memory (never into dist/) and serves it on loopback. */
export async function startPeerServer(): Promise<PeerServer> {
  const bundle = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'iife',
    minify: true,
    target: 'chrome120',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  const script = bundle.outputFiles[0]?.text ?? '';
  const server: Server = createServer((request, response) => {
    if (request.url === '/peer.js') response.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
    else if (request.url === '/' || request.url === '/index.html') response.writeHead(200, { 'content-type': 'text/html' }).end(page);
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
