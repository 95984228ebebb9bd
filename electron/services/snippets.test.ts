import { execFile } from 'node:child_process';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getEndpoint } from '../../shared/catalog';
import type { RequestValues } from '../../shared/request';
import type { SnippetLanguage } from '../../shared/snippets';
import { createFileRegistry } from './file-handles';
import { createRequestSender, type SendEnvironment } from './send-request';
import { createSnippetService } from './snippets';
import { type LocalServer, startLocalServer } from './testing/local-server';
import { testPipeline } from './testing/pipeline';

const run = promisify(execFile);
const KEY = 'key-snippet-0123456789abcdef';
const OFFICIAL = 'https://api.mailgun.net';
const PDF = Buffer.from('%PDF-1.4 binary \u0000\u00ff\u0010 bytes', 'latin1');

/** What reached the server, reduced to the facts a snippet must get right. */
interface Arrived {
  method: string;
  path: string;
  auth: string | undefined;
  onBehalfOf: string | undefined;
  fields: [string, string][];
  files: { field: string; name: string; bytes: string }[];
}

async function decode(request: LocalServer['requests'][number]): Promise<Arrived> {
  const form = await new Request('http://x/', {
    method: 'POST',
    headers: { 'content-type': String(request.headers['content-type'] ?? '') },
    body: new Uint8Array(request.body),
  }).formData();
  const fields: [string, string][] = [];
  const files: Arrived['files'] = [];
  for (const [name, value] of form.entries()) {
    // FormData (the app, fetch) sends line breaks in text fields as CRLF, curl as typed; both are one line break to Mailgun.
    if (typeof value === 'string') fields.push([name, value.replaceAll('\r\n', '\n')]);
    else files.push({ field: name, name: value.name, bytes: Buffer.from(await value.arrayBuffer()).toString('hex') });
  }
  return {
    method: request.method,
    path: request.url,
    auth: request.headers.authorization,
    onBehalfOf: request.headers['x-mailgun-on-behalf-of'] as string | undefined,
    fields,
    files,
  };
}

let server: LocalServer;
let dir: string;

beforeAll(async () => {
  server = await startLocalServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"id":"<1@mg.example.com>","message":"Queued. Thank you."}');
  });
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'snippets-'));
  await fs.writeFile(path.join(dir, 'report.pdf'), PDF);
});

afterAll(async () => {
  await server.close();
  await fs.rm(dir, { recursive: true, force: true });
});

function environment(baseUrl: string): SendEnvironment {
  return { id: 'env-1', name: 'Test', baseUrl, domain: 'mg.example.com', subaccountId: 'sub-42', readOnly: false, keyKind: 'primary' };
}

const snippets = createSnippetService({
  getEnvironment: () => environment(OFFICIAL),
  getKey: async () => KEY,
  getEndpoint,
});

function messageValues(handle: string): RequestValues {
  return {
    params: {
      from: 'Sender <me@mg.example.com>',
      to: ['alice@example.com', 'bob@example.com'],
      subject: `Report: it's "ready" & $HOME #{x}`,
      text: 'Line one\nline two',
      attachment: [{ kind: 'file', handle, name: 'report.pdf', size: PDF.byteLength }],
    },
  };
}

/** Sends through the app's own sender and executor, returning what arrived. */
async function sendThroughApp(endpointId: string, values: (handle: string) => RequestValues): Promise<Arrived> {
  const files = createFileRegistry();
  const [file] = await files.register([path.join(dir, 'report.pdf')]);
  const sender = createRequestSender({
    getEnvironment: () => environment(server.origin),
    getEndpoint,
    files,
    pipeline: testPipeline({ getKey: async () => KEY }),
  });
  const before = server.requests.length;
  await sender.send({ requestId: crypto.randomUUID(), environmentId: 'env-1', endpointId, values: values(file?.handle ?? '') });
  const arrived = server.requests[before];
  if (!arrived) throw new Error('The app sent nothing.');
  return decode(arrived);
}

async function snippetFor(language: SnippetLanguage, endpointId: string, values: RequestValues): Promise<string> {
  const [snippet] = await snippets.generate({ environmentId: 'env-1', endpointId, values, language });
  if (!snippet) throw new Error(`No ${language} snippet.`);
  return snippet.code;
}

async function runAndCapture(command: string, args: string[]): Promise<Arrived> {
  const before = server.requests.length;
  await run(command, args, { cwd: dir, env: { PATH: process.env.PATH ?? '', MAILGUN_API_KEY: KEY }, timeout: 15_000 });
  const arrived = server.requests[before];
  if (!arrived) throw new Error(`${command} sent nothing.`);
  return decode(arrived);
}

