import type { Terminal } from '@xterm/xterm';
import type { Lang } from '../../deck/lang.ts';
import { RunnerClient, SessionExpiredError } from './client.ts';
import { renderFacts } from './facts.ts';
import { recordingFor } from './recordings.ts';
import type { RunnerAccess } from './session.ts';
import { createTerminal, write } from './terminal.ts';
import { paneText, type PaneText } from './text.ts';
import type { LabEvent, Recording, StreamedEvent } from './types.ts';

type PaneState = 'idle' | 'starting' | 'running' | 'stopping';

/**
 * The terminal pane on one lab slide: Run and Stop, the lab's real output in xterm.js, and the
 * observed facts once it ends. Without a runner it shows the lab's last recording, labelled so.
 */
export class LabPane {
  readonly element: HTMLElement;
  private readonly text: PaneText;
  private readonly runButton: HTMLButtonElement;
  private readonly stopButton: HTMLButtonElement;
  private readonly status: HTMLElement;
  private readonly terminalHost: HTMLElement;
  private readonly factsHost: HTMLElement;
  private client: RunnerClient | undefined;
  /** Why there is no live run here, when there is none. */
  private noLiveRun: string;
  private terminal?: Promise<Terminal>;
  private state: PaneState = 'idle';
  private runnerRunId?: string;
  private follow?: AbortController;

  constructor(
    readonly lab: string,
    lang: Lang,
    access: RunnerAccess,
  ) {
    this.text = paneText[lang];
    this.client = access.kind === 'session' ? new RunnerClient(access.csrf) : undefined;
    this.noLiveRun = access.kind === 'locked' ? this.text.locked : this.text.noRunner;
    const client = this.client;
    this.element = document.createElement('div');
    this.element.className = 'lab-pane';
    this.element.dataset.labPane = lab;
    this.element.innerHTML = `
      <div class="lab-controls">
        <button type="button" class="lab-run"></button>
        <button type="button" class="lab-stop" disabled></button>
        <span class="lab-status" role="status"></span>
      </div>
      <div class="lab-body"><div class="lab-terminal"></div><div class="lab-facts"></div></div>`;
    const find = <T extends HTMLElement>(selector: string) => this.element.querySelector<T>(selector)!;
    this.runButton = find<HTMLButtonElement>('.lab-run');
    this.stopButton = find<HTMLButtonElement>('.lab-stop');
    this.status = find('.lab-status');
    this.terminalHost = find('.lab-terminal');
    this.factsHost = find('.lab-facts');
    // Labs speak English: say so, or a zh page makes Chromium pick CJK fallback fonts for them
    // (xterm then measures one font and draws another, spreading the characters apart).
    this.terminalHost.lang = 'en';
    this.factsHost.lang = 'en';
    this.runButton.textContent = this.text.run;
    this.stopButton.textContent = this.text.stop;
    this.runButton.hidden = !client;
    this.stopButton.hidden = !client;
    // Only a person's click: a script (or another page driving this one) gets nothing.
    this.runButton.addEventListener('click', (event) => void (event.isTrusted && this.run()));
    this.stopButton.addEventListener('click', (event) => void (event.isTrusted && this.stop()));
    this.setStatus(client ? this.text.ready : '');
  }

  get busy(): boolean {
    return this.state !== 'idle';
  }

  /** Shown when the slide is first visited, or at once for print: the recording if there is one. */
  async showInitial(): Promise<void> {
    // Once per pane: revisiting the slide must not redraw the recording (or wipe a live run's output).
    if (this.client || this.element.dataset.source) return;
    await this.showRecording(this.noLiveRun);
  }

  async toggle(): Promise<void> {
    if (this.state === 'idle') await this.run();
    else await this.stop();
  }

  async run(): Promise<void> {
    if (this.state !== 'idle') return;
    if (!this.client) return this.showRecording(this.noLiveRun);
    let engine;
    try {
      engine = await this.client.engineStatus();
    } catch (error) {
      if (error instanceof SessionExpiredError) return this.lockOut();
      throw error;
    }
    if (!engine) return this.showRecording(this.text.runnerDown);
    if (!engine.ok) return this.showRecording(this.text.engineDown(engine.error));
    this.setState('starting');
    this.element.dataset.source = 'live';
    const terminal = await this.ensureTerminal();
    terminal.reset();
    this.factsHost.replaceChildren();
    const events: LabEvent[] = [];
    try {
      this.runnerRunId = await this.client.start(this.lab);
      this.setState('running');
      this.follow = new AbortController();
      await this.client.follow(this.runnerRunId, (streamed) => {
        events.push(streamed.event);
        this.onEvent(terminal, streamed, events);
      }, this.follow.signal);
    } catch (error) {
      if (error instanceof SessionExpiredError) return this.lockOut();
      if (!this.follow?.signal.aborted) this.setStatus(this.text.failed(error instanceof Error ? error.message : String(error)));
    } finally {
      this.runnerRunId = undefined;
      this.setState('idle');
    }
  }

  async stop(): Promise<void> {
    if (!this.runnerRunId || !this.client || this.state === 'stopping') return;
    this.setState('stopping');
    this.setStatus(this.text.stopping);
    await this.client.stop(this.runnerRunId);
    // The event stream carries on to the end: cleanup and the result arrive like any other events.
  }

  private onEvent(terminal: Terminal, { event, ansi }: StreamedEvent, events: LabEvent[]): void {
    if (ansi !== undefined) terminal.writeln(ansi);
    if (event.type === 'start') this.setStatus(this.text.running(`${event.engine.product} ${event.engine.version}`));
    if (event.type === 'result') {
      renderFacts(this.factsHost, events);
      this.setStatus(event.ok ? this.text.finished((event.durationMs / 1000).toFixed(1)) : this.text.failed(event.error?.message ?? ''));
    }
  }

  /** The runner was restarted and no longer knows this tab: live runs need the new printed link. */
  private async lockOut(): Promise<void> {
    this.client = undefined;
    this.noLiveRun = this.text.locked;
    this.runButton.hidden = true;
    this.stopButton.hidden = true;
    this.setState('idle');
    await this.showRecording(this.noLiveRun);
  }

  private async showRecording(why: string): Promise<void> {
    const recording: Recording | undefined = await recordingFor(this.lab);
    this.element.dataset.source = recording ? 'recording' : 'none';
    this.setStatus(this.text.fallback(why, recording));
    if (!recording) return;
    const terminal = await this.ensureTerminal();
    terminal.reset();
    await write(terminal, recording.events.flatMap((e) => (e.ansi === undefined ? [] : [`${e.ansi}\r\n`])).join(''));
    renderFacts(this.factsHost, recording.events.map((e) => e.event));
  }

  private ensureTerminal(): Promise<Terminal> {
    this.terminal ??= createTerminal(this.terminalHost);
    return this.terminal;
  }

  private setState(state: PaneState): void {
    this.state = state;
    this.element.dataset.state = state;
    this.runButton.disabled = state !== 'idle';
    this.stopButton.disabled = state !== 'running';
  }

  private setStatus(message: string): void {
    this.status.textContent = message;
  }
}
