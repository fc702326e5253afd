import { describe, expect, it } from 'vitest';
import { cellOf, labOutcomes, resultTable, type VitestJsonReport } from '../../../scripts/engines/results.ts';

const report: VitestJsonReport = {
  testResults: [
    {
      name: '/repo/tests/labs/network.test.ts',
      assertionResults: [
        {
          title: 'shows eth0',
          fullName: 'lab: network shows eth0',
          status: 'failed',
          duration: 61234.5,
          failureMessages: ['\nError: Timed out after 10 s while waiting for http://127.0.0.1:32771/\n    at x'],
        },
        {
          title: 'runs twice',
          fullName: 'lab: network runs twice',
          status: 'skipped',
          duration: null,
          failureMessages: [],
        },
      ],
    },
    {
      name: '/repo/tests/labs/cgroups.test.ts',
      assertionResults: [
        {
          title: 'sees each limit',
          fullName: 'lab: cgroups sees each limit',
          status: 'passed',
          duration: 30000,
          failureMessages: [],
        },
        {
          title: 'runs twice at once',
          fullName: 'lab: cgroups runs twice at once',
          status: 'passed',
          duration: 12000,
          failureMessages: [],
        },
      ],
    },
  ],
};

describe('labOutcomes', () => {
  it('names each lab after its test file, sorted, with the first line of each failure', () => {
    const [cgroups, network] = labOutcomes(report);
    expect(cgroups?.lab).toBe('cgroups');
    expect(network?.tests[0]).toEqual({
      title: 'shows eth0',
      status: 'failed',
      durationMs: 61235,
      failure: 'Error: Timed out after 10 s while waiting for http://127.0.0.1:32771/',
    });
    expect(network?.tests[1]?.status).toBe('skipped');
  });
});

describe('cellOf', () => {
  it('passes a lab only when every test that ran passed, and sums their time', () => {
    const [cgroups, network] = labOutcomes(report);
    expect(cellOf(cgroups)).toEqual({ status: 'passed', durationMs: 42000, ran: 2, failed: 0 });
    expect(cellOf(network)).toEqual({ status: 'failed', durationMs: 61235, ran: 1, failed: 1 });
    expect(cellOf(undefined).status).toBe('not run');
  });
});

describe('resultTable', () => {
  it('has a row per lab and a column per engine, then every failure with its cause', () => {
    const outcomes = labOutcomes(report);
    const table = resultTable([
      { name: 'host', outcomes: outcomes.filter((o) => o.lab === 'cgroups') },
      { name: 'vm', outcomes },
    ]);
    expect(table.split('\n').slice(0, 4)).toEqual([
      '| lab | host | vm |',
      '|---|---|---|',
      '| cgroups | pass, 42 s (2 tests) | pass, 42 s (2 tests) |',
      '| network | – | FAIL 1/1, 61 s |',
    ]);
    expect(table).toContain(
      '- vm / network / shows eth0: Error: Timed out after 10 s while waiting for http://127.0.0.1:32771/',
    );
  });
});