describe('snippets run against a local server send what the app sends', () => {
  it('cURL: method, path, Basic auth, subaccount, both recipients and the file', async () => {
    const expected = await sendThroughApp('messages.send', messageValues);
    const code = await snippetFor('curl', 'messages.send', messageValues('h1'));
    expect(code).toContain('--user "api:$MAILGUN_API_KEY"');
    expect(code).not.toMatch(/content-type: multipart/i);
    const script = path.join(dir, 'send.sh');
    await fs.writeFile(script, code.replace(OFFICIAL, server.origin).replace(/^curl /, 'curl --silent --show-error '));
    const actual = await runAndCapture('/bin/sh', [script]);
    expect(actual).toEqual(expected);
    expect(actual.fields.filter(([name]) => name === 'to').map(([, value]) => value)).toEqual(['alice@example.com', 'bob@example.com']);
    expect(actual.files).toEqual([{ field: 'attachment', name: 'report.pdf', bytes: PDF.toString('hex') }]);
    expect(actual.auth).toBe(`Basic ${Buffer.from(`api:${KEY}`).toString('base64')}`);
    expect(actual.onBehalfOf).toBe('sub-42');
  });

  it('Node.js fetch: the same request arrives', async () => {
    const expected = await sendThroughApp('messages.send', messageValues);
    const code = await snippetFor('node-fetch', 'messages.send', messageValues('h1'));
    expect(code).toContain('process.env.MAILGUN_API_KEY');
    const script = path.join(dir, 'send.mjs');
    await fs.writeFile(script, code.replace(OFFICIAL, server.origin));
    expect(await runAndCapture(process.execPath, [script])).toEqual(expected);
  });

  it('cURL: a urlencoded body keeps repeated fields and values with & and =', async () => {
    const values = () => ({
      params: { expression: 'match_recipient("a&b=c@example.com")', action: ['forward("x@example.com")', 'stop()'] },
    });
    const before = server.requests.length;
    await sendThroughApp('routes.create', values).catch(() => undefined);
    const appBody = server.requests[before]?.body.toString('utf8');
    const script = path.join(dir, 'route.sh');
    await fs.writeFile(script, (await snippetFor('curl', 'routes.create', values())).replace(OFFICIAL, server.origin));
    const runBefore = server.requests.length;
    await run('/bin/sh', [script], { cwd: dir, env: { PATH: process.env.PATH ?? '', MAILGUN_API_KEY: KEY } });
    const curlBody = server.requests[runBefore]?.body.toString('utf8') ?? '';
    expect([...new URLSearchParams(curlBody)]).toEqual([...new URLSearchParams(appBody)]);
  });
});

describe('snippet text per language for two recipients and an attachment', () => {
  const expectations: Record<Exclude<SnippetLanguage, 'curl' | 'node-fetch'>, { auth: string[]; to: string[]; file: string }> = {
    'node-mailgun': {
      auth: ["username: 'api'", 'key: process.env.MAILGUN_API_KEY'],
      to: ["to: ['alice@example.com', 'bob@example.com']"],
      file: "attachment: [{ filename: 'report.pdf', data: await readFile('report.pdf') }]",
    },
    python: {
      auth: ['auth=("api", os.environ["MAILGUN_API_KEY"])'],
      to: ['("to", "alice@example.com")', '("to", "bob@example.com")'],
      file: '("attachment", ("report.pdf", open("report.pdf", "rb")))',
    },
    go: {
      auth: ['req.SetBasicAuth("api", os.Getenv("MAILGUN_API_KEY"))'],
      to: ['form.WriteField("to", "alice@example.com")', 'form.WriteField("to", "bob@example.com")'],
      file: 'form.CreateFormFile("attachment", "report.pdf")',
    },
    php: {
      auth: ["'auth' => ['api', getenv('MAILGUN_API_KEY')]"],
      to: ["['name' => 'to', 'contents' => 'alice@example.com']", "['name' => 'to', 'contents' => 'bob@example.com']"],
      file: "['name' => 'attachment', 'contents' => fopen('report.pdf', 'r'), 'filename' => 'report.pdf']",
    },
    ruby: {
      auth: ['request.basic_auth(\'api\', ENV["MAILGUN_API_KEY"])'],
      to: ["['to', 'alice@example.com']", "['to', 'bob@example.com']"],
      file: "['attachment', File.open('report.pdf'), { filename: 'report.pdf' }]",
    },
    java: {
      auth: ['Credentials.basic("api", System.getenv("MAILGUN_API_KEY"))'],
      to: ['.addFormDataPart("to", "alice@example.com")', '.addFormDataPart("to", "bob@example.com")'],
      file: '.addFormDataPart("attachment", "report.pdf", RequestBody.create(new File("report.pdf")',
    },
    csharp: {
      auth: ['Environment.GetEnvironmentVariable("MAILGUN_API_KEY")', 'new AuthenticationHeaderValue('],
      to: ['form.Add(new StringContent("alice@example.com"), "to");', 'form.Add(new StringContent("bob@example.com"), "to");'],
      file: 'form.Add(new StreamContent(File.OpenRead("report.pdf")), "attachment", "report.pdf");',
    },
  };

  for (const [language, expected] of Object.entries(expectations)) {
    it(language, async () => {
      const code = await snippetFor(language as SnippetLanguage, 'messages.send', messageValues('h1'));
      for (const text of [...expected.auth, ...expected.to, expected.file]) expect(code).toContain(text);
      expect(code).toContain('https://api.mailgun.net');
      expect(code).toContain('sub-42');
      expect(code).not.toContain(KEY);
    });
  }

  it('offers every language for messages.send, and no SDK snippet where the SDK has no call', async () => {
    const all = await snippets.generate({ environmentId: 'env-1', endpointId: 'messages.send', values: messageValues('h1') });
    expect(all.map((s) => s.language)).toEqual(['curl', 'node-fetch', 'node-mailgun', 'python', 'go', 'php', 'ruby', 'java', 'csharp']);
    const routes = await snippets.generate({
      environmentId: 'env-1',
      endpointId: 'routes.create',
      values: { params: { expression: 'x' } },
    });
    expect(routes.map((s) => s.language)).not.toContain('node-mailgun');
  });

  it('uses the environment’s region base URL', async () => {
    const eu = createSnippetService({
      getEnvironment: () => environment('https://api.eu.mailgun.net'),
      getKey: async () => KEY,
      getEndpoint,
    });
    const [curl] = await eu.generate({ environmentId: 'env-1', endpointId: 'domains.list', values: { params: {} }, language: 'curl' });
    expect(curl?.code).toContain('https://api.eu.mailgun.net/v4/domains');
  });
});

