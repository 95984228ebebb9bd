import { describe, expect, it } from 'vitest';
import { getEndpoint } from '../../../shared/catalog/index';
import type { EndpointDef } from '../../../shared/catalog/types';
import { describeDeletion } from './deletion-message';

function endpoint(id: string): EndpointDef {
  const found = getEndpoint(id);
  if (!found) throw new Error(`missing ${id}`);
  return found;
}

describe('describeDeletion', () => {
  it('names a suppression and its domain', () => {
    expect(
      describeDeletion(endpoint('bounces.delete-one'), { params: { address: 'alice@example.com', domain_name: 'mg.example.com' } }),
    ).toBe('Delete bounce for alice@example.com on mg.example.com?');
  });

  it("falls back to the environment's domain when the field is empty", () => {
    expect(describeDeletion(endpoint('bounces.delete-one'), { params: { address: 'alice@example.com' } }, 'mg.example.com')).toBe(
      'Delete bounce for alice@example.com on mg.example.com?',
    );
  });

  it('reads a path name the endpoint also takes in the query under its path key (ip-pools.delete)', () => {
    expect(describeDeletion(endpoint('ip-pools.delete'), { params: { 'path:pool_id': 'pool-1', 'query:pool_id': 'pool-2' } })).toBe(
      'Delete IP pool pool-1?',
    );
  });

  it('says "all" for a whole collection', () => {
    expect(describeDeletion(endpoint('bounces.delete-all'), { params: {} }, 'mg.example.com')).toBe(
      'Delete all bounces on mg.example.com?',
    );
  });

  it('names the domain itself when that is what goes', () => {
    expect(describeDeletion(endpoint('domains.delete'), { params: { name: 'old.example.com' } }, 'mg.example.com')).toBe(
      'Delete domain old.example.com?',
    );
  });

  it('names other resources by their identifier', () => {
    expect(describeDeletion(endpoint('templates.delete'), { params: { template_name: 'welcome' } }, 'mg.example.com')).toBe(
      'Delete template welcome on mg.example.com?',
    );
    expect(describeDeletion(endpoint('routes.delete'), { params: { id: 'r-1' } })).toBe('Delete route r-1?');
  });
});
