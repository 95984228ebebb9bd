export { SandboxToolsPanel } from './SandboxToolsPanel';
