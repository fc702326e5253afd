import { presentations } from '../../../labs/present/index.ts';
import { wordsFor } from '../../../labs/present/words.ts';
import type { Lang } from '../../deck/lang.ts';
import { renderAllFacts } from './all-facts.ts';
import { RunnerClient, SessionExpiredError } from './client.ts';
import type { Box } from './fit.ts';
import { renderHeadlines } from './headlines.ts';
import { saveLiveRun } from './live-facts.ts';
import { addressFor, chosenSet, recordingFor, setsFor } from './recordings.ts';
import type { RunnerAccess } from './session.ts';
import { layOutStep, renderPage, type StepWords } from './step-view.ts';
import { addToStory, emptyStory, factsOf, type Story } from './story.ts';
import { type PaneText, paneText } from './text.ts';
import type { EngineStatus, Facts, Recording, StreamedEvent } from './types.ts';

type PaneState = 'idle' | 'starting' | 'running' | 'stopping';

/** The text area of a step inside the terminal box (lab-runner.css sizes the box to match). */
const STEP_BOX: Box = { width: 736, height: 380 };

/**
 * The pane on one lab slide: Run and Stop, the lab's story one step at a time (the presenter steps
 * through with →, as through fragments; a live run follows along), and its headline facts as cards.
 * Without a live run it tells the lab's last recording, labelled so.
 */
export class LabPane {
  readonly element: HTMLElement;
  private readonly text: PaneText;
  private readonly words: StepWords;
  private readonly runButton: HTMLButtonElement;
  private readonly stopButton: HTMLButtonElement;
  private readonly factsButton: HTMLButtonElement;
  private readonly status: HTMLElement;
  private readonly sets: HTMLElement;
  private readonly stepsHost: HTMLElement;
  private readonly factsHost: HTMLElement;
  private readonly headlinesHost: HTMLElement;
  private client: RunnerClient | undefined;
  /** Why there is no live run here, when there is none. */
  private noLiveRun: string;
  private story: Story = emptyStory();
  private state: PaneState = 'idle';
  private runnerRunId?: string;
  private follow?: AbortController;
  private shown = false;

  constructor(
    readonly lab: string,
    private readonly lang: Lang,
    access: RunnerAccess,
    /** Called when the number of steps changed, so reveal can re-read the slide's fragments. */
    private readonly onStepsChanged: (latest: number, live: boolean) => void = () => {},
  ) {
    this.text = paneText[lang];
    const words = wordsFor(lab, lang);
    this.words = {
      lang,
      text: this.text,
      say: words.say,
      factLabel: words.factLabel,
      factValue: words.factValue,
      faults: words,
    };
    this.client = access.kind === 'session' ? new RunnerClient(access.csrf) : undefined;
    this.noLiveRun = access.kind === 'locked' ? this.text.locked : this.text.noRunner;
    this.element = document.createElement('div');
    this.element.className = 'lab-pane';
    this.element.dataset.labPane = lab;
    this.element.innerHTML = `
      <div class="lab-controls">
        <button type="button" class="lab-run"></button>
        <button type="button" class="lab-stop" disabled></button>
        <span class="lab-status" role="status"></span>
        <span class="lab-sets" hidden></span>
        <button type="button" class="lab-facts-toggle" aria-expanded="false" hidden></button>
      </div>
      <div class="lab-body">
        <div class="lab-terminal"><div class="lab-steps"></div><div class="lab-facts" hidden></div></div>
        <div class="lab-headlines"></div>
      </div>`;
    const find = <T extends HTMLElement>(selector: string) => this.element.querySelector<T>(selector)!;
    this.runButton = find<HTMLButtonElement>('.lab-run');
    this.stopButton = find<HTMLButtonElement>('.lab-stop');
    this.factsButton = find<HTMLButtonElement>('.lab-facts-toggle');
    this.status = find('.lab-status');
    this.sets = find('.lab-sets');
    this.stepsHost = find('.lab-steps');
    this.factsHost = find('.lab-facts');
    this.headlinesHost = find('.lab-headlines');
    // Engine output and commands are English whatever the deck's language: say so, or a zh page
    // makes Chromium draw Latin text with a CJK font's wider glyphs.
    this.stepsHost.lang = 'en';
    this.runButton.textContent = this.text.run;
    this.stopButton.textContent = this.text.stop;
    this.runButton.hidden = !this.client;
    this.stopButton.hidden = !this.client;
    // Only a person's click: a script (or another page driving this one) gets nothing.
    this.runButton.addEventListener('click', (event) => void (event.isTrusted && this.run()));
    this.stopButton.addEventListener('click', (event) => void (event.isTrusted && this.stop()));
    this.factsButton.addEventListener('click', () => this.toggleAllFacts());
    this.setStatus(this.client ? this.text.ready : '');
  }

