// Prints docs/keyboard.md from the built keymap, so the docs say what the keys do:
//   npm run build && node scripts/keymap-doc.mjs > docs/keyboard.md
import {keymapMarkdown} from '../dist/ui/keymap.js';

const intro = `# Keyboard

Generated from the keymap (\`source/ui/keymap.ts\`) by \`node scripts/keymap-doc.mjs\`; the footer and the \`?\`
overlay are generated from the same table. The footer lists the main keys for where you are (the table, the
detail pane, the filter line, the help overlay); \`a\` and \`b\` appear there only while a proxy runs
(\`settings.proxy.enabled\` in the config). Without one they say how to turn it on.
`;

process.stdout.write(`${intro}\n${keymapMarkdown()}\n`);
