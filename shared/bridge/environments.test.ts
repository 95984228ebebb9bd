import { describe, expect, it } from 'vitest';
import { environmentInputSchema, environmentMethods } from './environments';

const input = { name: 'Prod', region: 'us', domain: 'mg.example.com', keyKind: 'primary', readOnly: false, colour: 'blue' };

describe('environment bridge schemas', () => {
  it('accepts a well-formed environment and refuses unknown fields', () => {
    expect(environmentInputSchema.safeParse(input).success).toBe(true);
    expect(environmentInputSchema.safeParse({ ...input, hasKey: true }).success).toBe(false);
    expect(environmentInputSchema.safeParse({ ...input, apiKey: 'key-123' }).success).toBe(false);
  });

  it('only lets keys leave main through a file, never as returned text', () => {
    const text = environmentMethods.exportEnvironments.args;
    expect(text.safeParse({ format: 'json', includeKeys: false }).success).toBe(true);
    expect(text.safeParse({ format: 'json', includeKeys: true }).success).toBe(false);
    expect(environmentMethods.exportEnvironmentsToFile.args.safeParse({ format: 'postman', ids: ['a'], includeKeys: true }).success).toBe(
      true,
    );
  });

  it('bounds sizes', () => {
    expect(environmentMethods.setApiKey.args.safeParse({ environmentId: 'a', key: 'k'.repeat(10_000) }).success).toBe(false);
    expect(environmentMethods.reorderEnvironments.args.safeParse({ ids: Array.from({ length: 501 }, (_, i) => `id${i}`) }).success).toBe(
      false,
    );
    expect(environmentMethods.listEnvironments.args.safeParse(undefined).success).toBe(true);
    expect(environmentMethods.setActiveEnvironment.args.safeParse({ id: null }).success).toBe(true);
  });
});
