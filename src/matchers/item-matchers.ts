import type { ItemId } from '../catalog/index.js';
import {
  documentElement,
  type ElementStrategy,
  listedElements,
  onePhaseElements,
  regulationElement,
} from './elements/strategies.js';

/** What is particular to one item beyond its phrases: how its elements are read. */
export interface ItemMatcher {
  elements: ElementStrategy;
}

/** The item matchers: a new catalog item does not compile until it has one. */
export const ITEM_MATCHERS = {
  'policy.regulations': { elements: regulationElement },
  'policy.normative': { elements: documentElement },
  'policy.other': { elements: documentElement },
  'target.identification': { elements: listedElements },
  'target.exit': { elements: listedElements },
  'funds.allocation': { elements: listedElements },
  'funds.loans': { elements: listedElements },
  'funds.sector': { elements: listedElements },
  'projects.library': { elements: listedElements },
  'projects.annual-plan': { elements: listedElements },
  'projects.annual-completion': { elements: listedElements },
  'projects.implementation': { elements: onePhaseElements },
  'oversight.reporting': { elements: listedElements },
} as const satisfies Record<ItemId, ItemMatcher>;
