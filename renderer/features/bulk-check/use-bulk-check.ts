import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { AddressList, BulkReleaseItem } from '../../../shared/bulk-check/types';
import { callBulkCheck } from './bulk-check-client';

const key = (checkId: string | null, part: 'status' | 'results') => ['bulk-check', checkId, part] as const;

/** One bulk check: the list read, the run in main followed while it runs, its results once it is done. */
export function useBulkCheck(environmentId: string) {
  const client = useQueryClient();
  const [list, setList] = useState<AddressList | null>(null);
  const [checkId, setCheckId] = useState<string | null>(null);

  const parse = useMutation({ mutationFn: (text: string) => callBulkCheck('parseBulkAddresses', { text }), onSuccess: setList });
  const importFile = useMutation({
    mutationFn: () => callBulkCheck('importBulkAddresses', undefined),
    onSuccess: (picked) => {
      if (picked) setList(picked);
    },
  });
  const start = useMutation({
    mutationFn: (addresses: readonly string[]) => callBulkCheck('startBulkCheck', { environmentId, addresses: [...addresses] }),
    onSuccess: (status) => {
      client.setQueryData(key(status.checkId, 'status'), status);
      setCheckId(status.checkId);
    },
  });
  const status = useQuery({
    queryKey: key(checkId, 'status'),
    queryFn: () => callBulkCheck('bulkCheckStatus', { checkId: checkId as string }),
    enabled: checkId !== null,
    refetchInterval: (query) => (query.state.data?.state === 'running' ? 250 : false),
  });
  const finished = status.data !== undefined && status.data.state !== 'running';
  const results = useQuery({
    queryKey: key(checkId, 'results'),
    queryFn: () => callBulkCheck('bulkCheckResults', { checkId: checkId as string }),
    enabled: checkId !== null && finished,
  });
  const refresh = async () => {
    await client.invalidateQueries({ queryKey: ['bulk-check', checkId] });
  };
  const cancel = useMutation({ mutationFn: () => callBulkCheck('cancelBulkCheck', { checkId: checkId as string }), onSuccess: refresh });
  const retry = useMutation({
    mutationFn: () => callBulkCheck('retryBulkCheck', { checkId: checkId as string }),
    onSuccess: (next) => client.setQueryData(key(next.checkId, 'status'), next),
  });
  const release = useMutation({
    mutationFn: (items: readonly BulkReleaseItem[]) =>
      callBulkCheck('releaseBulkCheck', { checkId: checkId as string, items: [...items], confirmed: true }),
    onSuccess: refresh,
  });
  const exportCsv = useMutation({ mutationFn: () => callBulkCheck('exportBulkCheck', { checkId: checkId as string }) });

  return { list, setList, parse, importFile, start, status, results, cancel, retry, release, exportCsv, checkId };
}
