import { execFile } from 'node:child_process';
import * as fs from 'node:fs/promises';
import * as http from 'node:http';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

/** A request as the test server saw it, body included. */
export interface CapturedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: Buffer;
}

export type TestHandler = (req: http.IncomingMessage, res: http.ServerResponse, body: Buffer) => void;

export interface LocalServer {
  readonly origin: string;
  readonly port: number;
  readonly requests: CapturedRequest[];
  close(): Promise<void>;
}

/**
 * A server on 127.0.0.1 with a random port, for tests only. Bodies are
 * capped so a runaway test cannot eat memory; close() drops open sockets.
 */
export async function startLocalServer(handler: TestHandler, tls?: { key: string; cert: string }): Promise<LocalServer> {
  const requests: CapturedRequest[] = [];
  const listener = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > 20 * 1024 * 1024) req.destroy();
      else chunks.push(chunk);
    });
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      handler(req, res, body);
    });
  };
  const server = tls ? https.createServer(tls, listener) : http.createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `${tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    port,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A port nothing listens on: bind one, then let it go. */
export async function closedPort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A throw-away self-signed certificate from the openssl CLI; undefined when openssl is not installed. */
export async function selfSignedCert(): Promise<{ key: string; cert: string } | undefined> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'mg-cert-'));
  const keyPath = path.join(dir, 'key.pem');
  const certPath = path.join(dir, 'cert.pem');
  try {
    await new Promise<void>((resolve, reject) =>
      execFile(
        'openssl',
        ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', keyPath, '-out', certPath, '-days', '1', '-subj', '/CN=localhost'],
        { timeout: 15_000 },
        (error) => (error ? reject(error) : resolve()),
      ),
    );
    return { key: await fs.readFile(keyPath, 'utf8'), cert: await fs.readFile(certPath, 'utf8') };
  } catch {
    return undefined;
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
