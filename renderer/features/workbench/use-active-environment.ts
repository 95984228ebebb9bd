import { useQuery } from '@tanstack/react-query';
import type { Environment } from '../../../shared/environments/types';
import type { AppError } from '../../../shared/errors';
import { queryKeys } from '../../app/query-keys';
import { call, toAppError } from '../../bridge/client';

export function useEnvironments() {
  return useQuery({ queryKey: queryKeys.environments(), queryFn: () => call('listEnvironments') });
}

export interface ActiveEnvironment {
  readonly environment: Environment | null;
  readonly isPending: boolean;
  readonly error: AppError | null;
}

/** Reads the environment picked in the switcher; the switcher owns changing it. */
export function useActiveEnvironment(): ActiveEnvironment {
  const query = useEnvironments();
  const list = query.data;
  const environment = list ? (list.environments.find((e) => e.id === list.activeId) ?? null) : null;
  return { environment, isPending: query.isPending, error: query.isError ? toAppError(query.error) : null };
}
