import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { defaultCertificateTemplate } from '../../shared/certificate-templates.js';
import { createTestApp, type TestApp } from '../../tests/support/test-app.js';
import { composeApp } from '../app/compose.js';
import { travellingTables } from '../db/tables.js';
import { TEMPLATES_FILE } from './template-store.js';

let app: TestApp;
afterEach(() => app.close());

const rowsOf = (a: TestApp) => a.ctx.db.selectFrom('certificateTemplates').selectAll().execute();
const auditOf = (a: TestApp) => a.ctx.db.selectFrom('auditLog').selectAll().where('entity', '=', 'certificateTemplates').orderBy('seq').execute();

/** Closes the app's database and opens the same folder again, as the next start of XHHT does. */
async function restart(a: TestApp): Promise<void> {
  await a.ctx.close();
  const reopened = await composeApp(a.dir, { clock: a.clock, actor: 'kiểm thử' });
  Object.assign(a.ctx, reopened);
}

it('keeps each title\'s wording as one synchronised row that travels in bundles; a second save updates it, both audited', async () => {
  app = await createTestApp({ today: '2026-11-25' });
  expect((await app.call('certificates.templates', {})).find((t) => t.title === 'cong_dan')).toEqual(defaultCertificateTemplate('cong_dan'));
  await app.call('certificates.saveTemplate', { ...defaultCertificateTemplate('cong_dan'), heading: 'GIẤY CHỨNG NHẬN' });
  await app.call('certificates.saveTemplate', { ...defaultCertificateTemplate('cong_dan'), heading: 'GIẤY CHỨNG NHẬN', signerName: 'Lê Văn Ký' });
  const rows = await rowsOf(app);
  expect(rows).toEqual([expect.objectContaining({ title: 'cong_dan', heading: 'GIẤY CHỨNG NHẬN', signerName: 'Lê Văn Ký', rev: 2, originOfficeId: app.ctx.officeId(), deletedAt: null })]);
  expect((await auditOf(app)).map((a) => a.operation)).toEqual(['certificates.saveTemplate', 'certificates.saveTemplate']);
  const templates = await app.call('certificates.templates', {});
  expect(templates.find((t) => t.title === 'cong_dan')).toMatchObject({ heading: 'GIẤY CHỨNG NHẬN', signerName: 'Lê Văn Ký' });
  expect(templates.find((t) => t.title === 'gia_dinh')).toEqual(defaultCertificateTemplate('gia_dinh'));
  expect(travellingTables().map((t) => t.name)).toContain('certificateTemplates');
});

it('moves the wording of the old certificate-templates.json into the table at the next start, once, and removes the file', async () => {
  app = await createTestApp({ today: '2026-11-25' });
  const old = {
    cong_dan: { ...defaultCertificateTemplate('cong_dan'), heading: 'GIẤY KHEN', superiorBody: 'UBND huyện Tân Hồng' },
    gia_dinh: { ...defaultCertificateTemplate('gia_dinh'), place: 'Sa Rài' },
    // A title whose saved wording no longer validates prints the default instead of stopping the move.
    dong_ho: { ...defaultCertificateTemplate('dong_ho'), heading: '' },
  };
  writeFileSync(join(app.dir, TEMPLATES_FILE), JSON.stringify(old));
  await restart(app);
  expect(existsSync(join(app.dir, TEMPLATES_FILE))).toBe(false);
  expect((await rowsOf(app)).map((r) => r.title).sort()).toEqual(['cong_dan', 'gia_dinh']);
  expect((await auditOf(app)).map((a) => a.operation)).toEqual(['certificate-templates-file', 'certificate-templates-file']);
  const templates = await app.call('certificates.templates', {});
  expect(templates.find((t) => t.title === 'cong_dan')).toEqual(old.cong_dan);
  expect(templates.find((t) => t.title === 'gia_dinh')?.place).toBe('Sa Rài');
  expect(templates.find((t) => t.title === 'dong_ho')).toEqual(defaultCertificateTemplate('dong_ho'));

  // A file written again by an older XHHT does not overwrite wording saved in the table since.
  writeFileSync(join(app.dir, TEMPLATES_FILE), JSON.stringify({ cong_dan: { ...old.cong_dan, heading: 'CŨ HƠN' } }));
  await restart(app);
  expect((await app.call('certificates.templates', {})).find((t) => t.title === 'cong_dan')?.heading).toBe('GIẤY KHEN');
  expect(await auditOf(app)).toHaveLength(2);
});

it.each([['cut short', '{ "cong_dan": '], ['not an object', 'null']])('sets a damaged file (%s) aside and starts with the default wording', async (_why, text) => {
  app = await createTestApp({ today: '2026-11-25' });
  writeFileSync(join(app.dir, TEMPLATES_FILE), text);
  await restart(app);
  expect(readdirSync(app.dir)).toContain(`${TEMPLATES_FILE}.hong`);
  expect(existsSync(join(app.dir, TEMPLATES_FILE))).toBe(false);
  expect(await rowsOf(app)).toEqual([]);
  expect((await app.call('certificates.templates', {})).find((t) => t.title === 'cong_dan')).toEqual(defaultCertificateTemplate('cong_dan'));
});
