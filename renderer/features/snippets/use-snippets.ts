import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { RequestValues } from '../../../shared/request';
import type { SnippetLanguage } from '../../../shared/snippets/languages';
import { queryKeys } from '../../app/query-keys';
import { callSnippets } from './snippet-calls';

export interface SnippetInput {
  readonly environmentId: string;
  readonly endpointId: string;
  readonly values: RequestValues;
}

/** Waits for typing to pause, so each keystroke does not generate nine snippets. */
function useDebounced<T>(value: T, ms: number): T {
  const [current, setCurrent] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setCurrent(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return current;
}

/** Snippets with the key as an environment variable; safe to cache. */
export function useSnippets(input: SnippetInput) {
  const debounced = useDebounced(input, 250);
  return useQuery({
    queryKey: queryKeys.snippets(debounced.environmentId, debounced.endpointId, JSON.stringify(debounced.values)),
    queryFn: () =>
      callSnippets('generateSnippets', {
        environmentId: debounced.environmentId,
        endpointId: debounced.endpointId,
        values: debounced.values as never,
      }),
    placeholderData: keepPreviousData,
    retry: false,
  });
}

/**
 * "Copy with key": main asks the user in a native dialog and writes the
 * snippet to the clipboard itself; only whether it copied comes back.
 */
export function useCopyWithKey() {
  return useMutation({
    mutationFn: (arg: SnippetInput & { language: SnippetLanguage }) =>
      callSnippets('copySnippetWithKey', { ...arg, values: arg.values as never }),
  });
}
