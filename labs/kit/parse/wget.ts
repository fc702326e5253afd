/** busybox wget inside a container: fetching a page from the engine's side of a published port. */

/**
 * A shell loop that fetches a URL once the server answers (a server just started may not listen
 * yet), for at most about 10 s: the page on stdout, the response headers (`-S`) on stderr.
 */
export const waitForHttp = (url: string, tries = 50) =>
  `i=0; until wget -q -S -O- ${url}; do i=$((i+1)); [ $i -ge ${tries} ] && exit 1; sleep 0.2; done`;

/** The status code of the last response `wget -S` printed (`  HTTP/1.1 200 OK`), if any. */
export function httpStatus(headers: string): number | undefined {
  const codes = [...headers.matchAll(/^\s*HTTP\/[\d.]+ (\d{3})/gm)].map((m) => Number(m[1]));
  return codes.at(-1);
}
