// A key passed as an argument lands in shell history and in `ps` output for every local user.
// Looked for anywhere in an argument: `--command "echo sk-…"` would put the key in the config and in `ps` too.
const keyShapes = [/\bsk-[A-Za-z0-9_-]{16,}/, /\bsk-ant-[A-Za-z0-9_-]{8,}/, /\bAIza[0-9A-Za-z_-]{30,}/, /\bgsk_[A-Za-z0-9]{20,}/, /\bxai-[A-Za-z0-9_-]{20,}/];

/** Index of the first argument that looks like an API key (or `--key=sk-…`), if any. */
export function looksLikeKeyArgument(argv: readonly string[]): number | undefined {
	const index = argv.findIndex(arg => {
		const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : arg;
		return keyShapes.some(shape => shape.test(value));
	});
	return index === -1 ? undefined : index;
}
