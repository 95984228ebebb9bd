import { useQuery } from '@tanstack/react-query';
import type { Environment } from '../../../shared/environments/types';
import type { AppError } from '../../../shared/errors';
import { queryKeys } from '../../app/query-keys';
import { call, toAppError } from '../../bridge/client';

export interface SupportEnvironment {
  readonly environment: Environment | null;
  readonly isPending: boolean;
  readonly error: AppError | null;
}

/** The environment the tools work against: the one given, else the active one. Shares the environments query with the rest of the app. */
export function useSupportEnvironment(environmentId?: string): SupportEnvironment {
  const query = useQuery({ queryKey: queryKeys.environments(), queryFn: () => call('listEnvironments') });
  const list = query.data;
  const wanted = environmentId ?? list?.activeId ?? null;
  const environment = list ? (list.environments.find((e) => e.id === wanted) ?? null) : null;
  return { environment, isPending: query.isPending, error: query.isError ? toAppError(query.error) : null };
}
