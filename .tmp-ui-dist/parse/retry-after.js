import { headerValues, pick } from './header.js';
import { isRealDate } from './timestamp.js';
/**
 * A provider asking for a wait longer than a day is not giving a retry hint we can schedule on
 * (daily caps announce themselves in the body); such values are treated as unknown.
 */
export const MAX_RETRY_AFTER_MS = 86_400_000;
const days = 'Mon|Tue|Wed|Thu|Fri|Sat|Sun';
const longDays = 'Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday';
const monthNames = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const months = monthNames.join('|');
const imfFixdate = new RegExp(`^(?:${days}), (\\d{2}) (${months}) (\\d{4}) (\\d{2}):(\\d{2}):(\\d{2}) GMT$`);
const rfc850 = new RegExp(`^(?:${longDays}), (\\d{2})-(${months})-(\\d{2}) (\\d{2}):(\\d{2}):(\\d{2}) GMT$`);
const asctime = new RegExp(`^(?:${days}) (${months}) ([ \\d]\\d) (\\d{2}):(\\d{2}):(\\d{2}) (\\d{4})$`);
/**
 * The absolute time (epoch ms) a `Retry-After` header allows the next request: delay-seconds
 * (integer or decimal) or an HTTP-date (IMF-fixdate, RFC 850, asctime), per RFC 9110 §10.2.3.
 * A date already past means "now". Undefined for negative, malformed or absurd values (more than a
 * day away). Repeated headers: the latest valid deadline, so no provider request is cut short.
 */
export function parseRetryAfter(value, now) {
    const candidates = headerValues(value).flatMap(text => {
        const single = parseOne(text, now);
        // node:http joins repeated headers with ", "; dates contain a comma, so try the whole value first.
        return single === undefined && text.includes(',') ? text.split(',').map(part => parseOne(part.trim(), now)) : [single];
    });
    return pick(candidates, 'max');
}
function parseOne(text, now) {
    if (/^\d{1,12}(?:\.\d{1,9})?$/.test(text)) {
        const ms = Math.round(Number(text) * 1000);
        return Number.isFinite(ms) && ms <= MAX_RETRY_AFTER_MS ? now + ms : undefined;
    }
    const at = parseHttpDate(text, now);
    if (at === undefined || at - now > MAX_RETRY_AFTER_MS)
        return undefined;
    return Math.max(at, now);
}
/** Epoch ms of an HTTP-date; undefined when malformed or the date does not exist. */
export function parseHttpDate(text, now) {
    let day;
    let month;
    let year;
    let time;
    let match = imfFixdate.exec(text);
    if (match) {
        [day, month, year] = [Number(match[1]), match[2], Number(match[3])];
        time = [Number(match[4]), Number(match[5]), Number(match[6])];
    }
    else if ((match = rfc850.exec(text))) {
        [day, month] = [Number(match[1]), match[2]];
        // RFC 9110: a two-digit year more than 50 years ahead is in the previous century.
        const currentYear = new Date(now).getUTCFullYear();
        year = 2000 + Number(match[3]);
        while (year > currentYear + 50)
            year -= 100;
        time = [Number(match[4]), Number(match[5]), Number(match[6])];
    }
    else if ((match = asctime.exec(text))) {
        [month, day, year] = [match[1], Number(match[2].trim()), Number(match[6])];
        time = [Number(match[3]), Number(match[4]), Number(match[5])];
    }
    else {
        return undefined;
    }
    const monthIndex = monthNames.indexOf(month);
    const [hour, minute, second] = time;
    if (!isRealDate(year, monthIndex + 1, day) || hour > 23 || minute > 59 || second > 60)
        return undefined;
    return Date.UTC(year, monthIndex, day, hour, minute, Math.min(second, 59));
}
