/** `npm run lint`: fails on any import that breaks the layer rules, and when it finds nothing to check. */
import { checkProject } from './layers.js';

const { files, violations } = checkProject();
if (files < 20) {
  console.error(`Kiểm tra lớp: chỉ thấy ${files} tệp — cấu hình sai, kiểm tra không có ý nghĩa.`);
  process.exit(1);
}
for (const v of violations) console.error(`${v.file}: "${v.specifier}" — ${v.reason}`);
console.log(`Kiểm tra lớp: ${files} tệp, ${violations.length} vi phạm.`);
process.exit(violations.length > 0 ? 1 : 0);
