// npm run dev: authoring with hot reload, behind the same guards as npm start. Not for the stage.
import { serve } from './serve.ts';

await serve('dev');
