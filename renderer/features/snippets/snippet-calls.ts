import { snippetMethods } from '../../../shared/bridge/snippets';
import { callerFor } from '../../bridge/caller-for';

type Methods = typeof snippetMethods;

export const callSnippets = callerFor<Methods>();

export const snippetMethodNames = Object.keys(snippetMethods) as (keyof Methods)[];
