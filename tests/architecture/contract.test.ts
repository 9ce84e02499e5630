import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contract } from '../../shared/contract.js';
import { handlers } from '../../main/app/registry.js';
import { sourceFiles } from './layers.js';

describe('contract', () => {
  it('has exactly one handler per operation', () => {
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(contract).sort());
  });

  it('names every operation <feature>.<verb>', () => {
    for (const op of Object.keys(contract)) expect(op).toMatch(/^[a-z]+\.[a-z][A-Za-z]+$/);
  });

  it('marks every write as a mutation and every read as a query', () => {
    // Session: login counts a failure at once (a refusal must still count, which a mutation's rollback would undo); logout forgets a session held in memory.
    // Evidence: verify re-hashes, chooseFiles/discardStaged touch only the staging area, openCopy a temp copy; none writes the database.
    const readVerbs = /\.(list|get|tree|status|query|expected|duties|reprints|progressReports|occurrences|communeProgress|figureSums|overview|export|exportDocx|exportOccurrences|printAssignments|search|settings|verify|chooseFiles|discardStaged|openCopy|current|login|logout|history|journal|exportJournal|trustList|candidates|preview|printDownload|printDirect|templates|templatePreview|estimate|exportDownload)$/;
    // Following or cancelling a job changes nothing itself: the job's own transaction rolls back.
    const jobFollowVerbs = /\.([a-z][A-Za-z]*(Status|Cancel)|cancel)$/;
    // A job writes too, in its own transaction off the request thread, so it counts as a write.
    const kindOf = (kind: string) => (kind === 'job' ? 'mutation' : kind);
    for (const [op, spec] of Object.entries(contract)) expect(`${op}:${kindOf(spec.kind)}`).toBe(`${op}:${readVerbs.test(op) || jobFollowVerbs.test(op) ? 'query' : 'mutation'}`);
  });
});

describe('tests', () => {
  it('are never focused with .only, which would silently skip the rest', () => {
    const focused = sourceFiles().filter((file) => /\.(test|spec)\.tsx?$/.test(file) && /\b(it|test|describe)\.only\(/.test(readFileSync(file, 'utf8')));
    expect(focused).toEqual([]);
  });
});
