import { createPrivateKey, createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { keyIdOf, signPayload } from '../../main/certificates/verify.js';
import { expect, screenshot, test } from './fixtures.js';

/**
 * Verifying by pasting: a payload signed with the demo office's own key (as a
 * printed certificate carries it) reads "Hợp lệ" with what was signed; the same
 * payload with one character changed does not. Only reads, so it runs on the
 * worker's shared demo tab.
 */
test('an officer pastes a certificate QR payload and reads what was signed; one changed character is refused', async ({ demoTab: page, sharedDemo }) => {
  test.setTimeout(120_000);
  const pem = readFileSync(join(sharedDemo.dataDir, 'keys', 'office-ed25519.pem'), 'utf8');
  const publicKey = createPublicKey(createPrivateKey(pem)).export({ format: 'der', type: 'spki' }).toString('base64');
  const payload = signPayload(sharedDemo.dataDir, {
    keyId: keyIdOf(publicKey),
    registerSeq: 4,
    title: 'cong_dan',
    year: 2025,
    holderName: 'Nguyễn Thị Huỳnh Như',
    decisionNumber: '245/QĐ-UBND',
    decisionDate: '2025-12-20',
    officeCode: '870',
  });

  await page.setViewportSize({ width: 1366, height: 768 });
  await page.getByRole('navigation', { name: 'Chức năng chính' }).getByRole('menuitem', { name: 'Giấy công nhận' }).click();
  await expect(page.getByRole('heading', { name: 'Sổ cấp giấy công nhận' })).toBeVisible();
  await page.getByRole('link', { name: 'Xác minh giấy công nhận' }).click();
  await expect(page.getByRole('heading', { name: 'Xác minh giấy công nhận' })).toBeVisible();

  const box = page.getByLabel('Nội dung mã QR');
  await box.fill(payload);
  await page.getByRole('button', { name: 'Xác minh' }).click();
  const answer = page.getByRole('status').filter({ hasText: 'Hợp lệ' });
  await expect(answer).toContainText('Phòng Giáo dục và Đào tạo huyện Tân Hồng');
  const signed = page.getByRole('region', { name: 'Nội dung đã được ký' });
  await expect(signed).toContainText('4/2025/CDHT');
  await expect(signed).toContainText('Nguyễn Thị Huỳnh Như');
  await expect(signed).toContainText('Số 245/QĐ-UBND ngày 20/12/2025');
  await expect(page.getByText('Văn bản có giá trị pháp lý là quyết định công nhận đã được ký')).toBeVisible();
  await expect(page.getByText(/Dấu vân tay/).first()).toBeVisible();
  await screenshot(page, '70-xac-minh-giay-cong-nhan-hop-le');

  const at = 30;
  const changed = payload.slice(0, at) + (payload[at] === 'A' ? 'B' : 'A') + payload.slice(at + 1);
  await box.fill(changed);
  await page.getByRole('button', { name: 'Xác minh' }).click();
  await expect(page.getByRole('status')).toContainText(/Chữ ký sai|Không đọc được mã/);
  await expect(page.getByRole('region', { name: 'Nội dung đã được ký' })).toHaveCount(0);
  await screenshot(page, '71-xac-minh-giay-cong-nhan-sai');
});

test('the register lists the printed certificates by number; a reprint is logged, a revoked one keeps its number and loses its actions', async ({ page, demo }) => {
  test.setTimeout(240_000);
  // The demo gives its decision's certificates their numbers; nothing else is printed here.
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(demo.url);
  await page.getByRole('navigation', { name: 'Chức năng chính' }).getByRole('menuitem', { name: 'Giấy công nhận' }).click();
  const register = page.getByRole('table', { name: 'Sổ cấp giấy công nhận' });
  await expect(register).toContainText('1/2025/CDHT');
  await expect(register).toContainText('2/2025/CDHT');

  await page.getByRole('button', { name: 'Ghi cấp lại: 2/2025/CDHT' }).click();
  const reprint = page.getByRole('dialog', { name: 'Ghi cấp lại giấy số 2/2025/CDHT' });
  await reprint.getByLabel('Lý do cấp lại').fill('Gia đình báo mất bản cũ');
  await reprint.getByRole('button', { name: 'Ghi cấp lại' }).click();
  await expect(reprint).toBeHidden();
  await expect(register.getByRole('row', { name: /2\/2025\/CDHT/ })).toContainText('Cấp lại 1 lần');

  await page.getByRole('button', { name: 'Thu hồi: 1/2025/CDHT' }).click();
  const revoke = page.getByRole('dialog', { name: 'Thu hồi giấy số 1/2025/CDHT' });
  await revoke.getByLabel('Lý do thu hồi').fill('Cấp nhầm người');
  await revoke.getByRole('button', { name: 'Thu hồi' }).click();
  await expect(revoke).toBeHidden();
  const revokedRow = register.getByRole('row', { name: /1\/2025\/CDHT/ });
  await expect(revokedRow).toContainText('Thu hồi');
  await expect(revokedRow.getByRole('button', { name: 'Thu hồi: 1/2025/CDHT' })).toHaveCount(0);
  await screenshot(page, '72-so-cap-giay-cong-nhan');
});
