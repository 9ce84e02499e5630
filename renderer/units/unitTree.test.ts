import { describe, expect, it } from 'vitest';
import { DEFAULT_LEVEL_NAMES } from '../../shared/office';
import type { UnitDto } from '../../shared/units';
import { ancestorsOfMatches, buildUnitTree, collectIds, displayNameOf, filterUnitTree, subtreeIds, unitTypesAtDepth, type UnitTreeNode } from './unitTree';

const unit = (id: string, parentId: string | null, type: string, name: string, code: string, depth: number): UnitDto => ({
  id,
  originOfficeId: 'office-tan-hong',
  createdAt: '2021-03-01T08:00:00.000Z',
  updatedAt: '2021-03-01T08:00:00.000Z',
  rev: 1,
  parentId,
  code,
  name,
  type,
  depth,
});

// Flat, as units.tree returns it, but deliberately not in display order.
const HUYEN = unit('huyen', null, 'Huyện', 'Tân Hồng', '870', 0);
const TAN_HO_CO = unit('tan-ho-co', 'huyen', 'Xã', 'Tân Hộ Cơ', '870-10', 1);
const THONG_BINH = unit('thong-binh', 'huyen', 'Xã', 'Thông Bình', '870-2', 1);
const SA_RAI = unit('sa-rai', 'huyen', 'Thị trấn', 'Sa Rài', '870-1', 1);
const AN_PHUOC = unit('an-phuoc', 'huyen', 'Xã', 'An Phước', '870-9', 1);
// The name already carries its type: shown once, sorted as "Xã Bình Phú".
const BINH_PHU = unit('binh-phu', 'huyen', 'Xã', 'Xã Bình Phú', '870-11', 1);
const GO_CHOI = unit('go-choi', 'tan-ho-co', 'Ấp', 'Gò Chòi', '870-10-1', 2);
const CA_GANG = unit('ca-gang', 'tan-ho-co', 'Ấp', 'Cả Găng', '870-10-2', 2);
const DONG_THANH = unit('dong-thanh', 'tan-ho-co', 'Ấp', 'Đông Thành', '870-10-10', 2);
const SA_RAI_KHOM_1 = unit('khom-1', 'sa-rai', 'Khóm', '1', 'SR-K1', 2);

const UNITS = [GO_CHOI, THONG_BINH, HUYEN, TAN_HO_CO, SA_RAI_KHOM_1, SA_RAI, CA_GANG, AN_PHUOC, DONG_THANH, BINH_PHU];

/** The tree as [display name, children] pairs, so a whole shape is one assertion. */
type Shape = [string, Shape[]];
const shape = (nodes: UnitTreeNode[]): Shape[] => nodes.map((n) => [displayNameOf(n.unit), shape(n.children)]);

describe('displayNameOf', () => {
  it.each([
    ['Xã', 'Tân Hộ Cơ', 'Xã Tân Hộ Cơ'],
    ['Thị trấn', 'Sa Rài', 'Thị trấn Sa Rài'],
    ['Khóm', '1', 'Khóm 1'],
    ['Xã', 'Xã Tân Hộ Cơ', 'Xã Tân Hộ Cơ'],
    ['Thị trấn', 'Thị trấn Sa Rài', 'Thị trấn Sa Rài'],
    ['Xã', 'XÃ TÂN HỘ CƠ', 'XÃ TÂN HỘ CƠ'],
    ['Ấp', 'ap Gò Chòi', 'ap Gò Chòi'],
    ['Ấp', 'Ấp', 'Ấp'],
    ['', 'Tân Hồng', 'Tân Hồng'],
    ['Xã', 'Xãi Tân', 'Xã Xãi Tân'],
  ])('type %j and name %j read as %j', (type, name, expected) => {
    expect(displayNameOf({ type, name })).toBe(expected);
  });

  it('does not double a type written in decomposed (NFD) form', () => {
    const name = 'Xã Tân Hộ Cơ'.normalize('NFD');
    expect(displayNameOf({ type: 'Xã', name })).toBe(name);
  });
});

