import { execFile } from 'node:child_process';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getEndpoint } from '../../shared/catalog';
import { createSnippetService } from './snippets';
import { type LocalServer, startLocalServer } from './testing/local-server';

const run = promisify(execFile);
const KEY = 'key-snippet-0123456789abcdef';
const OFFICIAL = 'https://api.mailgun.net';

let server: LocalServer;
let dir: string;

beforeAll(async () => {
  server = await startLocalServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"id":"<1@mg.example.com>","message":"Queued. Thank you.","items":[],"domain":{"name":"mg.example.com"}}');
  });
  // Inside the repository, so the script resolves mailgun.js from the project's node_modules.
  await fs.mkdir(path.resolve('.tmp'), { recursive: true });
  dir = await fs.mkdtemp(path.resolve('.tmp', 'mailgun-js-'));
  await fs.writeFile(path.join(dir, 'report.pdf'), 'PDF bytes');
});

afterAll(async () => {
  await server.close();
  await fs.rm(dir, { recursive: true, force: true });
});

const snippets = createSnippetService({
  getEnvironment: () => ({
    id: 'env-1',
    name: 'Test',
    baseUrl: OFFICIAL,
    domain: 'mg.example.com',
    subaccountId: 'sub-42',
    readOnly: false,
    keyKind: 'primary',
  }),
  getKey: async () => KEY,
  getEndpoint,
});

async function runSnippet(endpointId: string, values: Parameters<typeof snippets.generate>[0]['values']) {
  const [snippet] = await snippets.generate({ environmentId: 'env-1', endpointId, values, language: 'node-mailgun' });
  if (!snippet) throw new Error('no mailgun.js snippet');
  const script = path.join(dir, `${endpointId}.mjs`);
  await fs.writeFile(script, snippet.code.replace(OFFICIAL, server.origin));
  const before = server.requests.length;
  await run(process.execPath, [script], { cwd: dir, env: { PATH: process.env.PATH ?? '', MAILGUN_API_KEY: KEY }, timeout: 15_000 });
  const arrived = server.requests[before];
  if (!arrived) throw new Error('the snippet sent nothing');
  return arrived;
}

describe('the mailgun.js snippets, run with the real SDK against a local server', () => {
  it('sends a message with both recipients, the file, the key and the subaccount', async () => {
    const arrived = await runSnippet('messages.send', {
      params: {
        from: 'Sender <me@mg.example.com>',
        to: ['alice@example.com', 'bob@example.com'],
        subject: 'Report',
        text: 'Hello',
        attachment: [{ kind: 'file', handle: 'h1', name: 'report.pdf', size: 9 }],
      },
    });
    expect(arrived.method).toBe('POST');
    expect(arrived.url).toBe('/v3/mg.example.com/messages');
    expect(arrived.headers.authorization).toBe(`Basic ${Buffer.from(`api:${KEY}`).toString('base64')}`);
    expect(arrived.headers['x-mailgun-on-behalf-of']).toBe('sub-42');
    const form = await new Request('http://x/', {
      method: 'POST',
      headers: { 'content-type': String(arrived.headers['content-type']) },
      body: new Uint8Array(arrived.body),
    }).formData();
    expect(form.getAll('to')).toEqual(['alice@example.com', 'bob@example.com']);
    expect(form.get('subject')).toBe('Report');
    const file = form.get('attachment');
    expect(file instanceof File ? [file.name, await file.text()] : file).toEqual(['report.pdf', 'PDF bytes']);
  });

  it('lists domains with the paging options', async () => {
    const arrived = await runSnippet('domains.list', { params: { limit: 10, skip: 20 } });
    expect(arrived.method).toBe('GET');
    const url = new URL(arrived.url, 'http://x');
    expect([url.pathname, url.searchParams.get('limit'), url.searchParams.get('skip')]).toEqual(['/v4/domains', '10', '20']);
  });

  it('gets a domain', async () => {
    const arrived = await runSnippet('domains.get', { params: { name: 'mg.example.com' } });
    expect([arrived.method, arrived.url]).toEqual(['GET', '/v4/domains/mg.example.com']);
  });
});
