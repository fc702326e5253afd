// npm run check -- <id> [answer]: reads the engine's state and says what is right and what is missing.
import { challenges, findChallenge } from '../challenges/index.ts';
import { connectEngine, describeError, WharfError } from '../challenges/kit.ts';
import { printFatal, verdictText } from '../challenges/report.ts';
import { runCheck } from '../challenges/run-check.ts';

const USAGE = 'usage: npm run check -- <id> [answer]';

async function main([id, ...answerWords]: string[]): Promise<number> {
  if (!id || id.startsWith('-'))
    throw new WharfError(`Which challenge? ${USAGE}`, `challenges: ${challenges.map((c) => c.id).join(', ')}`);
  const challenge = findChallenge(id);
  if (!challenge)
    throw new WharfError(`Unknown challenge "${id}".`, `challenges: ${challenges.map((c) => c.id).join(', ')}`);
  const engine = await connectEngine();
  // The attendee's CLI may still point at the endpoint that did not answer: say which engine was read.
  for (const skipped of engine.info.passedOver)
    console.error(`note: ${skipped}; checked ${engine.info.product} at ${engine.info.endpoint.host} instead`);
  const controller = new AbortController();
  process.once('SIGINT', () => controller.abort(new Error('stopped by SIGINT')));
  try {
    const lines = await runCheck(
      challenge,
      engine,
      answerWords.length ? answerWords.join(' ') : undefined,
      controller.signal,
    );
    console.log(verdictText(challenge, lines));
    return lines.every((l) => l.ok) ? 0 : 1;
  } catch (error) {
    const { message, hint } = describeError(error);
    throw new WharfError(
      `The check of ${id} could not finish: ${message}`,
      hint ?? 'Is the engine healthy? Try again, or run npm run doctor.',
      { cause: error },
    );
  }
}

process.exitCode = await main(process.argv.slice(2)).catch((error: unknown) => {
  printFatal(error);
  return error instanceof WharfError && /^(Which|Unknown) challenge/.test(error.message) ? 2 : 1;
});
