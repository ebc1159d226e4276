import { jsx as _jsx } from "react/jsx-runtime";
import { footerItems } from '../keymap.js';
import { useTheme } from '../hooks/use-theme.js';
import { fitLine, lineWidth } from '../text.js';
import { TextLine } from './TextLine.js';
// Help and quit survive any width: with those two a user can find everything else.
const essential = new Set(['help.toggle', 'app.quit', 'filter.apply', 'filter.clear']);
function itemSegments(item, paused, theme) {
    const label = item.id === 'poll.toggle' && paused ? 'resume' : item.label;
    return [{ text: item.keys, style: theme.text.accent }, { text: ` ${label}`, style: theme.text.dim }];
}
/** The footer, generated from the keymap for the current scope and cut to fit. */
export function footerLine({ scope, width, filterActive, paused = false, position }, theme) {
    const right = position ? [{ text: position, style: theme.text.dim }] : [];
    const room = width - (position ? lineWidth(right) + 2 : 0);
    let items = footerItems(scope, { filterActive });
    const build = () => items.flatMap((item, index) => [...(index > 0 ? [{ text: '  ' }] : []), ...itemSegments(item, paused, theme)]);
    while (lineWidth(build()) > room) {
        const droppable = items.filter(item => !essential.has(item.id)).at(-1);
        if (!droppable)
            break;
        items = items.filter(item => item !== droppable);
    }
    const left = build();
    if (right.length === 0 || room <= 0)
        return fitLine(left, width);
    return [...fitLine(left, room), { text: '  ' }, ...right];
}
export function Footer(props) {
    const theme = useTheme();
    return _jsx(TextLine, { line: footerLine(props, theme) });
}
