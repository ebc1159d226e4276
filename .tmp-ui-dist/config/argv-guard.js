// A key passed as an argument lands in shell history and in `ps` output for every local user.
const keyShapes = [/^sk-[A-Za-z0-9_-]{16,}$/, /^sk-ant-/, /^AIza[0-9A-Za-z_-]{30,}$/, /^gsk_[A-Za-z0-9]{20,}$/, /^xai-[A-Za-z0-9_-]{20,}$/];
/** Index of the first argument that looks like an API key (or `--key=sk-…`), if any. */
export function looksLikeKeyArgument(argv) {
    const index = argv.findIndex(arg => {
        const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : arg;
        return keyShapes.some(shape => shape.test(value));
    });
    return index === -1 ? undefined : index;
}
