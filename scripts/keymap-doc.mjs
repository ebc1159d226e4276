// Prints the README's Keyboard table from the built keymap (a test checks the README still matches it):
//   npm run build && node scripts/keymap-doc.mjs
import {keymapMarkdown} from '../dist/ui/keymap.js';

process.stdout.write(`${keymapMarkdown()}\n`);
