/** A bad flag or argument: reported as one line, exit code 2. */
export class UsageError extends Error {
	override name = 'UsageError';
}

/** Options shared by the live view and `check`. Commander maps --no-spend to `spend: false`. */
export type CommonOptions = {
	demo?: boolean;
	interval?: number;
	headroomInterval?: number;
	timeout?: number;
	spend?: boolean;
	/** Commander maps --no-save-history to `saveHistory: false` (the live view and serve). */
	saveHistory?: boolean;
};
