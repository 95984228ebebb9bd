import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getEndpoint } from '../catalog/index';
import { buildRequest } from './index';

interface Received {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: Buffer;
}

let server: Server;
let baseUrl: string;
const received: Received[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks) });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: '<test@mg.example.com>', message: 'Queued. Thank you.' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('catalog + buildRequest + fetch from plain Node', () => {
  it('sends messages.send as a multipart body Mailgun would accept', async () => {
    const endpoint = getEndpoint('messages.send');
    expect(endpoint).toBeDefined();
    if (!endpoint) return;

    const fileBytes = 'name,email\nAda,ada@example.com\n';
    const built = buildRequest(
      endpoint,
      {
        params: {
          from: 'Excited User <mailgun@mg.example.com>',
          to: ['alice@example.com', 'Bob <bob@example.com>'],
          subject: 'Hello',
          text: 'Testing some Mailgun awesomeness!',
          attachment: [{ kind: 'file', handle: 'handle-1', name: 'people.csv', size: fileBytes.length }],
        },
        extra: [
          { name: 'o:tag', value: 'september-newsletter' },
          { name: 'v:order-id', value: '1042' },
        ],
      },
      { baseUrl, domain: 'mg.example.com' },
      { resolveFile: () => new Blob([fileBytes], { type: 'text/csv' }) },
    );
    expect(built.headers).not.toHaveProperty('Authorization');

    // What the main process adds before sending.
    const auth = `Basic ${Buffer.from('api:key-test').toString('base64')}`;
    const response = await fetch(built.url, { method: built.method, headers: { ...built.headers, Authorization: auth }, body: built.body });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ message: 'Queued. Thank you.' });

    const request = received.at(-1);
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('/v3/mg.example.com/messages');
    expect(request?.headers.authorization).toBe(auth);
    const contentType = request?.headers['content-type'] ?? '';
    expect(contentType).toMatch(/^multipart\/form-data; boundary=/);

    // Parse what arrived with the platform's own multipart parser.
    const form = await new Response(new Uint8Array(request?.body ?? Buffer.alloc(0)), {
      headers: { 'content-type': contentType },
    }).formData();
    expect(form.getAll('to')).toEqual(['alice@example.com', 'Bob <bob@example.com>']);
    expect(form.get('from')).toBe('Excited User <mailgun@mg.example.com>');
    expect(form.get('subject')).toBe('Hello');
    expect(form.getAll('o:tag')).toEqual(['september-newsletter']);
    expect(form.get('v:order-id')).toBe('1042');
    const attachment = form.get('attachment');
    expect(attachment).toBeInstanceOf(Blob);
    expect((attachment as File).name).toBe('people.csv');
    expect(await (attachment as File).text()).toBe(fileBytes);
  });
});
