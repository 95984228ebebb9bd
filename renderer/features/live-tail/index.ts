export { LiveTailTool, type LiveTailToolProps } from './LiveTailTool';
