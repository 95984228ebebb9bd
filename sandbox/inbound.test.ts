import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { evaluateExpression } from './inbound';
import { startTestSandbox, type TestSandbox, US } from './test-support';
import { signWebhook } from './webhook-delivery';

let t: TestSandbox;
beforeEach(async () => {
  t = await startTestSandbox();
  // Only the routes each test creates.
  (await t.sandbox.admin.state()).regions.us.routes = [];
});
afterEach(async () => {
  await t.close();
});

/** A loopback endpoint that records what it was posted. */
async function startHook() {
  const requests: { url: string; contentType: string; body: Buffer }[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      requests.push({ url: req.url ?? '', contentType: String(req.headers['content-type']), body: Buffer.concat(chunks) });
      res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const message = { from: 'Ann <ann@example.com>', to: `support@${US}`, subject: 'Help with order 42', body: 'It broke.' };

async function route(priority: number, expression: string, actions: string[]) {
  const created = await t.call('/v3/routes', { form: { priority: String(priority), expression, action: actions } });
  expect(created.status).toBe(200);
}

describe('route filters', () => {
  const input = { recipient: 'support@mg.example.com', headers: { subject: 'Help with order 42', from: 'ann@example.com' } };
  it.each([
    ['catch_all()', true],
    ['match_recipient("support@.*")', true],
    ["match_recipient('sales@.*')", false],
    ['match_recipient("support")', false],
    ['match_header("subject", "order \\\\d+")', true],
    ['match_header("subject", ".*refund")', false],
    ['match_header("x-missing", ".*")', false],
    ['match_recipient(".*@mg.example.com") and match_header("subject", "help")', true],
    ['match_recipient(".*@mg.example.com") and match_header("subject", "refund")', false],
    ['match_recipient("(?P<user>.*)@mg.example.com")', true],
    ['match_recipient("(a+)+$")', false],
    ['something_else()', false],
  ])('%s → %s', (expression, expected) => {
    expect(evaluateExpression(expression, input).matched).toBe(expected);
  });
});

describe('simulated inbound message', () => {
  it('runs matching routes in priority order, forwards to loopback signed, stores, and stops', async () => {
    const hook = await startHook();
    try {
      await route(5, 'catch_all()', ['forward("https://hooks.example.com/never")']);
      await route(1, 'match_recipient("support@.*")', [`forward("${hook.origin}/inbound")`, 'store()', 'forward("desk@example.org")']);
      await route(2, 'match_header("subject", "refund")', ['stop()']);
      await route(3, 'match_header("subject", "order")', ['stop()']);
      const result = await t.sandbox.admin.simulateInbound('us', message);

      expect(result.routes.map((r) => [r.priority, r.matched])).toEqual([
        [1, true],
        [2, false],
        [3, true],
      ]);
      expect(result.summary).toBe('2 of 4 route(s) matched; 1 not evaluated after stop().');
      expect(result.routes[0]?.actions.map((a) => a.outcome)).toEqual(['forwarded', 'stored', 'not-called']);
      expect(result.routes[2]?.actions.map((a) => a.outcome)).toEqual(['stop']);

      const posted = hook.requests[0];
      expect(posted?.url).toBe('/inbound');
      const fields = new URLSearchParams();
      const form = await new Response(new Uint8Array(posted?.body ?? []), {
        headers: { 'content-type': posted?.contentType ?? '' },
      }).formData();
      for (const [name, value] of form.entries()) fields.set(name, String(value));
      expect(fields.get('recipient')).toBe(`support@${US}`);
      expect(fields.get('subject')).toBe(message.subject);
      expect(fields.get('body-plain')).toBe('It broke.');
      const key = (await t.sandbox.admin.state()).webhookSigningKey;
      expect(fields.get('signature')).toBe(signWebhook(key, fields.get('timestamp') ?? '', fields.get('token') ?? ''));

      // What store() kept can be fetched by its storage key, as Mailgun's stored messages are.
      const stored = await t.call(`/v3/domains/${US}/messages/${result.storedKey}`);
      expect(stored.status).toBe(200);
      expect(stored.body['body-plain']).toBe('It broke.');
    } finally {
      await hook.close();
    }
  });

  it('never calls a URL off this computer and says so', async () => {
    await route(0, 'catch_all()', ['forward("https://hooks.example.com/inbound")', 'store(notify="https://hooks.example.com/n")']);
    const result = await t.sandbox.admin.simulateInbound('us', { ...message, to: 'someone@elsewhere.example' });
    expect(result.routes[0]?.actions).toEqual([
      expect.objectContaining({ outcome: 'not-called', detail: expect.stringContaining('never called') }),
      expect.objectContaining({ outcome: 'unsupported', detail: expect.stringContaining('not one of the sandbox') }),
    ]);
  });

  it('says when there are no routes', async () => {
    expect((await t.sandbox.admin.simulateInbound('us', message)).summary).toMatch(/no routes/);
  });
});
