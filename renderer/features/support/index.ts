export { SupportPanel } from './SupportPanel';
