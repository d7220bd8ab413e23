export * from './types';
export { parseTarget, parseRank, cellText } from './target';
export { parseActual } from './actual';
export { measure } from './measure';
export {
  classifyQualitative, ACHIEVED_WORDS, PARTIAL_WORDS, NOT_ACHIEVED_WORDS, NEGATIONS, PARTIAL_MODIFIERS,
} from './classify';
export {
  parseNumberCell, readNumberCell, numberCellProblem, statedPrecision, isPercentFormat, type NumberCell,
} from './cells';
export { formatQuantity } from './format';
export { normalizeText, parseableText } from './text';
export { convertUnit, UNIT_FAMILIES } from './units';
