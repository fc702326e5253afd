// npm start: the built deck (rebuilt first when its sources changed) and the lab runner, on
// http://127.0.0.1:<WHARF_PORT or 4173> only. No dev server on stage.
import { serve } from './serve.ts';

await serve('stage');