  get busy(): boolean {
    return this.state !== 'idle';
  }

  /** Shown when the slide is first visited, or at once for print: the recording if there is one. */
  async showInitial(): Promise<void> {
    // Once per pane: revisiting the slide must not redraw the recording (or wipe a live run).
    if (this.shown) return;
    this.shown = true;
    const recording = await recordingFor(this.lab);
    if (this.state !== 'idle' || this.element.dataset.source === 'live') return;
    if (this.client) {
      if (recording) this.showStory(recording, this.text.readyWithRecording(recording));
      return;
    }
    this.showRecording(this.noLiveRun, recording);
  }

  async toggle(): Promise<void> {
    if (this.state === 'idle') await this.run();
    else await this.stop();
  }

  async run(): Promise<void> {
    if (this.state !== 'idle') return;
    if (!this.client) return this.showRecording(this.noLiveRun, await recordingFor(this.lab));
    let engine: EngineStatus | undefined;
    try {
      engine = await this.client.engineStatus();
    } catch (error) {
      if (error instanceof SessionExpiredError) return this.lockOut();
      throw error;
    }
    if (!engine) return this.showRecording(this.text.runnerDown, await recordingFor(this.lab));
    if (!engine.ok) return this.showRecording(this.text.engineDown(engine.error), await recordingFor(this.lab));
    this.setState('starting');
    this.shown = true;
    this.element.dataset.source = 'live';
    this.resetStory();
    try {
      this.runnerRunId = await this.client.start(this.lab);
      this.setState('running');
      this.follow = new AbortController();
      await this.client.follow(this.runnerRunId, (streamed) => this.onLiveEvent(streamed), this.follow.signal);
    } catch (error) {
      if (error instanceof SessionExpiredError) return this.lockOut();
      if (!this.follow?.signal.aborted)
        this.setStatus(this.text.failed(error instanceof Error ? error.message : String(error)));
    } finally {
      this.runnerRunId = undefined;
      this.setState('idle');
      this.drawAll(false);
    }
  }

  async stop(): Promise<void> {
    if (!this.runnerRunId || !this.client || this.state === 'stopping') return;
    this.setState('stopping');
    this.setStatus(this.text.stopping);
    await this.client.stop(this.runnerRunId);
    // The event stream carries on to the end: cleanup and the result arrive like any other events.
  }

  private onLiveEvent({ event }: StreamedEvent): void {
    addToStory(this.story, event);
    if (event.type === 'start') this.setStatus(this.text.running(`${event.engine.product} ${event.engine.version}`));
    if (event.type === 'result') {
      // A finished run's figures go to this lab's chart on its myth slide ("your machine").
      if (event.ok && this.story.start)
        saveLiveRun({ lab: this.lab, facts: event.facts, engine: this.story.start.engine });
      this.setStatus(
        event.ok
          ? this.text.finished((event.durationMs / 1000).toFixed(1))
          : this.text.failed(
              event.error?.engineGone
                ? this.words.faults.engineGone(event.error.engineGone).message
                : (event.error?.message ?? ''),
            ),
      );
    }
    this.drawAll(true);
    if (event.type === 'fact') this.drawFacts();
  }

  /** The runner was restarted and no longer knows this tab: live runs need the new printed link. */
  private async lockOut(): Promise<void> {
    this.client = undefined;
    this.noLiveRun = this.text.locked;
    this.runButton.hidden = true;
    this.stopButton.hidden = true;
    this.setState('idle');
    this.showRecording(this.noLiveRun, await recordingFor(this.lab));
  }

