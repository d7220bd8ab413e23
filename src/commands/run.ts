import type { ValidateOutcome, ValidateRequest, ZipingHost } from '../host';
import { toCheckOptions, type Settings } from '../app';
import { fillNotice, validateNotice, type Notice } from './noticeText';

/*
 * What the ribbon buttons do. They run without a pane, so their effect shows on the sheet only:
 * 校验 always marks the cells; 填写得分 never overwrites stated scores (that needs the pane's explicit consent).
 */

export function requestFrom(settings: Settings): ValidateRequest {
  return { allSheets: settings.allSheets, options: toCheckOptions(settings), mark: true, lang: settings.lang };
}

export async function runValidate(host: ZipingHost, settings: Settings): Promise<ValidateOutcome> {
  return host.validate(requestFrom(settings));
}

/** 校验 from the ribbon: validates and marks; says why when a sheet kept no marks or the check failed (never throws). */
export async function validateWithNotice(host: ZipingHost, settings: Settings): Promise<Notice | null> {
  try {
    return validateNotice(await runValidate(host, settings), settings.lang);
  } catch (e) {
    return validateNotice(e, settings.lang);
  }
}

/** Validates, then writes that plan; returns the number of cells written. */
export async function runFill(host: ZipingHost, settings: Settings): Promise<number> {
  const request = requestFrom({ ...settings, overwriteScores: false });
  const { result } = await host.validate({ ...request, mark: false });
  if (result.fillPlan.cells.length === 0) return 0;
  const outcome = await host.fill({ ...request, mark: settings.mark, expected: result.fillPlan });
  return outcome.written;
}

/** 填写得分 from the ribbon: fills, and says what happened (never throws: a failure becomes an error notice). */
export async function fillWithNotice(host: ZipingHost, settings: Settings): Promise<Notice> {
  try {
    return fillNotice(await runFill(host, settings), settings.lang);
  } catch (e) {
    return fillNotice(e, settings.lang);
  }
}
