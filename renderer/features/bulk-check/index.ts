export { BulkCheckTool, type BulkCheckToolProps } from './BulkCheckTool';
