export { InvestigateMenu, type InvestigateMenuProps, isContextMenuKey, type MenuPoint, pointBelow } from './InvestigateMenu';
export {
  currentInvestigation,
  type InvestigateState,
  type InvestigateTool,
  type Investigation,
  investigate,
  investigateStore,
  useInvestigateState,
} from './investigate-store';
export { investigateEachMenuItems, investigateMenuItems } from './menu-items';
export { ValueMenu, type ValueMenuProps } from './ValueMenu';
