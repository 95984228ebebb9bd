import { describe, expect, it } from 'vitest';
import { ChunkedText } from '../chunked-text';
import { TreeClient } from './tree-client';

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('TreeClient', () => {
  it('answers a small body at once, and closes without reporting the dispose answer as an update', async () => {
    const { client, reply } = TreeClient.loadedNow('{"items": [1, 2]}', { start: 0, end: 10 });
    expect(reply?.ok && reply.rows.rows.map((row) => row.key)).toEqual([null, 'items', '0', '1']);
    const updates: unknown[] = [];
    client.onUpdate((update) => updates.push(update));
    client.dispose();
    await flush();
    expect(updates).toEqual([]);
    expect(client.disposed).toBe(true);
  });

  it('disposes a client opened on invalid JSON without an error after it', async () => {
    const { client, reply } = TreeClient.loadedNow('{"items": [', { start: 0, end: 10 });
    expect(reply?.ok).toBe(false);
    client.dispose();
    // A failure here surfaces as an uncaught error in the microtask that delivers the host's dispose answer.
    await flush();
    expect(client.disposed).toBe(true);
  });

  it('tells a listener that subscribes after a big body completed that it did', async () => {
    const text = JSON.stringify({ items: Array.from({ length: 300_000 }, (_, id) => ({ id })) });
    const { client, reply } = TreeClient.loadedNow(text, { start: 0, end: 10 });
    expect(reply?.ok && reply.complete).toBe(false);
    await new Promise<void>((resolve) => {
      const stop = client.onUpdate((update) => {
        if (update.kind === 'complete') {
          stop();
          resolve();
        }
      });
    });
    const late = await new Promise((resolve) => client.onUpdate(resolve));
    expect(late).toMatchObject({ kind: 'complete' });
    client.dispose();
  });

  it('shows a streamed body from its first piece, grows it with each, and searches it once the last has come', async () => {
    const body = JSON.stringify({ items: Array.from({ length: 20_000 }, (_, id) => ({ id, recipient: `r${id}@example.com` })) });
    const text = new ChunkedText();
    const opened = TreeClient.loadedNow(text, { start: 0, end: 10 });
    // Nothing has arrived yet: no answer in this task, and the host it opened stops waiting when disposed.
    expect(opened.reply).toBeUndefined();
    opened.client.dispose();

    const client = TreeClient.local();
    const loaded = client.request({ type: 'load', text, window: { start: 0, end: 10 } });
    const updates: string[] = [];
    client.onUpdate((update) => updates.push(update.kind));
    const piece = 64 * 1024;
    text.append(body.slice(0, piece));
    const reply = await loaded;
    expect(reply.ok && reply.complete).toBe(false);
    expect(reply.ok && reply.rows.rows.map((row) => row.key).slice(0, 3)).toEqual([null, 'items', '0']);
    for (let at = piece; at < body.length; at += piece) {
      text.append(body.slice(at, at + piece));
      await flush();
    }
    text.finish();
    await flush();
    expect(updates).toContain('grown');
    expect(updates.at(-1)).toBe('complete');
    const found = await client.request({ type: 'search', query: 'r19999@', scope: 'tree' });
    expect(found).toMatchObject({ count: 1, done: true });
    client.dispose();
  });
});
