import type { variableMethods } from '../../../shared/bridge/variables';
import type { VariablesService } from '../../services/variables';
import type { Handlers } from '../dispatcher';

/** Thin glue: saving and previewing only; resolution (which reads secrets) is for the senders in main. */
export type VariableHandlers = Pick<Handlers, keyof typeof variableMethods>;

export function createVariableHandlers({ variables }: { variables: Pick<VariablesService, 'save' | 'preview'> }): VariableHandlers {
  return {
    saveVariables: ({ environmentId, variables: inputs }) => variables.save(environmentId, inputs),
    previewVariables: ({ environmentId, names }) => variables.preview(environmentId, names),
  };
}
