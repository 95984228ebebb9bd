export { TabStrip } from './TabStrip';
export { tabTitle } from './tab-title';
export { hasUnsavedChanges } from './unsaved';
export { useTabScroll } from './use-tab-scroll';
