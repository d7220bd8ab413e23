import { classifyQualitative } from '../../../src/core/values';
import type { QualitativeClass } from '../../../src/core/values';

describe('classifyQualitative', () => {
  it.each<[string, QualitativeClass]>([
    ...['达成', '已达成', '达到', '完成', '已完成', '有效', '及时', '满足', '满意', '是', '有利', '形成', '提升', '推动',
      '节约', '显著', '良好', '合格', '达标'].map((w): [string, QualitativeClass] => [w, 'achieved']),
    ...['部分达成', '基本达成', '基本完成', '部分完成', '基本满意', '较好'].map((w): [string, QualitativeClass] => [w, 'partial']),
    ...['未达成', '未完成', '无效', '不及时', '否', '不满意', '不合格'].map((w): [string, QualitativeClass] => [w, 'notAchieved']),
    // negation right before an achieved word, also over adverbs and adjacent words
    ['未达到', 'notAchieved'],
    ['没有完成', 'notAchieved'],
    ['不显著', 'notAchieved'],
    ['不满足', 'notAchieved'],
    ['不达标', 'notAchieved'],
    ['未按时完成', 'notAchieved'],
    ['未及时完成', 'notAchieved'],
    ['未能完成', 'notAchieved'],
    ['无显著提升', 'notAchieved'],
    ['有待提升', 'notAchieved'],
    // partial wins over its achieved substring; modifiers make partial
    ['基本达到', 'partial'],
    ['部分满足', 'partial'],
    ['基本按期完成', 'partial'],
    ['已完成，但部分未完成', 'partial'],
    ['完成但不及时', 'partial'],
    // not a negation
    ['不断提升', 'achieved'],
    ['无不满意', 'achieved'],
    // sentences and decoration
    ['用户满意度达到满意', 'achieved'],
    ['非常满意', 'achieved'],
    ['及时完成', 'achieved'],
    ['<p>有效</p>', 'achieved'],
    ['有效。', 'achieved'],
    ['是的', 'achieved'],
    ['形成了一证多用模式下的数字证书格式', 'achieved'],
    // 是/否 only as the whole answer; 满意度/完成率 are nouns
    ['是否', 'undetermined'],
    ['但是', 'undetermined'],
    ['满意度', 'undetermined'],
    ['满意度95%', 'undetermined'],
    ['完成率85%', 'undetermined'],
    ['合格率100%', 'undetermined'],
    // no vocabulary word: the person decides
    ['机时使用率85%；主机可利用率99.76%', 'undetermined'],
    ['开通账户数214个，7*24小时提供用户服务', 'undetermined'],
    ['用户发表的被SCI核心库收录的论文大于133篇', 'undetermined'],
    ['高性能', 'undetermined'],
    ['', 'undetermined'],
    ['一般', 'undetermined'],
  ])('%j → %s', (text, expected) => {
    expect(classifyQualitative(text)).toBe(expected);
  });
});
