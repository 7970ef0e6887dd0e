import type { Messages } from '../shared/i18n.js';

export const messages: Messages<
  | 'label'
  | 'placeholder'
  | 'searching'
  | 'noMatch'
  | 'found'
  | 'selected'
  | 'remove'
  | 'added'
  | 'removed'
  | 'required'
> = {
  'zh-CN': {
    label: '证书',
    placeholder: '输入证书名称或编号搜索',
    searching: '正在搜索证书…',
    noMatch: '无匹配证书',
    found: (p) => `找到 ${p.count} 个证书`,
    selected: '已选证书',
    remove: (p) => `移除 ${p.name}`,
    added: (p) => `已选择 ${p.name}`,
    removed: (p) => `已移除 ${p.name}`,
    required: '请选择证书',
  },
  en: {
    label: 'Certificate',
    placeholder: 'Search certificates by name or id',
    searching: 'Searching certificates…',
    noMatch: 'No certificate matches',
    found: (p) => `${p.count} certificate${p.count === 1 ? '' : 's'} found`,
    selected: 'Selected certificates',
    remove: (p) => `Remove ${p.name}`,
    added: (p) => `Selected ${p.name}`,
    removed: (p) => `Removed ${p.name}`,
    required: 'Select a certificate',
  },
};
