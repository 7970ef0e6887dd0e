import type { Messages } from '../shared/i18n.js';
import { joinDot, type Names } from '../shared/names.js';

export const messages: Messages<
  | 'title'
  | 'asOf'
  | 'program'
  | 'chooseProgram'
  | 'programPlaceholder'
  | 'programsError'
  | 'outcomes'
  | 'noOutcomes'
  | 'whatIfs'
  | 'whatIfNote'
  | 'addCertificate'
  | 'addCourse'
  | 'addNonformal'
  | 'add'
  | 'certificate'
  | 'course'
  | 'score'
  | 'category'
  | 'hours'
  | 'hoursUnit'
  | 'externalCourses'
  | 'programCourses'
  | 'chooseCertificate'
  | 'remove'
  | 'added'
  | 'removed'
  | 'planNow'
  | 'whatIfBadge'
  | 'plan'
  | 'earned'
  | 'transferred'
  | 'total'
  | 'remaining'
  | 'required'
  | 'credits'
  | 'cap'
  | 'capValue'
  | 'noCap'
  | 'grants'
  | 'noGrants'
  | 'elective'
  | 'via'
  | 'applied'
  | 'new'
  | 'graduation'
  | 'eligible'
  | 'missingCredits'
  | 'missingCourse'
  | 'missingCertificates'
  | 'certificateOptions'
  | 'savings'
  | 'savingsText'
  | 'why'
  | 'whyCount'
  | 'notGranted'
  | 'grantedSteps'
  | 'coveredSteps'
  | 'graduationSteps'
  | 'invalidTitle'
  | 'invalidWhatIf'
  | 'planFailed'
  | 'apply'
  | 'applying'
  | 'applyWhatIfs'
  | 'applyNothing'
  | 'applyFuture'
  | 'applyFailed'
  | 'applyRetry'
  | 'conflict'
  | 'resultTitle'
  | 'resultText'
  | 'ledgerEntries'
  | 'noLedger'
  | 'scoreText'
  | 'levelText'
