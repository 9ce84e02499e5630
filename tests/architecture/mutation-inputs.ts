import type { Contract, InputOf, OpName } from '../../shared/contract.js';
import { defaultCertificateTemplate } from '../../shared/certificate-templates.js';
import type { TestApp } from '../support/test-app.js';
import { TAN_HONG_OFFICE } from '../support/test-app.js';

/** Every op that writes: mutations, and jobs (which write in their own transaction). */
export type WritingOpName = { [K in OpName]: Contract[K]['kind'] extends 'query' ? never : K }[OpName];

/**
 * A valid input for an op, built against a set-up app that holds the demo
 * data (prerequisites may be made through other ops). `settle` waits for the
 * writes of a job to finish.
 */
export interface WriteCase<K extends WritingOpName> {
  /** The session the op is called with, for ops that act on the caller's own account. */
  session?: (app: TestApp) => Promise<string>;
  /** Runs on a fresh data folder instead of the demo: empty (office.setup), or with only the office set up. */
  fresh?: 'empty' | 'office';
  input: (app: TestApp) => Promise<InputOf<K>>;
  settle?: (app: TestApp, output: unknown) => Promise<void>;
}

/** A valid certificate of the demo decision (the demo issues them, issue 14): the first not revoked yet. */
const aCertificate = (app: TestApp) =>
  app.ctx.db.selectFrom('certificates').select(['id', 'rev']).where('deletedAt', 'is', null).where('revokedOn', 'is', null).orderBy('registerSeq').executeTakeFirstOrThrow();
const anotherOfficeKey = async (officeName: string) => {
  const { generateKeyPairSync } = await import('node:crypto');
  const publicKey = generateKeyPairSync('ed25519').publicKey.export({ format: 'pem', type: 'spki' }) as string;
  return { publicKey, officeName, officeCode: '871', note: 'Đối chiếu dấu vân tay qua điện thoại' };
};
/** A sync bundle of the app's own data, written beside its data folder (its own key: trusted without a trust entry). */
const ownBundle = async (app: TestApp) => {
  const { exportBundle } = await import('../../main/bundles/export/export-bundle.js');
  const outPath = `${app.dir}-goi-${Date.now()}.xhht`;
  await exportBundle({ sqlite: app.ctx.sqlite, dataDir: app.ctx.dataDir, options: { kind: 'sync', period: null, includeFiles: false, includePersonalData: false }, outPath, now: new Date() });
  return outPath;
};
/** A verification this app ran of a sync bundle from another office, whose key it does not trust yet. */
const strangerVerified = async (app: TestApp) => {
  const { createTestApp } = await import('../support/test-app.js');
  const stranger = await createTestApp();
  const path = await ownBundle(stranger);
  await stranger.close();
  const { jobId } = await app.call('bundles.verifyStart', { source: { path } });
  await finishedJob(app, { jobId });
  return { jobId };
};
const backupFolder = (app: TestApp) => app.call('backup.saveSettings', { folder: `${app.dir}-sao-luu`, daily: false });
/** Waits for a worker job and fails unless it finished well. */
const finishedJob = async (_app: TestApp, output: unknown) => {
  const { waitForJob } = await import('../../main/jobs/index.js');
  const status = await waitForJob((output as { jobId: string }).jobId);
  if (status.phase !== 'done') throw new Error(`job ended ${status.phase}: ${status.message}`);
};
const firstPlan = async (app: TestApp) => (await app.call('plans.list', {}))[0]!;
const firstTask = async (app: TestApp) => (await app.call('tasks.list', { planId: (await firstPlan(app)).id }))[0]!;
const agency = async (app: TestApp, shortName: string) => (await app.call('agencies.list', {})).find((a) => a.shortName === shortName)!;
const communes = async (app: TestApp) => {
  const tree = await app.call('units.tree', {});
  return tree.filter((u) => u.depth === 1);
};
const aTarget = async (app: TestApp) => {
  const plan = await firstPlan(app);
  return app.call('targets.create', { planId: plan.id, section: 'A', text: 'Mục tiêu thử', milestones: [{ year: 2025, kind: 'percent', value: 40 }] });
};
const aDuty = async (app: TestApp) =>
  app.call('reporting.createDuty', { planId: (await firstPlan(app)).id, title: 'Báo cáo thử', to: 'UBND huyện', due: { kind: 'yearly', day: 15, month: 11 } });
