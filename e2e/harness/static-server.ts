import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { appResponseHeaders, resolveAppAsset } from '../../electron/app-protocol';

export interface StaticServer {
  readonly url: string;
  close(): Promise<void>;
}

/** Serves the built renderer the way the app protocol does: same file mapping, same CSP header. */
export async function startStaticServer(rendererDir: string): Promise<StaticServer> {
  let host = '';
  const server: Server = createServer((request, response) => {
    const asset = resolveAppAsset(rendererDir, `http://${request.headers.host ?? ''}${request.url ?? '/'}`, host);
    if (!asset || request.method !== 'GET') {
      response.writeHead(404).end('Not found');
      return;
    }
    readFile(asset.filePath).then(
      (data) => response.writeHead(200, appResponseHeaders(asset.contentType)).end(data),
      () => response.writeHead(404).end('Not found'),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `http://${host}/index.html`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
