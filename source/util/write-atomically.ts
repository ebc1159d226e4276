import {closeSync, constants, fsyncSync, mkdirSync, openSync, realpathSync, renameSync, rmSync, writeSync} from 'node:fs';
import path from 'node:path';

/**
 * Replace `file` with `text` so that a reader sees the old file or the new one, never half of either, and a
 * failed write (disk full, a file-size limit) leaves the old file whole and no temporary file behind. Every byte is
 * checked written: a write that stops short (as one does when the disk fills) throws on the next call rather than
 * being renamed into place. Only its owner can read it (0600 unless `mode` says otherwise).
 */
export function writeAtomically(target: string, text: string, mode = 0o600): void {
	// A config kept elsewhere and linked in (a dotfiles repo) is updated where it lives; the link stays a link.
	let file = target;
	try {
		file = realpathSync(target);
	} catch {}
	const dir = path.dirname(file);
	mkdirSync(dir, {recursive: true, mode: 0o700});
	const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${Math.random().toString(36).slice(2, 10)}.tmp`);
	try {
		const fd = openSync(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, mode);
		try {
			const data = Buffer.from(text);
			let written = 0;
			while (written < data.length) written += writeSync(fd, data, written, data.length - written);
			fsyncSync(fd);
		} finally {
			closeSync(fd);
		}
		renameSync(temp, file);
	} catch (error) {
		rmSync(temp, {force: true});
		throw error;
	}
}
