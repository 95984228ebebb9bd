import { describe, expect, it } from 'vitest';
import { catalog } from '../shared/catalog';
import { FIXED_EXAMPLES } from './fixed-examples';
import { sandboxRoutes } from './server';

const key = (e: { method: string; path: string }) => `${e.method} ${e.path}`;
const simulated = new Set(sandboxRoutes.map(key));
const listed = new Set(FIXED_EXAMPLES.map(key));

describe('the list of fixed examples', () => {
  it('names every catalog endpoint the sandbox does not simulate, and nothing else', () => {
    const unlisted = catalog.filter((e) => !simulated.has(key(e)) && !listed.has(key(e))).map(key);
    expect(unlisted, 'simulate these or add them to FIXED_EXAMPLES with a reason').toEqual([]);
    const stale = FIXED_EXAMPLES.filter((e) => simulated.has(key(e)) || !catalog.some((c) => key(c) === key(e))).map(key);
    expect(stale, 'simulated or gone from the catalog: remove from FIXED_EXAMPLES').toEqual([]);
  });

  it('has one entry per endpoint, each with a reason', () => {
    expect(listed.size).toBe(FIXED_EXAMPLES.length);
    for (const entry of FIXED_EXAMPLES) expect(entry.reason).not.toBe('');
  });
});
