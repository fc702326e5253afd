import type { LabEvent } from './events.ts';
import { englishWords, type Words } from './words.ts';

/**
 * A run's commands as a shell script to paste and run step by step: the very lines the run showed
 * (derived from the same specs it executed), each step a comment. Values the engine picked during
 * the run (a published port, a host PID, a directory) appear as they were then.
 */
export function scriptOf(events: LabEvent[], words: Words = englishWords()): string {
  const start = events.find((e) => e.type === 'start');
  const lines = ['#!/bin/sh'];
  if (start?.type === 'start') {
    lines.push(`# Wharf lab "${start.lab}": ${words.title}`, `# ${words.shows}`);
    lines.push('# Not `set -e`: some commands are meant to fail (that is what they show).');
    lines.push('# Afterwards, `npm run clean` removes every container, volume and image a lab created.');
  }
  for (const event of events) {
    if (event.type === 'step') lines.push('', `# ${words.say(event)}`);
    if (event.type === 'command') lines.push(event.text);
    if (event.type === 'wait') lines.push(`# … ${words.say(event)}`);
  }
  const result = events.findLast((e) => e.type === 'result');
  if (result?.type === 'result' && !result.ok) {
    lines.push('', `# The run stopped early: ${result.error?.message ?? 'failed'}`);
  }
  return `${lines.join('\n')}\n`;
}
