import { describe, expect, it } from 'vitest';
import { baseUrlFor, otherRegion, regionBaseUrls, regionForBaseUrl } from './regions';

describe('regions', () => {
  it('maps official regions to their base URLs and custom ones to their own', () => {
    expect(baseUrlFor({ region: 'us' })).toBe('https://api.mailgun.net');
    expect(baseUrlFor({ region: 'eu', baseUrl: 'https://ignored.example' })).toBe('https://api.eu.mailgun.net');
    expect(baseUrlFor({ region: 'custom', baseUrl: 'http://localhost:3000' })).toBe('http://localhost:3000');
    expect(() => baseUrlFor({ region: 'custom' })).toThrow();
  });

  it('offers the other official region, and none for custom URLs', () => {
    expect(otherRegion('us')).toBe('eu');
    expect(otherRegion('eu')).toBe('us');
    expect(otherRegion('custom')).toBeNull();
  });

  it('recognises official base URLs, with or without /v3', () => {
    expect(regionForBaseUrl('https://api.eu.mailgun.net/v3')).toBe('eu');
    expect(regionForBaseUrl('https://API.mailgun.net/')).toBe('us');
    expect(regionForBaseUrl('https://proxy.example.com')).toBeNull();
    expect(Object.keys(regionBaseUrls)).toEqual(['us', 'eu']);
  });
});
