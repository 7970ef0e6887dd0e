// How the widgets name certificate levels (packages/core/src/names.ts): the rule
// pack's own names first, built-in names for the usual level ids, the id itself last.
import { describe, expect, it } from 'vitest';
import { levelName } from '../../packages/core/src/names.js';

describe('levelName', () => {
  const names = {
    'grade-1': { 'zh-CN': '一级（行业）', en: 'Grade 1 (industry)' },
    gold: { 'zh-CN': '金牌' },
  };

  it("takes the rule pack's name in the asked locale first", () => {
    expect(levelName('grade-1', 'zh-CN', names)).toBe('一级（行业）');
    expect(levelName('grade-1', 'en', names)).toBe('Grade 1 (industry)');
  });

  it('falls back to the built-in name of a usual level id, in that locale', () => {
    expect(levelName('intermediate', 'zh-CN')).toBe('中级');
    expect(levelName('intermediate', 'en')).toBe('Intermediate');
    expect(levelName('level-4', 'zh-CN')).toBe('四级');
    expect(levelName('level-4', 'en')).toBe('Level 4');
    expect(levelName('grade-2', 'en', names)).toBe('Grade 2');
    expect(levelName('L3', 'zh-CN')).toBe('三级');
    expect(levelName('certified', 'en')).toBe('Certified');
  });

  it("then to the rule pack's Chinese name (no English given), then to the id", () => {
    expect(levelName('gold', 'en', names)).toBe('金牌');
    expect(levelName('gold', 'zh-CN', names)).toBe('金牌');
    expect(levelName('platinum', 'en', names)).toBe('platinum');
    expect(levelName('level-9', 'zh-CN')).toBe('level-9');
  });
});