describe('copying with the key, done by main', () => {
  function fakeClipboard() {
    let text = '';
    return {
      writeText: (value: string) => {
        text = value;
      },
      readText: () => text,
      clear: () => {
        text = '';
      },
      get text() {
        return text;
      },
    };
  }

  function copier(answer: boolean, options: { getKey?: () => Promise<string | null> } = {}) {
    const clipboard = fakeClipboard();
    const questions: string[] = [];
    const timers: { run: () => Promise<void>; ms: number }[] = [];
    const service = createSnippetService({
      getEnvironment: () => environment(OFFICIAL),
      getKey: options.getKey ?? (async () => KEY),
      getEndpoint,
      clipboard,
      confirm: async (question) => {
        questions.push(`${question.message} ${question.detail}`);
        return answer;
      },
      setTimer: (run, ms) => timers.push({ run, ms }),
    });
    return { service, clipboard, questions, timers };
  }

  it('asks in main, copies the one snippet with the key, returns no code, and clears the clipboard after 60 s', async () => {
    const { service, clipboard, questions, timers } = copier(true);
    const result = await service.copyWithKey({
      environmentId: 'env-1',
      endpointId: 'messages.send',
      values: messageValues('h1'),
      language: 'python',
    });
    expect(result).toEqual({ copied: true, clearAfterSeconds: 60 });
    expect(JSON.stringify(result)).not.toContain(KEY);
    expect(questions).toHaveLength(1);
    expect(questions[0]).toMatch(/Python \(requests\) snippet with the real API key of "Test"/);
    expect(clipboard.text).toContain(`auth=("api", "${KEY}")`);
    expect(clipboard.text).not.toContain('os.environ');
    expect(timers.map((timer) => timer.ms)).toEqual([60_000]);
    await timers[0]?.run();
    expect(clipboard.text).toBe('');
  });

  it('leaves the clipboard alone after 60 s when the user copied something else meanwhile', async () => {
    const { service, clipboard, timers } = copier(true);
    await service.copyWithKey({ environmentId: 'env-1', endpointId: 'domains.list', values: { params: {} }, language: 'curl' });
    expect(clipboard.text).toContain(`--user 'api:${KEY}'`);
    clipboard.writeText('something the user copied');
    await timers[0]?.run();
    expect(clipboard.text).toBe('something the user copied');
  });

  it('copies nothing when the user says no', async () => {
    const { service, clipboard, timers } = copier(false);
    expect(
      await service.copyWithKey({ environmentId: 'env-1', endpointId: 'domains.list', values: { params: {} }, language: 'go' }),
    ).toEqual({
      copied: false,
    });
    expect(clipboard.text).toBe('');
    expect(timers).toEqual([]);
  });

  it('fails clearly when the environment has no key', async () => {
    const { service, questions } = copier(true, { getKey: async () => null });
    await expect(
      service.copyWithKey({ environmentId: 'env-1', endpointId: 'domains.list', values: { params: {} }, language: 'go' }),
    ).rejects.toMatchObject({ code: 'key-missing' });
    expect(questions).toEqual([]);
  });

  it('is refused where main has no clipboard', async () => {
    await expect(
      snippets.copyWithKey({ environmentId: 'env-1', endpointId: 'domains.list', values: { params: {} }, language: 'go' }),
    ).rejects.toMatchObject({ code: 'unsupported' });
  });
});

describe('invalid values', () => {
  it('reports the offending parameter', async () => {
    await expect(
      snippets.generate({ environmentId: 'env-1', endpointId: 'messages.send', values: { params: { from: 'a@example.com' } } }),
    ).rejects.toMatchObject({ code: 'invalid-request', field: 'to' });
  });
});
