import { z } from 'zod';
import type { Environment } from '../environments/types';
import { environmentLimits } from '../environments/types';
import { variableLimits } from '../variables/names';
import { method } from './define';

/**
 * Environment variables across the bridge. A secret's value goes one way
 * only, into main (and the keychain); nothing here returns one: the preview
 * says of a secret only whether it is set.
 */

const environmentId = z.string().min(1).max(environmentLimits.idMax);
const variableName = z.string().max(variableLimits.nameMax * 4);

export const variableInputSchema = z
  .object({
    name: variableName,
    secret: z.boolean(),
    /** For a secret: absent keeps the stored value, empty removes it. */
    value: z
      .string()
      .max(variableLimits.valueMax * 4)
      .optional(),
  })
  .strict();

export type VariablePreviewEntry =
  | { readonly name: string; readonly kind: 'built-in' | 'plain'; readonly value: string }
  | { readonly name: string; readonly kind: 'secret'; readonly isSet: boolean };

export interface VariablePreview {
  readonly environmentId: string;
  readonly environmentName: string;
  /** The asked-for names the environment defines (every one when no names were asked for). */
  readonly variables: readonly VariablePreviewEntry[];
  /** Asked-for names it does not define. */
  readonly undefinedNames: readonly string[];
}

/** What a Postman import did with the variables its requests use. */
export interface ImportedVariables {
  readonly environmentId: string;
  readonly environmentName: string;
  /** Plain variables added to the environment from the file. */
  readonly created: readonly string[];
  /** Names the environment already had; its own value was kept. */
  readonly kept: readonly string[];
  /** Names the requests use that neither the file nor the environment defines. */
  readonly undefinedNames: readonly string[];
}

export const variableMethods = {
  /** Replaces the environment's variables; answers with the environment, whose secrets say only whether they are set. */
  saveVariables: method<Environment>()(
    z.object({ environmentId, variables: z.array(variableInputSchema).max(variableLimits.maxPerEnvironment) }).strict(),
  ),
  /** What `{{name}}` would become when sending from this environment: plain and built-in values, and which secrets are set. */
  previewVariables: method<VariablePreview>()(
    z
      .object({
        environmentId,
        names: z
          .array(variableName)
          .max(variableLimits.maxPerEnvironment * 2)
          .optional(),
      })
      .strict(),
  ),
};
