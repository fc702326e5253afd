import { EventSourceParserStream } from 'eventsource-parser/stream';
import { API, CSRF_HEADER, type StartRunReply } from '../../../runner/protocol.ts';
import { forgetRunnerSession } from './session.ts';
import type { EngineStatus, StreamedEvent } from './types.ts';

/** The runner answered, but no longer knows this tab's session (it was restarted). */
export class SessionExpiredError extends Error {}

/** The deck's side of the runner API, for a tab that holds a runner session. */
export class RunnerClient {
  constructor(private readonly csrf: string) {}

  private headers(json = false): HeadersInit {
    return { [CSRF_HEADER]: this.csrf, ...(json ? { 'content-type': 'application/json' } : {}) };
  }

  private check(response: Response): Response {
    if (response.status === 401) {
      forgetRunnerSession();
      throw new SessionExpiredError();
    }
    return response;
  }

  /**
   * Whether the engine answers, as the runner sees it; undefined when the runner itself does not
   * answer (the presenter may have stopped it).
   */
  async engineStatus(): Promise<EngineStatus | undefined> {
    let response: Response;
    try {
      response = await fetch(API.engine, { headers: this.headers(), signal: AbortSignal.timeout(5000) });
    } catch {
      return undefined;
    }
    return this.check(response).ok ? ((await response.json()) as EngineStatus) : undefined;
  }

  async start(lab: string): Promise<string> {
    const response = this.check(
      await fetch(API.runs, {
        method: 'POST',
        headers: this.headers(true),
        body: JSON.stringify({ lab }),
        signal: AbortSignal.timeout(5000),
      }),
    );
    const body = (await response.json()) as Partial<StartRunReply> & { error?: string };
    if (!response.ok || !body.runnerRunId) throw new Error(body.error ?? `runner answered ${response.status}`);
    return body.runnerRunId;
  }

  async stop(runnerRunId: string): Promise<void> {
    await fetch(API.stopRun(runnerRunId), {
      method: 'POST',
      headers: this.headers(),
      signal: AbortSignal.timeout(5000),
    });
  }

  /** Streams a run's events (Server-Sent Events) until the run ends or `signal` aborts. */
  async follow(runnerRunId: string, onEvent: (streamed: StreamedEvent) => void, signal: AbortSignal): Promise<void> {
    const response = this.check(await fetch(API.runEvents(runnerRunId), { headers: this.headers(), signal }));
    if (!response.ok || !response.body) throw new Error(`runner answered ${response.status}`);
    const messages = response.body.pipeThrough(new TextDecoderStream()).pipeThrough(new EventSourceParserStream());
    // Read to the natural end of the stream (the server closes it right after `end`), so the
    // request completes instead of being cancelled.
    for await (const message of messages as unknown as AsyncIterable<{ event?: string; data: string }>) {
      if (message.event !== 'end') onEvent(JSON.parse(message.data) as StreamedEvent);
    }
  }
}
