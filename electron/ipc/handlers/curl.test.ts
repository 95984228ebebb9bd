import { describe, expect, it, vi } from 'vitest';
import { createCurlHandlers } from './curl';

const KEY = 'key-0123456789abcdef0123456789abcdef';

function handlers() {
  const setApiKey = vi.fn(async (_id: string, key: string) => ({ hasKey: true as const, keyLast4: key.slice(-4) }));
  return { setApiKey, storeKeyFromCurl: createCurlHandlers({ environments: { setApiKey } }).storeKeyFromCurl };
}

describe('storeKeyFromCurl', () => {
  it('stores the key of -u, an Authorization: Basic header or the URL, and answers with its last four only', async () => {
    const basic = Buffer.from(`api:${KEY}`).toString('base64');
    for (const command of [
      `curl -s --user 'api:${KEY}' https://api.mailgun.net/v4/domains`,
      `curl -H 'Authorization: Basic ${basic}' https://api.mailgun.net/v4/domains`,
      `curl https://api:${KEY}@api.eu.mailgun.net/v4/domains`,
    ]) {
      const { setApiKey, storeKeyFromCurl } = handlers();
      const answer = await storeKeyFromCurl({ environmentId: 'env-1', command });
      expect(setApiKey).toHaveBeenCalledWith('env-1', KEY);
      expect(answer).toEqual({ hasKey: true, keyLast4: 'cdef' });
      expect(JSON.stringify(answer)).not.toContain(KEY);
    }
  });

  it('refuses a command without a real key, and the sandbox', async () => {
    const { setApiKey, storeKeyFromCurl } = handlers();
    await expect(storeKeyFromCurl({ environmentId: 'env-1', command: 'curl -u api:$MAILGUN_API_KEY https://x/v3' })).rejects.toThrow(
      /no key to store/,
    );
    await expect(storeKeyFromCurl({ environmentId: 'env-1', command: 'curl https://x/v3' })).rejects.toThrow(/no key to store/);
    await expect(storeKeyFromCurl({ environmentId: 'sandbox', command: `curl -u api:${KEY} https://x/v3` })).rejects.toThrow(/sandbox/);
    expect(setApiKey).not.toHaveBeenCalled();
  });
});
