/** The terminal bell: the most portable "look at me" a terminal (and tmux) understands. */
export function createBellSink(stream = process.stderr) {
    return {
        name: 'bell',
        async send() {
            try {
                stream.write('\u0007');
                return { sink: 'bell', ok: true, detail: 'bell rung' };
            }
            catch (error) {
                return { sink: 'bell', ok: false, detail: `could not write the bell: ${error.message}` };
            }
        },
    };
}
