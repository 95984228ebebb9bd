export {
  type BuiltInVariable,
  builtInVariables,
  type EnvironmentVariable,
  isBuiltInVariable,
  type VariableInput,
  type VariableProblem,
  variableInputProblems,
  variableLimits,
  variableNamePattern,
  variableNameProblem,
  variableValueProblem,
} from './names';
export {
  describeUnresolved,
  isTemplateSource,
  type ResolvedValues,
  resolveCustomRequest,
  resolveRequestValues,
  type UnresolvedReference,
  undefinedVariableMessage,
  withoutVariableFieldErrors,
} from './resolve';
export { hasReference, jsonStringContent, type Resolved, referencesIn, resolveText, type VariableLookup } from './template';
