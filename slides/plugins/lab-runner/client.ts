import { EventSourceParserStream } from 'eventsource-parser/stream';
import type { EngineStatus, StreamedEvent } from './types.ts';

/**
 * The deck's side of the runner API. The token exists only in a deck served by `npm start`; a
 * static build has none, and then there is no client at all (the slides show recordings).
 */
export class RunnerClient {
  private constructor(private readonly token: string) {}

  static fromPage(): RunnerClient | undefined {
    const token = document.querySelector<HTMLMetaElement>('meta[name="wharf-runner-token"]')?.content;
    return token ? new RunnerClient(token) : undefined;
  }

  private headers(json = false): HeadersInit {
    return { 'x-wharf-token': this.token, ...(json ? { 'content-type': 'application/json' } : {}) };
  }

  /**
   * Whether the engine answers, as the runner sees it; undefined when the runner itself does not
   * answer (the presenter may have stopped it).
   */
  async engineStatus(): Promise<EngineStatus | undefined> {
    try {
      const response = await fetch('/api/engine', { headers: this.headers(), signal: AbortSignal.timeout(5000) });
      return response.ok ? ((await response.json()) as EngineStatus) : undefined;
    } catch {
      return undefined;
    }
  }

  async start(lab: string): Promise<string> {
    const response = await fetch('/api/runs', { method: 'POST', headers: this.headers(true), body: JSON.stringify({ lab }), signal: AbortSignal.timeout(5000) });
    const body = (await response.json()) as { runId?: string; error?: string };
    if (!response.ok || !body.runId) throw new Error(body.error ?? `runner answered ${response.status}`);
    return body.runId;
  }

  async stop(runId: string): Promise<void> {
    await fetch(`/api/runs/${runId}/stop`, { method: 'POST', headers: this.headers(), signal: AbortSignal.timeout(5000) });
  }

  /** Streams a run's events (Server-Sent Events) until the run ends or `signal` aborts. */
  async follow(runId: string, onEvent: (streamed: StreamedEvent) => void, signal: AbortSignal): Promise<void> {
    const response = await fetch(`/api/runs/${runId}/events`, { headers: this.headers(), signal });
    if (!response.ok || !response.body) throw new Error(`runner answered ${response.status}`);
    const messages = response.body.pipeThrough(new TextDecoderStream()).pipeThrough(new EventSourceParserStream());
    // Read to the natural end of the stream (the server closes it right after `end`), so the
    // request completes instead of being cancelled.
    for await (const message of messages as unknown as AsyncIterable<{ event?: string; data: string }>) {
      if (message.event !== 'end') onEvent(JSON.parse(message.data) as StreamedEvent);
    }
  }
}
