import { basename } from 'node:path';

/** The part of vitest's JSON report (the jest-compatible shape) that the matrix reads. */
export interface VitestJsonReport {
  testResults: {
    name: string;
    startTime?: number;
    endTime?: number;
    assertionResults: {
      title: string;
      fullName: string;
      status: string;
      duration?: number | null;
      failureMessages: string[];
    }[];
  }[];
}

export interface TestOutcome {
  title: string;
  status: 'passed' | 'failed' | 'skipped';
  durationMs: number;
  /** First line of the first failure message, for the table's notes. */
  failure?: string;
}

/** One lab test file on one engine. */
export interface LabOutcome {
  lab: string;
  tests: TestOutcome[];
}

function statusOf(status: string): TestOutcome['status'] {
  if (status === 'passed') return 'passed';
  if (status === 'failed') return 'failed';
  return 'skipped';
}

/** Per test file: its tests with status, duration and why it failed. */
export function labOutcomes(report: VitestJsonReport): LabOutcome[] {
  return report.testResults
    .map((file) => ({
      lab: basename(file.name).replace(/\.test\.ts$/, ''),
      tests: file.assertionResults.map((test) => ({
        title: test.title,
        status: statusOf(test.status),
        durationMs: Math.round(test.duration ?? 0),
        failure: test.failureMessages[0]
          ?.split('\n')
          .find((line) => line.trim())
          ?.trim()
          .slice(0, 300),
      })),
    }))
    .sort((a, b) => a.lab.localeCompare(b.lab));
}

export type Cell = { status: 'passed' | 'failed' | 'not run'; durationMs: number; ran: number; failed: number };

/** A lab's cell for one engine: passed only if every test that ran passed. */
export function cellOf(outcome: LabOutcome | undefined): Cell {
  const ran = outcome?.tests.filter((t) => t.status !== 'skipped') ?? [];
  if (!ran.length) return { status: 'not run', durationMs: 0, ran: 0, failed: 0 };
  const failed = ran.filter((t) => t.status === 'failed').length;
  return {
    status: failed ? 'failed' : 'passed',
    durationMs: ran.reduce((sum, t) => sum + t.durationMs, 0),
    ran: ran.length,
    failed,
  };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;

function cellText(cell: Cell): string {
  if (cell.status === 'not run') return '–';
  const mark = cell.status === 'passed' ? 'pass' : `FAIL ${cell.failed}/${cell.ran}`;
  return `${mark}, ${seconds(cell.durationMs)}${cell.status === 'passed' && cell.ran > 1 ? ` (${cell.ran} tests)` : ''}`;
}

/** Markdown: one row per lab test file, one column per engine, then every failure with its cause. */
export function resultTable(columns: { name: string; outcomes: LabOutcome[] }[]): string {
  const labs = [...new Set(columns.flatMap((c) => c.outcomes.map((o) => o.lab)))].sort();
  const lines = [
    `| lab | ${columns.map((c) => c.name).join(' | ')} |`,
    `|---|${columns.map(() => '---').join('|')}|`,
    ...labs.map(
      (lab) =>
        `| ${lab} | ${columns.map((c) => cellText(cellOf(c.outcomes.find((o) => o.lab === lab)))).join(' | ')} |`,
    ),
  ];
  const failures = columns.flatMap((c) =>
    c.outcomes.flatMap((o) =>
      o.tests
        .filter((t) => t.status === 'failed')
        .map((t) => `- ${c.name} / ${o.lab} / ${t.title}: ${t.failure ?? 'failed'}`),
    ),
  );
  if (failures.length) lines.push('', 'Failures:', ...failures);
  return lines.join('\n');
}
