export { RequestResponseSplit, type ResponsePlacement } from './RequestResponseSplit';
export { useActiveEnvironment } from './use-active-environment';
export { type CurrentRequest, type ResponseSlotState, Workbench, type WorkbenchProps } from './Workbench';
