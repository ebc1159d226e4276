/** Tell the monitor. */
export function report(ctx, answer) {
    try {
        ctx.options.onExchange?.(answer.key.name, answer.key.provider, answer.exchange);
    }
    catch {
        // A failing listener must not break the client's request.
    }
}
