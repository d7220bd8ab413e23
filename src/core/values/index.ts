export * from './types';
export { parseTarget, parseRank } from './target';
export { parseActual } from './actual';
export { measure } from './measure';
export {
  classifyQualitative, ACHIEVED_WORDS, PARTIAL_WORDS, NOT_ACHIEVED_WORDS, NEGATIONS, PARTIAL_MODIFIERS,
} from './classify';
export {
  parseNumberCell, readNumberCell, excelNumber, numberCellProblem, statedPrecision, isPercentFormat, type NumberCell,
} from './cells';
export { formatQuantity, displayText } from './format';
export { deadlineOf, completionDateOf, isDateFormat, serialToDate, dateText, type DateValue } from './dates';
export { normalizeText, parseableText } from './text';
export { convertUnit, UNIT_FAMILIES } from './units';
