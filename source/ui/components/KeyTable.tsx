import type {Incident, KeyState, ProviderId} from '../../types.js';
import {useTheme} from '../hooks/use-theme.js';
import {keyColumns} from '../key-columns.js';
import type {ProxyControl} from '../proxy-view.js';
import {Table} from './Table.js';

type Props = {
	keys: readonly KeyState[];
	selectedIndex: number;
	scroll: number;
	width: number;
	height: number;
	now: number;
	intervalMs: number;
	compact?: boolean;
	proxy?: ProxyControl;
	incidents?: Partial<Record<ProviderId, Incident[]>>;
	/** Shown when there are no rows. */
	empty: string;
};

const rowKey = (key: KeyState) => key.id;

export function KeyTable({keys, selectedIndex, scroll, width, height, now, intervalMs, compact, proxy, incidents, empty}: Props) {
	const theme = useTheme();
	const columns = keyColumns({now, intervalMs, theme, compact, proxy, incidents, keys});
	return (
		<Table
			columns={columns}
			rows={keys}
			rowKey={rowKey}
			width={width}
			height={height}
			selectedIndex={selectedIndex}
			scroll={scroll}
			empty={empty}
		/>
	);
}
