// The Word report, loaded only when one is asked for: docx and resvg (a
// native module) are about a fifth of what the server and the command line
// load at start, and most starts never write a Word document.
import type { Report } from '../schema.js';

export async function renderWord(report: Report): Promise<Buffer> {
  return (await import('./docx.js')).renderDocx(report);
}