describe('buildUnitTree', () => {
  it('nests the flat list under its parents and sorts each level by official code in natural order', () => {
    expect(shape(buildUnitTree(UNITS))).toEqual([
      [
        'Huyện Tân Hồng',
        [
          ['Thị trấn Sa Rài', [['Khóm 1', []]]],
          ['Xã Thông Bình', []],
          ['Xã An Phước', []],
          [
            'Xã Tân Hộ Cơ',
            [
              ['Ấp Gò Chòi', []],
              ['Ấp Cả Găng', []],
              ['Ấp Đông Thành', []],
            ],
          ],
          ['Xã Bình Phú', []],
        ],
      ],
    ]);
  });

  it('puts Khóm 2 before Khóm 10 when codes tie, reading numbers as numbers', () => {
    const khom = (n: number) => unit(`k${n}`, 'sa-rai', 'Khóm', String(n), 'K', 2);
    expect(shape(buildUnitTree([khom(10), khom(2), khom(1)]))).toEqual([
      ['Khóm 1', []],
      ['Khóm 2', []],
      ['Khóm 10', []],
    ]);
  });

  it('keeps the unit objects themselves in the nodes', () => {
    const [root] = buildUnitTree(UNITS);
    expect(root!.unit).toBe(HUYEN);
    expect(root!.children.map((n) => n.unit.id)).toEqual(['sa-rai', 'thong-binh', 'an-phuoc', 'tan-ho-co', 'binh-phu']);
  });

  it('makes a unit whose parent is not in the list a root, sorted among the roots', () => {
    expect(shape(buildUnitTree([GO_CHOI, CA_GANG, AN_PHUOC]))).toEqual([
      ['Xã An Phước', []],
      ['Ấp Gò Chòi', []],
      ['Ấp Cả Găng', []],
    ]);
  });

  it('returns no nodes for no units', () => {
    expect(buildUnitTree([])).toEqual([]);
  });
});

describe('filterUnitTree', () => {
  const tree = buildUnitTree(UNITS);

  it.each(['', '   '])('returns the very same tree for the blank query %j', (query) => {
    expect(filterUnitTree(tree, query)).toBe(tree);
  });

  it('keeps a deep match with only the ancestors leading to it', () => {
    expect(shape(filterUnitTree(tree, 'go choi'))).toEqual([['Huyện Tân Hồng', [['Xã Tân Hộ Cơ', [['Ấp Gò Chòi', []]]]]]]);
  });

  it('matches words typed with diacritics the same as without', () => {
    expect(shape(filterUnitTree(tree, 'Gò Chòi'))).toEqual(shape(filterUnitTree(tree, 'go choi')));
  });

  it('keeps all children of a match when none of them matches, so it can still be opened', () => {
    expect(shape(filterUnitTree(tree, 'tan ho co'))).toEqual([
      [
        'Huyện Tân Hồng',
        [
          [
            'Xã Tân Hộ Cơ',
            [
              ['Ấp Gò Chòi', []],
              ['Ấp Cả Găng', []],
              ['Ấp Đông Thành', []],
            ],
          ],
        ],
      ],
    ]);
  });

  it('narrows a matching node to its matching children when some of them match', () => {
    // "tan" matches Huyện Tân Hồng itself and Xã Tân Hộ Cơ below it.
    expect(shape(filterUnitTree(tree, 'tan'))).toEqual([
      [
        'Huyện Tân Hồng',
        [
          [
            'Xã Tân Hộ Cơ',
            [
              ['Ấp Gò Chòi', []],
              ['Ấp Cả Găng', []],
              ['Ấp Đông Thành', []],
            ],
          ],
        ],
      ],
    ]);
  });

  it('matches on the unit type', () => {
    expect(shape(filterUnitTree(tree, 'thi tran'))).toEqual([['Huyện Tân Hồng', [['Thị trấn Sa Rài', [['Khóm 1', []]]]]]]);
  });

  it('matches on the unit code', () => {
    expect(shape(filterUnitTree(tree, 'sr-k1'))).toEqual([['Huyện Tân Hồng', [['Thị trấn Sa Rài', [['Khóm 1', []]]]]]]);
  });

  it('keeps every branch with a match, in tree order', () => {
    expect(shape(filterUnitTree(tree, 'binh'))).toEqual([
      [
        'Huyện Tân Hồng',
        [
          ['Xã Thông Bình', []],
          ['Xã Bình Phú', []],
        ],
      ],
    ]);
  });

  it('returns nothing when no unit matches', () => {
    expect(filterUnitTree(tree, 'Phú Quốc')).toEqual([]);
  });

  it('does not change the tree it filters', () => {
    const before = shape(tree);
    filterUnitTree(tree, 'go choi');
    expect(shape(tree)).toEqual(before);
  });
});

