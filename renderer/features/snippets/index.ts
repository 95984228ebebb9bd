export { CodeTab } from './CodeTab';
