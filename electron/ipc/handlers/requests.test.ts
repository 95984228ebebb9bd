import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { requestMethods } from '../../../shared/bridge/requests';
import { createFileRegistry } from '../../services/file-handles';
import { createHistoryStore } from '../../services/history';
import type { RequestSender } from '../../services/send-request';
import { createRequestHandlers, type RequestDialogs, safeFileName } from './requests';

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'mg-handlers-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const REQUEST_ID = '00000000-0000-4000-8000-00000000000a';

function setup(opened: string[] = []) {
  const saved: { name: string; data: Uint8Array | string }[] = [];
  const dialogs: RequestDialogs = {
    openFiles: async () => opened,
    saveFile: async (name, data) => {
      saved.push({ name, data });
      return { saved: true };
    },
  };
  const live = new Map([[REQUEST_ID, { bytes: new TextEncoder().encode('full body'), contentType: 'text/plain' }]]);
  const sender: Pick<RequestSender, 'send' | 'cancel' | 'getResponseBody'> = {
    send: async () => {
      throw new Error('not used');
    },
    cancel: (id) => id === REQUEST_ID,
    getResponseBody: (id) => live.get(id),
  };
  const files = createFileRegistry();
  const history = createHistoryStore({ dir: path.join(dir, 'data'), limits: { maxBodyBytes: 4 } });
  const handlers = createRequestHandlers({ sender, files, history, dialogs, setLimits: (limits) => limits });
  return { handlers, saved, history, files };
}

describe('request handlers', () => {
  it('registers only the files the dialog returned, as handles', async () => {
    const file = path.join(dir, 'logo.png');
    await fs.writeFile(file, 'png');
    const { handlers } = setup([file, file]);
    const one = await handlers.pickFiles({ purpose: 'attachment', multiple: false });
    expect(one).toEqual([{ handle: expect.any(String), name: 'logo.png', size: 3, type: 'image/png' }]);
    const two = await handlers.pickFiles({ purpose: 'inline', multiple: true });
    expect(two).toHaveLength(2);
    expect(await handlers.releaseFiles({ handles: two.map((f) => f.handle) })).toEqual({ released: 2 });
  });

  it('saves a live body in full, or a history body with its truncation flag', async () => {
    const { handlers, saved, history } = setup();
    expect(await handlers.saveResponseBody({ requestId: REQUEST_ID, suggestedName: '../../etc/passwd' })).toEqual({
      saved: true,
      truncated: false,
    });
    expect(saved[0]?.name).toBe('passwd');
    expect(new TextDecoder().decode(saved[0]?.data as Uint8Array)).toBe('full body');

    const entry = await history.add({
      requestId: '00000000-0000-4000-8000-00000000000b',
      environment: { id: 'e', name: 'E', baseUrl: 'https://api.mailgun.net' },
      endpoint: { id: 'domains.list', method: 'GET', path: '/v4/domains' },
      request: { method: 'GET', url: 'https://api.mailgun.net/v4/domains', headers: [] },
      values: { params: {} },
      response: {
        status: 200,
        statusText: 'OK',
        headers: [],
        contentType: 'text/plain',
        sizeBytes: 10,
        timings: { startedAt: 0, ttfbMs: 1, totalMs: 2 },
      },
      bodyBytes: new TextEncoder().encode('0123456789'),
      bodyKind: 'text',
    });
    expect(await handlers.saveResponseBody({ historyId: entry.id, suggestedName: 'body.txt' })).toEqual({ saved: true, truncated: true });
    expect(new TextDecoder().decode(saved[1]?.data as Uint8Array)).toBe('0123');
    expect(await handlers.saveResponseBody({ requestId: '00000000-0000-4000-8000-00000000000b', suggestedName: 'x' })).toEqual({
      saved: true,
      truncated: true,
    });
    await expect(handlers.saveResponseBody({ historyId: 'missing', suggestedName: 'x' })).rejects.toMatchObject({ code: 'not-found' });
  });

  it('lists, reads, deletes and clears history', async () => {
    const { handlers } = setup();
    expect(await handlers.listHistory({})).toEqual({ entries: [], total: 0 });
    expect(await handlers.clearHistory(undefined)).toEqual({ cleared: 0 });
    expect(await handlers.deleteHistoryEntry({ id: 'nope' })).toEqual({ deleted: false });
    expect(await handlers.cancelRequest({ requestId: REQUEST_ID })).toEqual({ cancelled: true });
  });

  it('makes a plain, safe file name from whatever was suggested', () => {
    expect(safeFileName('C:\\Users\\x\\evil.json')).toBe('evil.json');
    expect(safeFileName('...hidden')).toBe('hidden');
    expect(safeFileName('a\u0000b?.txt')).toBe('a_b_.txt');
    expect(safeFileName('///')).toBe('response');
  });
});

describe('request bridge schemas', () => {
  const valid = {
    requestId: '00000000-0000-4000-8000-000000000001',
    environmentId: 'env-1',
    endpointId: 'messages.send',
    values: {
      params: {
        to: ['a@example.com'],
        attachment: [{ kind: 'file', handle: 'abc', name: 'a.pdf', size: 3 }],
        'recipient-variables': { 'a@example.com': { id: 1 } },
      },
      extra: [{ name: 'o:tag', value: 'x' }],
      headers: [{ name: 'X-Test', value: '1' }],
    },
  };

  it('accepts a realistic send and rejects unknown keys, bad ids and oversize values', () => {
    expect(requestMethods.sendRequest.args.safeParse(valid).success).toBe(true);
    expect(requestMethods.sendRequest.args.safeParse({ ...valid, apiKey: 'x' }).success).toBe(false);
    expect(requestMethods.sendRequest.args.safeParse({ ...valid, requestId: 'not-a-uuid' }).success).toBe(false);
    expect(requestMethods.sendRequest.args.safeParse({ ...valid, timeoutMs: 10 }).success).toBe(false);
    const huge = { ...valid, values: { params: { text: 'x'.repeat(5_000_001) } } };
    expect(requestMethods.sendRequest.args.safeParse(huge).success).toBe(false);
    const nestedHuge = { ...valid, values: { params: { data: { deep: ['x'.repeat(5_000_001)] } } } };
    expect(requestMethods.sendRequest.args.safeParse(nestedHuge).success).toBe(false);
  });

  it('needs exactly one of historyId and requestId to save a body', () => {
    const schema = requestMethods.saveResponseBody.args;
    expect(schema.safeParse({ historyId: 'h', suggestedName: 'a' }).success).toBe(true);
    expect(schema.safeParse({ suggestedName: 'a' }).success).toBe(false);
    expect(schema.safeParse({ historyId: 'h', requestId: REQUEST_ID, suggestedName: 'a' }).success).toBe(false);
  });
});
