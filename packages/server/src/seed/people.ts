/**
 * Synthetic learner names: a common surname and one or two given-name characters, drawn by the
 * seeded PRNG. Names of people in the source documents are never produced.
 */
import type { Random } from './random.js';

const SURNAMES = [
  ...Array.from(
    '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝邵万覃武戴莫孔',
  ),
  '欧阳',
  '司马',
  '上官',
  '诸葛',
];

const GIVEN = Array.from(
  '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红鹏飞宇浩凯鑫晨欣悦佳琳雪婷俊宁博文斌海波琴云辉晓建国志思远雨桐子涵梓轩诗怡嘉泽瑞昊然睿航铭奕可馨若彤一诺安逸凡帆岚薇蕾莹珊茜璐',
);

/** People named in the source documents (contacts of the notices): never generated. */
export const EXCLUDED_NAMES: ReadonlySet<string> = new Set([
  '王倩',
  '孙志娟',
  '公平',
  '李令群',
  '魏恒',
  '黄玉屏',
  '黄洋',
  '于进亮',
  '胡晓光',
  '张建奇',
  '龚玉涵',
  '谭志彬',
  '姜小玲',
  '魏兵',
  '李俊峰',
  '郭肇明',
  '陈学峰',
  '张辉',
]);

/** Draws a name not in `taken` (nor excluded) and adds it to `taken`. */
export function drawName(random: Random, taken: Set<string>): string {
  for (;;) {
    const surname = random.chance(0.04) ? random.pick(SURNAMES.slice(-4)) : random.pick(SURNAMES);
    const given = random.chance(0.7) ? random.pick(GIVEN) + random.pick(GIVEN) : random.pick(GIVEN);
    const name = surname + given;
    if (taken.has(name) || EXCLUDED_NAMES.has(name)) continue;
    taken.add(name);
    return name;
  }
}