/** Occurrences (issue 11): a report owed by every commune twice a year, a yearly task owed by every commune, a progress report. */
const aCommuneDuty = async (app: TestApp) =>
  app.call('reporting.createDuty', {
    planId: (await firstPlan(app)).id,
    title: 'Báo cáo 6 tháng',
    to: 'Phòng GD&ĐT',
    due: { kind: 'periodic', every: 'half', days: [{ day: 15, month: 6 }, { day: 15, month: 12 }] },
    memberKind: 'communes',
  });
const aCommuneGroupTask = async (app: TestApp) =>
  app.call('tasks.create', { planId: (await firstPlan(app)).id, text: 'Tổ chức Tuần lễ học tập suốt đời ở các xã', deadline: { kind: 'yearly', day: 15, month: 10 }, memberKind: 'communes' });
const aProgressReport = async (app: TestApp) =>
  app.call('tasks.reportProgress', { taskId: (await firstTask(app)).id, period: 'Năm 2026', text: 'Đã triển khai', percent: 40, reportedOn: '2026-11-30' });
const aComponent = async (app: TestApp) =>
  app.call('plans.createComponent', { planId: (await firstPlan(app)).id, content: 'Kế hoạch thành phần thử', leadAgencyId: (await agency(app, 'Phòng GD&ĐT')).id });

/** A staged PDF with content of its own, as the upload endpoint leaves it. */
const stagedPdf = async (app: TestApp, name = 'Biên bản kiểm tra.pdf') => {
  const { storeOf } = await import('../../main/evidence/index.js');
  const { makePdf } = await import('../../main/evidence/demo-files.js');
  return storeOf(app.ctx.dataDir).receive([makePdf([name, String(Math.random())])], name, 10 * 1024 * 1024);
};
const anEvidence = async (app: TestApp) => {
  const staged = await stagedPdf(app);
  return (await app.call('evidence.attach', { recordTable: 'tasks', recordId: (await firstTask(app)).id, files: [{ stagedId: staged.stagedId, name: staged.name }] }))[0]!;
};
const aTrashedEvidence = async (app: TestApp) => {
  const file = await anEvidence(app);
  await app.call('evidence.detach', { id: file.id, rev: file.rev });
  return file;
};

/** Titles: the sample Công dân học tập set for farmers, a person in a hamlet, and an evaluation carried to a proposal. */
const citizenSet = async (app: TestApp) => {
  await app.call('criteria.installSamples', {});
  return (await app.call('criteria.list', {})).find((s) => s.sampleKey === 'cdht-nong-dan' && s.current)!;
};
const aHamlet = async (app: TestApp) => (await app.call('units.tree', {})).find((u) => u.depth === 2)!;
const aPerson = async (app: TestApp, name = `Nguyễn Văn Thử ${Math.random().toString(36).slice(2, 7)}`) =>
  app.call('subjects.create', { kind: 'person', name, unitId: (await aHamlet(app)).id, birthYear: 1980, gender: 'nam', labourGroup: 'Nông dân' });
const anEvaluation = async (app: TestApp) =>
  app.call('evaluations.create', { subjectId: (await aPerson(app)).id, year: 2025, title: 'cong_dan', criteriaSetId: (await citizenSet(app)).id });
