import { describe, expect, it } from 'vitest';
import { checkFile, checkProject } from './layers.js';

describe('layer rules', () => {
  it('the project itself has no violations and is not checked vacuously', () => {
    const { files, violations } = checkProject();
    expect(files).toBeGreaterThan(40);
    expect(violations).toEqual([]);
  });

  it.each([
    ['renderer/units/UnitsPage.tsx', "import { loadUnitTree } from '../../main/units/index.js';", 'renderer/ may not import main'],
    ['renderer/app/App.tsx', "import { readFileSync } from 'node:fs';", 'must not use Node built-ins'],
    ['shared/units.ts', "import { Kysely } from 'kysely';", 'shared/ may not import "kysely"'],
    ['shared/units.ts', "import { x } from '../main/db/schema.js';", 'shared/ may not import main'],
    ['main/units/units.service.ts', "import { app } from 'electron';", 'main/ may not import "electron"'],
    ['main/units/units.service.ts', "import { x } from '../../renderer/api/client.js';", 'main/ may not import renderer'],
    ['main/units/units.service.ts', "import { x } from '../agencies/agencies.service.js';", 'import from main/agencies/index.js'],
    ['main/units/units.service.ts', "import leftPad from 'left-pad';", 'Unclassified dependency'],
    ['renderer/units/unitTree.ts', "import { describe } from 'vitest';", 'renderer/ may not import "vitest"'],
    ['main/units/units.service.ts', "import { x } from '../../../shared/seeds/x.js';", 'outside the project'],
  ])('%s importing %s is caught', (file, source, reason) => {
    const violations = checkFile(file, source);
    expect(violations).toHaveLength(1);
    expect(violations[0]!.reason).toContain(reason);
  });

  it.each([
    ['main/electron/main.ts', "import { app } from 'electron';"],
    ['main/units/units.service.ts', "import { x } from '../agencies/index.js';"],
    ['renderer/units/UnitsPage.tsx', "import { foldText } from '../../shared/text.js';"],
    ['renderer/units/unitTree.test.ts', "import { describe } from 'vitest';"],
    ['main/units/units.test.ts', "import { x } from '../../tests/support/test-app.js';"],
  ])('%s importing %s is allowed', (file, source) => {
    expect(checkFile(file, source)).toEqual([]);
  });
});