describe('ancestorsOfMatches', () => {
  const tree = buildUnitTree(UNITS);

  it.each([
    ['go choi', ['huyen', 'tan-ho-co']],
    ['ap', ['huyen', 'tan-ho-co']],
    ['tan ho co', ['huyen']],
    ['tan', ['huyen']],
    ['binh', ['huyen']],
    ['khom', ['huyen', 'sa-rai']],
    ['tan hong', []],
    ['Phú Quốc', []],
    ['', []],
    ['  ', []],
  ])('for %j opens %j', (query, expected) => {
    expect(ancestorsOfMatches(tree, query)).toEqual(expected);
  });
});

describe('collectIds', () => {
  it('lists every id of the tree, each parent before its children', () => {
    expect(collectIds(buildUnitTree(UNITS))).toEqual([
      'huyen',
      'sa-rai',
      'khom-1',
      'thong-binh',
      'an-phuoc',
      'tan-ho-co',
      'go-choi',
      'ca-gang',
      'dong-thanh',
      'binh-phu',
    ]);
  });

  it('lists nothing for an empty tree', () => {
    expect(collectIds([])).toEqual([]);
  });
});

describe('subtreeIds', () => {
  it.each([
    ['huyen', ['huyen', 'tan-ho-co', 'thong-binh', 'sa-rai', 'an-phuoc', 'binh-phu', 'go-choi', 'khom-1', 'ca-gang', 'dong-thanh']],
    ['tan-ho-co', ['tan-ho-co', 'go-choi', 'ca-gang', 'dong-thanh']],
    ['sa-rai', ['sa-rai', 'khom-1']],
    ['go-choi', ['go-choi']],
    ['not-a-unit', ['not-a-unit']],
  ])('below %s are %j', (rootId, expected) => {
    expect([...subtreeIds(UNITS, rootId)].sort()).toEqual([...expected].sort());
  });

  it('finds grandchildren listed before their parent', () => {
    expect([...subtreeIds([GO_CHOI, CA_GANG, TAN_HO_CO, HUYEN], 'huyen')].sort()).toEqual(['ca-gang', 'go-choi', 'huyen', 'tan-ho-co']);
  });
});

describe('unitTypesAtDepth', () => {
  const huyenLevels = DEFAULT_LEVEL_NAMES.huyen;

  it.each([
    [0, undefined, ['Huyện', 'Thị xã', 'Thành phố']],
    [1, undefined, ['Xã', 'Thị trấn', 'Phường']],
    [2, undefined, ['Ấp', 'Khóm', 'Thôn']],
    [3, undefined, []],
    [1, 'Xã', ['Xã', 'Thị trấn', 'Phường']],
    [1, '', ['Xã', 'Thị trấn', 'Phường']],
    [1, 'Khóm', ['Khóm', 'Xã', 'Thị trấn', 'Phường']],
    [3, 'Tổ dân phố', ['Tổ dân phố']],
  ])('at depth %i with current type %j offers %j', (depth, current, expected) => {
    expect(unitTypesAtDepth(huyenLevels, depth, current)).toEqual(expected);
  });

  it('trims the parts of a level name the office typed', () => {
    expect(unitTypesAtDepth(['Huyện', ' Xã / Thị trấn /'], 1)).toEqual(['Xã', 'Thị trấn']);
  });
});
