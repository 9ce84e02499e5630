/** `npx tsx scripts/snapshot-schema.ts`: records the released schema, which later versions may only add to. */
import { writeFileSync } from 'node:fs';
import { currentSchemaShape } from '../tests/migrations/schema-shape.js';

writeFileSync('tests/migrations/released-schema.json', `${JSON.stringify(await currentSchemaShape(), null, 2)}\n`);
console.log('Đã ghi tests/migrations/released-schema.json');
