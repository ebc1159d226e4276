/** Send one alert through every sink at once; one result per sink, never a rejection. */
export async function dispatch(alert, sinks) {
    return Promise.all(sinks.map(async (sink) => {
        try {
            return await sink.send(alert);
        }
        catch (error) {
            return { sink: sink.name, ok: false, detail: `failed: ${error.message}` };
        }
    }));
}
export function testAlert(at = Date.now()) {
    return {
        at,
        provider: 'keywatch',
        keys: [],
        text: 'keywatch: test alert from `keywatch alert test`. If you can read this, this sink works.',
        test: true,
    };
}
/** `keywatch alert test`: a test alert through every configured sink, each sink's answer reported. */
export async function sendTest(sinks) {
    return dispatch(testAlert(), sinks);
}
