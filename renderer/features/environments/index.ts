export { withRegion } from './draft';
export { EnvironmentSwitcher } from './EnvironmentSwitcher';
export { RecoveryBanner } from './RecoveryBanner';
export { useSaveEnvironment } from './use-environments';
export { mentionsVariable, useVariableHints, type VariableHint, variableHint } from './use-variable-hints';
