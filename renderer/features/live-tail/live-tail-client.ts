import type { liveTailMethods } from '../../../shared/bridge/live-tail';
import { callerFor } from '../../bridge/caller-for';

export const callLiveTail = callerFor<typeof liveTailMethods>();
