/** The paging rules live in shared/ so main-process tests can walk the sandbox's pages with the same code the viewer uses. */
export * from '../../../shared/request/paging';
