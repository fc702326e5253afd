import type { Said } from '../../../labs/kit/core/text.ts';
import type { LabEvent } from './types.ts';

type StartEvent = Extract<LabEvent, { type: 'start' }>;

/** One chapter of a lab's story: its title and what happened in it, in order. */
export interface StoryStep {
  /** Its title by key; none for what the lab said before its first step. */
  title?: Said;
  events: LabEvent[];
}

/** A lab run as the slide tells it: steps, and how it ended. */
export interface Story {
  start?: StartEvent;
  steps: StoryStep[];
  /** The cleanup and result events, once the run is over. */
  ending: LabEvent[];
}

export const emptyStory = (): Story => ({ steps: [], ending: [] });

/**
 * Adds one event to the story. What a lab says before its first step (the engine's cgroup
 * version, the base image being built) opens the first step, so no step is ever empty of context.
 */
export function addToStory(story: Story, event: LabEvent): void {
  switch (event.type) {
    case 'start':
      story.start = event;
      return;
    case 'step': {
      const prelude = story.steps.length === 1 && !story.steps[0]!.title ? story.steps.pop()!.events : [];
      story.steps.push({ title: { key: event.key, values: event.values }, events: prelude });
      return;
    }
    case 'cleanup':
    case 'result':
      story.ending.push(event);
      return;
    default:
      if (!story.steps.length) story.steps.push({ events: [] });
      story.steps.at(-1)!.events.push(event);
  }
}

export function storyOf(events: readonly LabEvent[]): Story {
  const story = emptyStory();
  for (const event of events) addToStory(story, event);
  return story;
}

/** Every fact observed so far, by key (the last value wins, as in the lab's own result). */
export function factsOf(story: Story): Record<string, Extract<LabEvent, { type: 'fact' }>> {
  const facts: Record<string, Extract<LabEvent, { type: 'fact' }>> = {};
  for (const step of story.steps) for (const event of step.events) if (event.type === 'fact') facts[event.key] = event;
  return facts;
}
