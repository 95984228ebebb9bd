import { collectionMethods } from '../../../shared/bridge/collections';
import { callerFor } from '../../bridge/caller-for';

type Methods = typeof collectionMethods;

export const callCollections = callerFor<Methods>();

export const collectionMethodNames = Object.keys(collectionMethods) as (keyof Methods)[];
