import { dispatch } from './dispatch.js';
import { createAlertEngine } from './engine.js';
import { sinksFromConfig } from './sinks/from-config.js';
/** Watches a monitor, turns its changes into alerts and sends them through the sinks. */
export function createAlerter(monitor, config, sinks, options = {}) {
    const targets = sinks ?? sinksFromConfig(config);
    const engine = createAlertEngine({
        cooldownMs: config.cooldownMinutes === undefined ? undefined : config.cooldownMinutes * 60_000,
        hysteresis: config.hysteresis,
        ...options,
    });
    const listeners = new Set();
    const inFlight = new Set();
    let lastAlert;
    let lastResults = [];
    let timer;
    let stopped = false;
    function send(alerts) {
        for (const alert of alerts) {
            lastAlert = alert;
            const delivery = dispatch(alert, targets).then(results => {
                lastResults = results;
                for (const listener of listeners)
                    listener(alert, results);
            });
            inFlight.add(delivery);
            void delivery.finally(() => inFlight.delete(delivery));
        }
    }
    // Grouped changes wait a few seconds for their siblings; a timer makes sure they go out without another update.
    function schedule() {
        if (timer)
            clearTimeout(timer);
        timer = undefined;
        const due = engine.nextDueAt();
        if (due === undefined || stopped)
            return;
        timer = setTimeout(() => {
            timer = undefined;
            send(engine.flush());
            schedule();
        }, Math.max(0, due - (options.now ?? Date.now)()));
        timer.unref();
    }
    function onChange() {
        if (stopped)
            return;
        send(engine.update(monitor.getSnapshot()));
        schedule();
    }
    const unsubscribe = monitor.subscribe(onChange);
    onChange();
    return {
        getLastAlertAt: () => lastAlert?.at,
        getLastAlert: () => lastAlert,
        getLastResults: () => lastResults,
        subscribe(listener) {
            listeners.add(listener);
            return () => listeners.delete(listener);
        },
        async stop() {
            stopped = true;
            unsubscribe();
            if (timer)
                clearTimeout(timer);
            await Promise.all([...inFlight]);
        },
    };
}