const aProposal = async (app: TestApp) => {
  const e = await anEvaluation(app);
  const set = await citizenSet(app);
  const scores = Object.fromEntries(set.definition.criteria.flatMap((c) => c.indicators.map((i) => [i.code, 9])));
  let current = await app.call('evaluations.saveScores', { id: e.id, rev: e.rev, scores, evaluator: 'Ban khuyến học ấp' });
  for (const to of ['tu_danh_gia', 'xa_tham_dinh', 'de_nghi'] as const) current = await app.call('evaluations.advance', { id: current.id, rev: current.rev, to });
  return current;
};
const aDecisionInput = async (app: TestApp) => ({
  number: `${Math.floor(Math.random() * 900) + 100}/QĐ-UBND`,
  signedOn: '2025-12-20',
  authority: 'Ủy ban nhân dân xã Tân Hộ Cơ',
  signerTitle: 'KT. Chủ tịch\nPhó Chủ tịch',
  signerName: 'Trần Văn Ký',
  place: 'Tân Hộ Cơ',
  title: 'cong_dan' as const,
  year: 2025,
  evaluationIds: [(await aProposal(app)).id],
});

/** One entry per writing op of the contract; a new op without an entry does not compile. */
export const WRITE_CASES: { [K in WritingOpName]: WriteCase<K> } = {
  'office.setup': { fresh: 'empty', input: async () => TAN_HONG_OFFICE },
  'accounts.createFirstAdmin': { fresh: 'empty', input: async () => ({ name: 'Nguyễn Văn Quản', login: 'quantri', password: 'mat-khau-dai-1' }) },
  'accounts.create': { input: async () => ({ name: 'Trần Thị Cán Bộ', login: `canbo${Date.now()}`, role: 'officer', password: 'mat-khau-dai-2' }) },
  'accounts.update': { input: async (app) => { const a = await app.call('accounts.create', { name: 'Lê Văn Xem', login: `xem${Date.now()}`, role: 'viewer', password: 'mat-khau-dai-3' }); return { id: a.id, rev: a.rev, name: a.name, role: 'officer', active: true }; } },
  'accounts.changeOwnPassword': {
    session: async (app) => {
      const login = `doimk${Date.now()}`;
      await app.call('accounts.create', { name: 'Võ Đổi Mật Khẩu', login, role: 'viewer', password: 'mat-khau-cu-6' });
      return (await app.call('session.login', { login, password: 'mat-khau-cu-6' })).sessionToken;
    },
    input: async () => ({ currentPassword: 'mat-khau-cu-6', newPassword: 'mat-khau-moi-7' }),
  },
  'accounts.resetPassword': { input: async (app) => ({ id: (await app.call('accounts.create', { name: 'Phạm Quên', login: `quen${Date.now()}`, role: 'viewer', password: 'mat-khau-dai-4' })).id, password: 'mat-khau-moi-5' }) },
  'office.update': {
    input: async (app) => {
      const office = (await app.call('office.status', {})).office!;
      return { name: office.name, provinceName: 'Đồng Tháp mới', levelNames: office.levelNames };
    },
  },
  'units.create': { input: async (app) => ({ parentId: (await communes(app))[0]!.id, code: 'THU-01', name: 'Ấp Thử', type: 'Ấp' }) },
  'units.update': {
    input: async (app) => {
      const u = (await communes(app))[0]!;
      return { id: u.id, rev: u.rev, code: u.code, name: `${u.name} mới`, type: u.type };
    },
  },
  'units.move': {
    input: async (app) => {
      const [a, b] = await communes(app);
      const hamlet = (await app.call('units.tree', {})).find((u) => u.parentId === a!.id)!;
      return { id: hamlet.id, rev: hamlet.rev, parentId: b!.id };
    },
  },
  'units.delete': {
    input: async (app) => {
      const unit = await app.call('units.create', { parentId: (await communes(app))[0]!.id, code: 'XOA-01', name: 'Ấp Sẽ Xóa', type: 'Ấp' });
      await app.call('units.saveFigures', { unitId: unit.id, year: 2024, households: 10, clans: 1, adults: 20, workingAge: 15, officials: 0, organisations: 0 });
      return { id: unit.id, rev: unit.rev };
    },
  },
  'units.saveFigures': {
    input: async (app) => ({ unitId: (await communes(app))[0]!.id, year: 2025, households: 1210, clans: 12, adults: 3000, workingAge: 2500, officials: 40, organisations: 9 }),
  },
  'units.saveEducation': {
    input: async (app) => ({ unitId: (await communes(app))[0]!.id, year: 2025, literacyLevel: 2, preschoolUniversal: true, primaryLevel: 3, lowerSecondaryLevel: 2, learningCentreIT: false }),
  },
  'agencies.create': { input: async () => ({ name: 'Trung tâm Văn hóa thử', shortName: 'TTVH', kind: 'chuyen_mon', contact: '' }) },
  'agencies.update': {
    input: async (app) => {
      const a = await agency(app, 'Phòng GD&ĐT');
      return { id: a.id, rev: a.rev, name: a.name, shortName: a.shortName, kind: a.kind, contact: '0277 3 000 000' };
    },
  },
  'agencies.delete': {
    input: async (app) => {
      const a = await app.call('agencies.create', { name: 'Cơ quan sẽ xóa', shortName: 'XOA', kind: 'khac', contact: '' });
      return { id: a.id, rev: a.rev };
    },
  },
  'plans.create': {
    input: async () => ({
      fields: { kind: 'ke_hoach', number: '99/KH-THU', issuedOn: '2026-01-05', issuer: 'UBND huyện', title: 'Kế hoạch thử', periodStart: 2026, periodEnd: 2030 },
      references: [{ relation: 'implements', citation: 'Quyết định 677/QĐ-TTg', number: '677/QĐ-TTg' }],
    }),
  },
  'plans.update': {
    input: async (app) => {
      const p = await firstPlan(app);
      const detail = await app.call('plans.get', { id: p.id });
      return { id: p.id, rev: p.rev, fields: { ...detail.plan, title: `${detail.plan.title} (sửa)` }, references: detail.plan.references };
    },
  },
  'plans.delete': { input: async (app) => ({ id: (await firstPlan(app)).id, rev: (await firstPlan(app)).rev }) },
  'plans.createComponent': { input: async (app) => ({ planId: (await firstPlan(app)).id, content: 'Đề án thử', leadAgencyId: (await agency(app, 'HKH')).id }) },
  'plans.updateComponent': {
    input: async (app) => {
      const c = await aComponent(app);
      return { ...c, content: 'Đề án thử (sửa)' };
    },
  },
  'plans.deleteComponent': { input: async (app) => ({ id: (await aComponent(app)).id, rev: 1 }) },
  'templates.importBundled': { input: async () => ({ name: 'phu-tan' }) },
  'templates.importFile': {
    input: async (app) => {
      const exported = await app.call('templates.export', { id: (await firstPlan(app)).id });
      return { fileName: 'mau.json', content: exported.content };
    },
  },
  'targets.create': { input: async (app) => ({ planId: (await firstPlan(app)).id, section: 'A', text: 'Mục tiêu mới', milestones: [{ year: 2025, kind: 'percent', value: 50 }] }) },
  'targets.update': {
    input: async (app) => {
      const t = await aTarget(app);
      return { ...t, text: 'Mục tiêu thử (sửa)' };
    },
  },
  'targets.delete': {
    input: async (app) => {
      const t = await aTarget(app);
      await app.call('targets.recordActual', { targetId: t.id, year: 2024, value: 30, note: 'Báo cáo năm' });
      const fresh = (await app.call('targets.list', { planId: t.planId })).find((x) => x.id === t.id)!;
      return { id: t.id, rev: fresh.rev };
    },
  },
  'targets.recordActual': { input: async (app) => ({ targetId: (await aTarget(app)).id, year: 2024, value: 35, note: 'Báo cáo năm 2024' }) },
  'tasks.create': {
    input: async (app) => ({
      planId: (await firstPlan(app)).id,
      text: 'Nhiệm vụ thử',
      leadAgencyId: (await agency(app, 'Phòng GD&ĐT')).id,
      coordinatorAgencyIds: [(await agency(app, 'HKH')).id],
      communeIds: [(await communes(app))[0]!.id],
      deadline: { kind: 'date', date: '2026-12-31' },
    }),
  },
  'tasks.update': {
    input: async (app) => {
      const t = await firstTask(app);
      return { ...t, text: `${t.text} (sửa)`, coordinatorAgencyIds: [], communeIds: [(await communes(app))[1]!.id] };
    },
  },
  'tasks.delete': { input: async (app) => ({ id: (await firstTask(app)).id, rev: (await firstTask(app)).rev }) },
  'tasks.reportProgress': {
    input: async (app) => ({ taskId: (await firstTask(app)).id, period: 'Năm 2026', text: 'Đã triển khai', difficulties: 'Thiếu kinh phí', proposals: 'Bổ sung kinh phí', percent: 60, reportedOn: '2026-11-30' }),
  },
  'tasks.updateProgress': {
    input: async (app) => {
      const r = await aProgressReport(app);
      return { ...r, text: 'Đã triển khai ở 5 xã', percent: 100, status: 'done' as const };
    },
  },
  'tasks.deleteProgress': {
    input: async (app) => {
      const r = await aProgressReport(app);
      return { id: r.id, rev: r.rev };
    },
  },
  'tasks.setOccurrence': {
    input: async (app) => {
      const task = await aCommuneGroupTask(app);
      return { taskId: task.id, periodKey: '2026', memberId: (await communes(app))[0]!.id, status: 'done' as const, doneOn: '2026-11-10', note: '' };
    },
  },
  'reporting.createDuty': {
    input: async (app) => ({
      planId: (await firstPlan(app)).id,
      title: 'Báo cáo 6 tháng của các xã',
      to: 'Phòng GD&ĐT',
      due: { kind: 'periodic', every: 'half', days: [{ day: 15, month: 6 }, { day: 15, month: 12 }] },
      memberKind: 'communes' as const,
    }),
  },
  'reporting.updateDuty': {
    input: async (app) => {
      const d = await aDuty(app);
      return { ...d, title: 'Báo cáo thử (sửa)', outgoing: true };
    },
  },
  'reporting.deleteDuty': {
    input: async (app) => {
      const d = await aDuty(app);
      await app.call('reporting.markDelivered', { dutyId: d.id, periodKey: '2024', deliveredOn: '2024-11-14', note: '' });
      return { id: d.id, rev: d.rev };
    },
  },
  'reporting.markDelivered': {
    input: async (app) => {
      const d = await aCommuneDuty(app);
      return { dutyId: d.id, periodKey: '2026-H1', memberId: (await communes(app))[0]!.id, deliveredOn: '2026-06-12', note: 'Công văn 5' };
    },
  },
  'reporting.unmarkDelivered': {
    input: async (app) => {
      const d = await aCommuneDuty(app);
      const memberId = (await communes(app))[1]!.id;
      await app.call('reporting.markDelivered', { dutyId: d.id, periodKey: '2026-H1', memberId, deliveredOn: '2026-06-12', note: '' });
      return { dutyId: d.id, periodKey: '2026-H1', memberId };
    },
  },
  'evidence.attach': {
    input: async (app) => {
      const staged = await stagedPdf(app, 'Ảnh lớp học.pdf');
      return { recordTable: 'tasks', recordId: (await firstTask(app)).id, files: [{ stagedId: staged.stagedId, name: staged.name }] };
    },
  },
  'evidence.rename': { input: async (app) => ({ ...(await anEvidence(app)), name: 'Biên bản (đã ký).pdf' }) },
  'evidence.detach': { input: async (app) => anEvidence(app) },
  'evidence.restore': { input: async (app) => ({ id: (await aTrashedEvidence(app)).id }) },
  'evidence.purge': { input: async (app) => ({ ids: [(await aTrashedEvidence(app)).id], confirmed: true as const }) },
  'evidence.saveSettings': { input: async () => ({ maxBytes: 300 * 1024 * 1024 }) },
  'backup.saveSettings': { input: async (app) => ({ folder: `${app.dir}-sao-luu`, daily: true }) },
  'backup.start': { input: async (app) => (await backupFolder(app), { passphrase: null }), settle: finishedJob },
  'backup.restore': {
    input: async (app) => {
      await backupFolder(app);
      await finishedJob(app, await app.call('backup.start', { passphrase: null }));
      return { name: (await app.call('backup.overview', {})).backups[0]!.name, passphrase: null };
    },
    settle: finishedJob,
  },
  // The demo has installed them already; installing again rightly changes nothing.
  'criteria.installSamples': { fresh: 'office', input: async () => ({}) },
  'criteria.save': {
    input: async (app) => {
      const set = await citizenSet(app);
      return { fromId: set.id, definition: { ...set.definition, levels: [{ ...set.definition.levels[0]!, minTotal: 75 }] } };
    },
  },
  'criteria.import': { input: async (app) => ({ content: (await app.call('criteria.export', { id: (await citizenSet(app)).id })).content }) },
  'areas.set': { input: async (app) => ({ unitId: (await communes(app))[0]!.id, area: 'kho_khan' }) },
  'subjects.create': { input: async (app) => ({ kind: 'person', name: 'Lê Thị Mới', unitId: (await aHamlet(app)).id, birthYear: 1990, gender: 'nu', idNumber: '087190000123' }) },
  'subjects.update': {
    input: async (app) => {
      const p = await aPerson(app);
      return { ...p, idNumber: null, birthYear: 1981, note: 'Đã chuyển nhóm' };
    },
  },
  'subjects.delete': { input: async (app) => aPerson(app) },
  'evaluations.create': { input: async (app) => ({ subjectId: (await aPerson(app)).id, year: 2025, title: 'cong_dan', criteriaSetId: (await citizenSet(app)).id }) },
  'evaluations.saveScores': { input: async (app) => ({ ...(await anEvaluation(app)), scores: { '1.1': 8, '1.2': 7.5 }, evaluator: 'Tự đánh giá' }) },
  'evaluations.advance': {
    input: async (app) => {
      const e = await aProposal(app);
      return { id: e.id, rev: e.rev, to: 'khong_cong_nhan' };
    },
  },
  'evaluations.delete': { input: async (app) => anEvaluation(app) },
  'decisions.create': { input: async (app) => aDecisionInput(app) },
  'decisions.delete': { input: async (app) => app.call('decisions.create', await aDecisionInput(app)) },
  'authorities.installSamples': { fresh: 'office', input: async () => ({}) },
  'authorities.save': { input: async (app) => ({ ...(await app.call('authorities.list', {}))[0]!, issuer: 'Ủy ban nhân dân {xã}\n(mẫu đã sửa)' }) },
  'authorities.delete': { input: async (app) => (await app.call('authorities.list', {}))[0]! },
  'certificates.logReprint': { input: async (app) => ({ ...(await aCertificate(app)), reason: 'Người nhận làm mất bản cũ' }) },
  'certificates.revoke': { input: async (app) => ({ ...(await aCertificate(app)), reason: 'Cấp nhầm người', date: '2026-11-20' }) },
  'certificates.print': {
    input: async (app) => ({ decisionId: (await app.call('decisions.list', {}))[0]!.id, reprintReason: 'In lại cả đợt để kiểm tra' }),
    settle: async (_app, output) => {
      const { waitForPrint } = await import('../../main/certificates/print-jobs.js');
      const status = await waitForPrint((output as { jobId: string }).jobId);
      if (status.phase !== 'done') throw new Error(`print ended ${status.phase}: ${status.message}`);
    },
  },
  'certificates.saveTemplate': { input: async () => ({ ...defaultCertificateTemplate('cong_dan'), heading: 'GIẤY CHỨNG NHẬN' }) },
  'certificates.trustAdd': { input: async () => anotherOfficeKey('Phòng GD&ĐT huyện Hồng Ngự') },
  'certificates.trustRemove': { input: async (app) => app.call('certificates.trustAdd', await anotherOfficeKey('Phòng GD&ĐT huyện Tam Nông')) },
  'presets.save': { input: async () => ({ kind: 'person', name: 'Mẫu xã Tân Hộ Cơ', columns: { name: 'Tên người', commune: 'Đơn vị xã' } }) },
  'presets.delete': { input: async (app) => ({ id: (await app.call('presets.save', { kind: 'household', name: 'Mẫu hộ', columns: { name: 'Chủ hộ' } })).id }) },
  'report.saveTemplate': { input: async () => ({ issuer: 'Phòng Giáo dục và Đào tạo huyện Tân Hồng', place: 'Tân Hồng', subject: 'Kết quả năm {năm}', opening: 'Năm {năm}, {tên cơ quan} báo cáo.' }) },
  'subjects.importXlsx': {
    input: async (app) => {
      const { personSheet } = await import('../fixtures/persons-sheet.js');
      const hamlet = await aHamlet(app);
      const commune = (await app.call('units.tree', {})).find((u) => u.id === hamlet.parentId)!;
      const sheet = await personSheet([[1, '087090000001', 'Lê Văn Nhập', 'Nam', 1990, 'Kinh', 'Không', 'Đồng Tháp', commune.name, hamlet.name]]);
      const { stageSheet } = await import('../support/import-jobs.js');
      return { stagedId: await stageSheet(app, sheet, 'danh-sach.xlsx'), dryRun: false };
    },
    settle: async (app, output) => {
      const { waitForJob } = await import('../../main/jobs/index.js');
      const { jobId } = output as { jobId: string };
      await waitForJob(jobId);
      const status = await app.call('subjects.importStatus', { jobId });
      if (status.phase !== 'done') throw new Error(`import ended ${status.phase}: ${status.message} ${JSON.stringify(status.issues.slice(0, 3))}`);
    },
  },
  'bundles.exportStart': { input: async () => ({ kind: 'sync', period: null, includeFiles: false, includePersonalData: false }), settle: finishedJob },
  'bundles.verifyStart': { input: async (app) => ({ source: { path: await ownBundle(app) } }), settle: finishedJob },
  'bundles.dryRunStart': { input: async (app) => ({ source: { path: await ownBundle(app) } }), settle: finishedJob },
  'bundles.applyStart': { input: async (app) => ({ source: { path: await ownBundle(app) }, resolutions: { all: null, rows: [] }, force: false }), settle: finishedJob },
  'bundles.declineSender': { input: strangerVerified },
  'bundles.trustSender': {
    input: async () => {
      const key = await anotherOfficeKey('Phòng GD&ĐT huyện Tam Nông');
      const { fingerprintOf, normalisePublicKey } = await import('../../main/certificates/index.js');
      const { formatFingerprint } = await import('../../shared/certificates.js');
      return { publicKey: key.publicKey, fingerprint: formatFingerprint(fingerprintOf(normalisePublicKey(key.publicKey))), officeName: key.officeName, officeCode: key.officeCode };
    },
  },
  'units.importXlsx': {
    input: async (app) => {
      const { unitSheet } = await import('../fixtures/units-sheet.js');
      const sheet = await unitSheet([
        ['870-01', 'Sa Rài', 'Thị trấn', '870', 2026, 5300, 62, 15200, 12200, 132, 22],
        ['870-99', 'Tân Mới', 'Xã', '870', 2026, 980, 10, 3000, 2400, 30, 5],
        ['870-99-01', 'Ấp Một', 'Ấp', '870-99', null, null, null, null, null, null, null],
      ]);
      const { stageSheet } = await import('../support/import-jobs.js');
      return { stagedId: await stageSheet(app, sheet), dryRun: false };
    },
    settle: async (app, output) => {
      const { jobId } = output as { jobId: string };
      for (;;) {
        const status = await app.call('units.importStatus', { jobId });
        if (status.phase === 'done') return;
        if (status.phase === 'failed' || status.phase === 'cancelled') throw new Error(`import ended ${status.phase}: ${status.message} ${JSON.stringify(status.issues.slice(0, 3))}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
  },
};
