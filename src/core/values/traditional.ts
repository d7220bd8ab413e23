/**
 * Traditional characters that occur in the template's labels, level-1/level-2 names and units, with their simplified
 * form (項目名稱 → 项目名称, 萬元 → 万元, 執行率 → 执行率). Used only to match labels and compare units: what is shown
 * or written stays as the sheet has it. Not a general converter: a character missing here simply does not match.
 */
const PAIRS =
  '項项稱称門门標标際际績绩萬万億亿執执評评級级體体預预劃划計计實实權权設设進进結结轉转資资額额財财撥拨總总數数調调後后' +
  '價价單单碼码準准當当況况個个達达滿满質质產产會会經经濟济態态續续響响應应務务對对時时間间則则條条場场戶户臺台組组類类' +
  '處处輛辆張张冊册節节課课學学週周鐘钟點点據据規规範范測测試试內内與与廣广發发動动環环護护維维補补貼贴歲岁區区縣县鄉乡' +
  '鎮镇業业統统綜综協协號号參参報报訓训員员職职證证費费帳账庫库採采購购電电網网絡络專专導导優优農农醫医藥药療疗險险債债' +
  '標标並并於于從从處处問问題题開开關关線线層层級级類类項项戶户畝亩噸吨裡里頁页補补講讲戲戏館馆圖图書书築筑車车糧粮' +
  '園园幹干熱热氣气鋼钢鐵铁礦矿區区樓楼樣样驗验檢检雙双較较愛爱衛卫傷伤勞劳權权屬属';

const FOLD = new Map<string, string>();
for (let i = 0; i + 1 < PAIRS.length; i += 2) FOLD.set(PAIRS[i], PAIRS[i + 1]);

const TRADITIONAL = new RegExp(`[${[...FOLD.keys()].join('')}]`, 'gu');

/** `s` with the traditional characters of the template's labels and units folded to simplified, for matching only. */
export function foldTraditional(s: string): string {
  return s.replace(TRADITIONAL, (c) => FOLD.get(c) ?? c);
}
