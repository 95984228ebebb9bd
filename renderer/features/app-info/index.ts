export { AppInfoBadge } from './AppInfoBadge';