> = {
  'zh-CN': {
    title: '学分转换计算器',
    asOf: (p) => `评估日期 ${p.date}`,
    program: '目标专业',
    chooseProgram: '请选择目标专业，查看可转换的学分。',
    programPlaceholder: '请选择专业',
    programsError: '专业列表加载失败',
    outcomes: '我的学习成果',
    noOutcomes: '还没有学习成果。添加假设成果，看看能转换多少学分。',
    whatIfs: '假设成果',
    whatIfNote: '假设成果只用于试算，不会入账。',
    addCertificate: '假设取得证书',
    addCourse: '假设修读课程',
    addNonformal: '假设非学历学习',
    add: '添加',
    certificate: '证书',
    course: '课程',
    score: '成绩（0–100）',
    category: '类别',
    hours: '学时',
    hoursUnit: (p) => `${p.hours} 学时`,
    externalCourses: '外校课程（可认定）',
    programCourses: '本专业课程',
    chooseCertificate: '请先选择证书及等级',
    remove: (p) => `移除假设成果：${p.label}`,
    added: (p) => `已添加假设成果：${p.label}。`,
    removed: (p) => `已移除假设成果：${p.label}。`,
    planNow: (p) => `可转换 ${p.transferred} 学分，尚需 ${p.remaining} 学分。`,
    whatIfBadge: '假设',
    plan: '转换方案',
    earned: '已修学分',
    transferred: '可转换学分',
    total: '合计学分',
    remaining: '尚需学分',
    required: '毕业要求',
    credits: '学分',
    cap: '转换学分上限',
    capValue: (p) => `已用 ${p.used} / 上限 ${p.cap} 学分`,
    noCap: '本专业不限转换学分',
    grants: '可转换的课程',
    noGrants: '暂无可转换的课程',
    elective: '选修学分',
    via: '依据规则',
    applied: '已入账',
    new: '新增',
    graduation: '毕业审核',
    eligible: '已满足毕业条件',
    missingCredits: (p) => `还需 ${p.credits} 学分`,
    missingCourse: (p) => `必修课程未完成：${p.course}`,
    missingCertificates: (p) => `还需 ${p.needed} 本证书`,
    certificateOptions: (p) => `可选证书：${p.list}`,
    savings: '预计节省',
    savingsText: (p) => `免修 ${p.credits} 学分，少考 ${p.exams} 门`,
    why: '为什么？',
    whyCount: (p) => `${p.count} 条未转换原因`,
    notGranted: '未转换的原因',
    grantedSteps: '转换依据',
    coveredSteps: '已修得或已入账，无需再转换',
    graduationSteps: '毕业审核',
    invalidTitle: '转换数据无效',
    invalidWhatIf: '假设成果无效',
    planFailed: '无法计算转换方案',
    apply: '申请转换入账',
    applying: '正在入账…',
    applyWhatIfs: '假设成果不会入账：移除全部假设成果后才能申请。',
    applyNothing: '没有可入账的新转换。',
    applyFuture: '评估日期在今天之后：方案可以预览，不能入账。',
    applyFailed: '入账失败',
    applyRetry: '重新提交入账',
    conflict: '转换情况已发生变化（成果已被占用或没有新的转换），已重新加载最新数据。',
    resultTitle: '入账结果',
    resultText: (p) =>
      `已入账 ${p.credits} 学分，新增 ${p.entries} 条学分记录。尚需 ${p.remaining} 学分。`,
    ledgerEntries: '新增学分记录',
    noLedger: '没有新增学分记录',
    scoreText: (p) => `成绩 ${p.score}`,
    levelText: (p) => joinDot(String(p.name), String(p.level)),
  },
  en: {
    title: 'Credit transfer calculator',
    asOf: (p) => `As of ${p.date}`,
    program: 'Target program',
    chooseProgram: 'Choose a target program to see the credits you can transfer.',
    programPlaceholder: 'Choose a program',
    programsError: 'The programs could not be loaded',
    outcomes: 'My learning outcomes',
    noOutcomes: 'No learning outcomes yet. Add what-if outcomes to see what you could transfer.',
    whatIfs: 'What-if outcomes',
    whatIfNote: 'What-if outcomes are only for this estimate; they are never applied.',
    addCertificate: 'What if I earn a certificate',
    addCourse: 'What if I take a course',
    addNonformal: 'What if I add non-formal learning',
    add: 'Add',
    certificate: 'Certificate',
    course: 'Course',
    score: 'Score (0–100)',
    category: 'Category',
    hours: 'Hours',
    hoursUnit: (p) => `${p.hours} hours`,
    externalCourses: 'Courses elsewhere (recognised)',
    programCourses: 'Courses of the program',
    chooseCertificate: 'Choose a certificate and a level first',
    remove: (p) => `Remove what-if outcome: ${p.label}`,
    added: (p) => `What-if outcome added: ${p.label}.`,
    removed: (p) => `What-if outcome removed: ${p.label}.`,
    planNow: (p) => `${p.transferred} credits transferable, ${p.remaining} still needed.`,
    whatIfBadge: 'what-if',
    plan: 'Transfer plan',
    earned: 'Earned',
    transferred: 'Transferable',
    total: 'Total',
    remaining: 'Still needed',
    required: 'Required',
    credits: 'credits',
    cap: 'Transfer cap',
    capValue: (p) => `${p.used} of ${p.cap} credits used`,
    noCap: 'This program sets no transfer cap',
    grants: 'Transferable courses',
    noGrants: 'No course can be transferred yet',
    elective: 'Elective credits',
    via: 'by rule',
    applied: 'applied',
    new: 'new',
    graduation: 'Graduation check',
    eligible: 'All graduation requirements are met',
    missingCredits: (p) => `${p.credits} more credits needed`,
    missingCourse: (p) => `Required course not done: ${p.course}`,
    missingCertificates: (p) => `${p.needed} more certificate${p.needed === 1 ? '' : 's'} needed`,
    certificateOptions: (p) => `Accepted: ${p.list}`,
    savings: 'Estimated savings',
    savingsText: (p) => `${p.credits} credits exempted, ${p.exams} fewer exams`,
    why: 'Why?',
    whyCount: (p) => `${p.count} reason${p.count === 1 ? '' : 's'} a credit was not granted`,
    notGranted: 'Why not granted',
    grantedSteps: 'What was granted',
    coveredSteps: 'Already earned or applied: nothing more to transfer',
    graduationSteps: 'Graduation check',
    invalidTitle: 'The transfer data is not valid',
    invalidWhatIf: 'A what-if outcome is not valid',
    planFailed: 'The transfer plan could not be computed',
    apply: 'Apply transfer',
    applying: 'Applying…',
    applyWhatIfs: 'What-if outcomes are never applied: remove them all to apply.',
    applyNothing: 'There is no new transfer to apply.',
    applyFuture: 'The evaluation date is after today: the plan can be previewed, not applied.',
    applyFailed: 'The transfer was not applied',
    applyRetry: 'Retry apply',
    conflict:
      'The transfer changed meanwhile (an outcome was used, or nothing new is left); the latest data was reloaded.',
    resultTitle: 'Transfer applied',
    resultText: (p) =>
      `${p.credits} credits applied, ${p.entries} new ledger ${Number(p.entries) === 1 ? 'entry' : 'entries'}. ${p.remaining} credits still needed.`,
    ledgerEntries: 'New ledger entries',
    noLedger: 'No new ledger entries',
    scoreText: (p) => `score ${p.score}`,
    levelText: (p) => joinDot(String(p.name), String(p.level)),
  },
};

/** Outcome statuses and reasons an outcome is not usable. */
export const statusNames: Names = {
  // the words of <cb-learning-record>'s badges
  verified: { 'zh-CN': '已认证', en: 'Verified' },
  pending: { 'zh-CN': '待核验', en: 'Pending verification' },
  revoked: { 'zh-CN': '已撤销', en: 'Revoked' },
  unverified: { 'zh-CN': '待核验', en: 'Pending verification' },
  expired: { 'zh-CN': '已过期', en: 'Expired' },
  future: { 'zh-CN': '未生效', en: 'Not yet valid' },
};
