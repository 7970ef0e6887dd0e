import type { Messages } from '../shared/i18n.js';

export const messages: Messages<
  | 'title'
  | 'label'
  | 'hint'
  | 'submit'
  | 'required'
  | 'tooLong'
  | 'notFound'
  | 'notFoundDetail'
  | 'valid'
  | 'expired'
  | 'revoked'
  | 'pending'
  | 'holder'
  | 'number'
  | 'level'
  | 'category'
  | 'earnedOn'
  | 'expiresOn'
  | 'noExpiry'
  | 'validNote'
  | 'expiredNote'
  | 'revokedNote'
  | 'pendingNote'
> = {
  'zh-CN': {
    title: '证书查验',
    label: '证书编号',
    hint: '输入证书上的编号，例如 WEB-2025-000001',
    submit: '查询',
    required: '请输入证书编号',
    tooLong: (p) => `证书编号不能超过 ${p.max} 个字符`,
    notFound: '未找到该证书编号',
    notFoundDetail: (p) => `学分银行中没有编号为 ${p.number} 的证书，请核对后重试。`,
    valid: '有效',
    expired: '已过期',
    revoked: '已撤销',
    pending: '待核验',
    holder: '持证人',
    number: '证书编号',
    level: '等级',
    category: '证书类别',
    earnedOn: '发证日期',
    expiresOn: '有效期至',
    noExpiry: '长期有效',
    validNote: '该证书真实有效。',
    expiredNote: '该证书已超过有效期。',
    revokedNote: '该证书已被撤销，不再有效。',
    pendingNote: '该证书已登记，正在等待核验。',
  },
  en: {
    title: 'Certificate verification',
    label: 'Certificate number',
    hint: 'The number printed on the certificate, e.g. WEB-2025-000001',
    submit: 'Verify',
    required: 'Enter a certificate number',
    tooLong: (p) => `A certificate number has at most ${p.max} characters`,
    notFound: 'No certificate with this number',
    notFoundDetail: (p) =>
      `The credit bank has no certificate numbered ${p.number}; check the number and try again.`,
    valid: 'Valid',
    expired: 'Expired',
    revoked: 'Revoked',
    pending: 'Pending verification',
    holder: 'Holder',
    number: 'Certificate number',
    level: 'Level',
    category: 'Category',
    earnedOn: 'Issued on',
    expiresOn: 'Valid until',
    noExpiry: 'No expiry',
    validNote: 'This certificate is genuine and valid.',
    expiredNote: 'This certificate is past its validity.',
    revokedNote: 'This certificate has been revoked and is no longer valid.',
    pendingNote: 'This certificate is registered and awaiting verification.',
  },
};
