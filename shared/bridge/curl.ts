import { z } from 'zod';
import { environmentLimits } from '../environments/types';
import { method } from './define';

/**
 * cURL import runs in the page, which drops the key from what it opens. Storing
 * that key as an environment's is main's job: the page hands main the command
 * it was given, main finds the key in it and puts it in the keychain, and only
 * the last four characters come back, as for any key.
 */
export const curlLimits = { commandMax: 200_000 } as const;

export const curlMethods = {
  storeKeyFromCurl: method<{ hasKey: true; keyLast4: string | null }>()(
    z.object({ environmentId: z.string().min(1).max(environmentLimits.idMax), command: z.string().max(curlLimits.commandMax) }).strict(),
  ),
};
