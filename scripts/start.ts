// npm start: the presenter's deck on http://127.0.0.1:<WHARF_PORT or 4173>.
import { createServer } from 'vite';

const server = await createServer({ configFile: new URL('../vite.config.ts', import.meta.url).pathname });
await server.listen();
server.printUrls();
