/// <reference types="wps-jsapi" />
/**
 * Compile-time proofs (checked by `tsc --noEmit`): every member the WPS host uses exists, by that name, on the
 * wps-jsapi interfaces (the TypeScript descriptions of WPS's object model), and the ET emulator fits the host's types.
 */
import { emuFromGrids } from '../../src/workbench/emulator';
import { EtEmulator } from '../../src/workbench/wps-emulator';
import type { EtApplicationLike, EtCommentLike, EtInteriorLike, EtRangeLike, EtSheetsLike, EtWorkbookLike, EtWorksheetLike } from '../../src/wps/et-like';
import { formGrid } from '../fixtures/forms';

type Missing<Ours, Theirs> = Exclude<keyof Ours, keyof Theirs>;
type None<T extends never> = T;

export type Proofs = [
  None<Missing<EtApplicationLike, Et.EtApplication>>,
  None<Missing<EtWorkbookLike, Et.EtWorkbook>>,
  None<Missing<EtSheetsLike, Et.EtSheets>>,
  None<Missing<EtWorksheetLike, Et.EtWorksheet>>,
  None<Missing<EtRangeLike, Et.EtRange>>,
  None<Missing<EtRangeLike['Rows'], Et.EtRange>>,
  None<Missing<EtInteriorLike, Et.EtInterior>>,
  None<Missing<EtCommentLike, Et.EtComment>>,
];

it('the emulator is an EtApplicationLike whose sheets are 1-based', () => {
  const app: EtApplicationLike = new EtEmulator(emuFromGrids([formGrid('甲'), formGrid('乙')])).app;
  const ws = app.ActiveWorkbook!.Worksheets;
  expect(ws.Count).toBe(2);
  expect(ws.Item(1).Name).toBe('甲');
  expect(() => ws.Item(3)).toThrow();
  expect(ws.Item('乙').UsedRange.Row).toBe(1);
});
