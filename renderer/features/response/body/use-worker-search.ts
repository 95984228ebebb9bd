import { useEffect, useState } from 'react';
import type { SearchableViewProps } from './search-types';
import type { TreeClient } from './tree-client';
import type { SearchScope } from './tree-protocol';

/**
 * Runs a body search in the parsing worker and reports its progress as it
 * goes; a newer query or view supersedes the one in flight. Returns how many
 * matches are known so far.
 */
export function useWorkerSearch(
  client: TreeClient,
  query: string,
  scope: SearchScope,
  onMatches: SearchableViewProps['onMatches'],
): number {
  const [matchCount, setMatchCount] = useState(0);
  useEffect(() => {
    setMatchCount(0);
    if (query === '') {
      onMatches({ count: 0, done: true, capped: false });
      return undefined;
    }
    let live = true;
    onMatches({ count: 0, done: false, capped: false });
    client
      .request({ type: 'search', query, scope }, (progress) => {
        if (!live) return;
        setMatchCount(progress.count);
        onMatches(progress);
      })
      .then(
        (result) => {
          if (!live || result.cancelled) return;
          setMatchCount(result.count);
          onMatches(result);
        },
        () => undefined,
      );
    return () => {
      live = false;
    };
  }, [client, query, scope, onMatches]);
  return matchCount;
}
