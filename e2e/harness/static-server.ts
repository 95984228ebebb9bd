import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { appResponseHeaders, resolveAppAsset } from '../../electron/app-protocol';
import { appPreviewSource, pageContentSecurityPolicy, pageMetaContentSecurityPolicy } from '../../electron/security';
import { type PreviewRef, previewRefOf, previewResponse } from '../../electron/services/message-preview';

export type PreviewLookup = (ref: PreviewRef) => Promise<string | null>;

export interface StaticServer {
  readonly url: string;
  /** The loopback origin message previews come from, as the preview scheme is in the app; the page may frame it and nothing else. */
  readonly previewBase: string;
  /** Previews come from whichever main is current (a test's restart swaps it under the same page). */
  servePreviewsFrom(lookup: PreviewLookup | null): void;
  close(): Promise<void>;
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const close = (server: Server) =>
  new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });

/**
 * Serves the built renderer the way the app protocol does (same file mapping,
 * same headers) and message previews the way the preview protocol does (same
 * document, same policy), from a second loopback origin standing in for the
 * preview scheme. The page's policy names that origin where the app's names
 * the scheme; it is the app's policy otherwise, in the header and in the meta.
 */
export async function startStaticServer(rendererDir: string): Promise<StaticServer> {
  let lookup: PreviewLookup | null = null;
  const previews: Server = createServer((request, response) => {
    const ref = request.method === 'GET' ? previewRefOf(new URL(request.url ?? '/', 'http://preview').pathname) : null;
    const answer = async () => (ref && lookup ? lookup(ref) : null);
    answer().then(
      (html) => {
        const { status, headers, body } = previewResponse(html);
        response.writeHead(status, headers).end(body);
      },
      () => response.writeHead(500).end('Preview failed'),
    );
  });
  const previewOrigin = `http://${await listen(previews)}`;
  const policy = pageContentSecurityPolicy(previewOrigin);
  const appMeta = pageMetaContentSecurityPolicy(appPreviewSource);
  const harnessMeta = pageMetaContentSecurityPolicy(previewOrigin);

  let host = '';
  const pages: Server = createServer((request, response) => {
    const asset = resolveAppAsset(rendererDir, `http://${request.headers.host ?? ''}${request.url ?? '/'}`, host);
    if (!asset || request.method !== 'GET') {
      response.writeHead(404).end('Not found');
      return;
    }
    readFile(asset.filePath).then(
      (data) => {
        if (!asset.filePath.endsWith('.html')) return response.writeHead(200, appResponseHeaders(asset.contentType, policy)).end(data);
        const html = data.toString('utf8');
        // A page still holding another policy would test something the app does not ship.
        if (!html.includes(appMeta)) return response.writeHead(500).end('index.html does not carry the app policy in its meta');
        response.writeHead(200, appResponseHeaders(asset.contentType, policy)).end(html.replace(appMeta, harnessMeta));
      },
      () => response.writeHead(404).end('Not found'),
    );
  });
  host = await listen(pages);
  return {
    url: `http://${host}/index.html`,
    previewBase: previewOrigin,
    servePreviewsFrom: (next) => {
      lookup = next;
    },
    close: async () => {
      await Promise.all([close(pages), close(previews)]);
    },
  };
}
