export { useActiveEnvironment } from './use-active-environment';
export { type CurrentRequest, type ResponsePlacement, type ResponseSlotState, Workbench, type WorkbenchProps } from './Workbench';