  private showRecording(why: string, recording: Recording | undefined): void {
    this.element.dataset.source = recording ? 'recording' : 'none';
    this.setStatus(this.text.fallback(why, recording));
    if (recording) this.showStory(recording);
  }

  private showStory(recording: Recording, status?: string): void {
    if (!this.element.dataset.source) this.element.dataset.source = 'recording';
    this.resetStory();
    for (const { event } of recording.events) addToStory(this.story, event);
    this.drawAll(false);
    this.drawFacts();
    if (status) this.setStatus(status);
    void this.offerOtherSets();
  }

  /** Links to this lab's recordings on other engines (the v1 ones beside the default v2 ones). */
  private async offerOtherSets(): Promise<void> {
    const sets = setsFor(this.lab);
    const shown = sets.includes(chosenSet()) ? chosenSet() : '';
    const others = sets.filter((set) => set !== shown);
    if (others.length === 0) return;
    const links = await Promise.all(
      others.map(async (set) => {
        const other = await recordingFor(this.lab, set);
        const link = document.createElement('a');
        link.href = addressFor(set, location);
        link.textContent = other ? this.text.engineShort(other) : set;
        return link;
      }),
    );
    this.sets.replaceChildren(this.text.otherRecordings, ...links.flatMap((link, i) => (i ? [', ', link] : [link])));
    this.sets.hidden = false;
  }

  private resetStory(): void {
    this.story = emptyStory();
    this.stepsHost.replaceChildren();
    this.headlinesHost.replaceChildren();
    this.factsHost.replaceChildren();
    this.factsHost.hidden = true;
    this.factsButton.hidden = true;
  }

  /**
   * One block per page of each step, stacked: reveal shows page k+1 as fragment k, and CSS hides a
   * page once a later one is visible. Redrawn whole on every change: a story is a few dozen lines.
   */
  private drawAll(live: boolean): void {
    const { steps, ending } = this.story;
    const pages = steps.flatMap((step, index) => {
      const last = index === steps.length - 1;
      const layout = layOutStep({ step, ending: last ? ending : [], live: live && last }, this.words, STEP_BOX);
      return layout.pages.map((blocks, page) => ({
        blocks,
        fontSize: layout.fontSize,
        counter: `${index + 1}${page ? '+' : ''}/${steps.length}`,
      }));
    });
    const changed = this.stepsHost.children.length !== pages.length;
    while (this.stepsHost.children.length > pages.length) this.stepsHost.lastElementChild!.remove();
    while (this.stepsHost.children.length < pages.length) {
      const block = document.createElement('div');
      block.className = 'lab-step';
      const index = this.stepsHost.children.length;
      if (index > 0) {
        block.classList.add('fragment');
        block.dataset.fragmentIndex = String(index - 1);
      }
      this.stepsHost.append(block);
    }
    pages.forEach((page, index) => {
      renderPage(this.stepsHost.children[index] as HTMLElement, page.blocks, page.fontSize, page.counter, STEP_BOX);
    });
    if (changed) this.onStepsChanged(pages.length - 1, live);
  }

  private drawFacts(): void {
    const facts = Object.values(factsOf(this.story));
    const values: Facts = Object.fromEntries(facts.map((fact) => [fact.key, fact.value]));
    renderHeadlines(this.headlinesHost, presentations[this.lab], values, this.lang);
    renderAllFacts(this.factsHost, facts, this.words);
    this.factsButton.hidden = facts.length === 0;
    this.factsButton.textContent = this.text.allFacts(facts.length);
  }

  private toggleAllFacts(): void {
    this.factsHost.hidden = !this.factsHost.hidden;
    this.factsButton.setAttribute('aria-expanded', String(!this.factsHost.hidden));
  }

  private setState(state: PaneState): void {
    this.state = state;
    this.element.dataset.state = state;
    this.runButton.disabled = state !== 'idle';
    this.stopButton.disabled = state !== 'running';
  }

  private setStatus(message: string): void {
    this.status.textContent = message;
    this.status.title = message;
  }
}
