import type { bulkCheckMethods } from '../../../shared/bridge/bulk-check';
import { callerFor } from '../../bridge/caller-for';

export const callBulkCheck = callerFor<typeof bulkCheckMethods>();
