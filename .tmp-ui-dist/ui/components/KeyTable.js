import { jsx as _jsx } from "react/jsx-runtime";
import { useTheme } from '../hooks/use-theme.js';
import { keyColumns } from '../key-columns.js';
import { Table } from './Table.js';
const rowKey = (key) => key.id;
export function KeyTable({ keys, selectedIndex, scroll, width, height, now, intervalMs, compact, empty }) {
    const theme = useTheme();
    const columns = keyColumns({ now, intervalMs, theme, compact });
    return (_jsx(Table, { columns: columns, rows: keys, rowKey: rowKey, width: width, height: height, selectedIndex: selectedIndex, scroll: scroll, empty: empty }));
}
