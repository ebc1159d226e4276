export const networkTexts = {
    dns: {
        title: 'Host name not found',
        why: "The API host name could not be resolved (DNS). Either this machine's DNS or network is down, or the base URL has a typo.",
        fix: [
            'Check the host name in the base URL of this key.',
            'Check this machine resolves other names (VPN, /etc/resolv.conf, corporate DNS).',
            'If only {provider} fails, check {status}.',
        ],
        clears: 'by_itself',
    },
    refused: {
        title: 'Connection refused',
        why: 'Nothing accepted the connection at that address and port. Usually the base URL points at the wrong host or port, or a local proxy or gateway is not running.',
        fix: ['Check the base URL (host and port) of this key.', 'If it points at a local proxy or gateway, start it.', 'Check a firewall is not rejecting the connection.'],
        clears: 'by_itself',
    },
    reset: {
        title: 'Connection reset',
        why: 'The connection was cut mid-request (reset). A proxy, firewall or the provider edge dropped it; it is usually transient.',
        fix: ['keywatch retries with backoff; if it keeps happening, check proxies and firewalls between you and {provider}.', 'Check {status}.'],
        clears: 'by_itself',
    },
    tls: {
        title: 'TLS certificate problem',
        why: 'The secure connection failed: the certificate was not trusted, expired, or for another host. A corporate proxy that inspects TLS is the usual cause; a wrong system clock is another.',
        fix: [
            'If a corporate proxy inspects TLS, give Node its root certificate with NODE_EXTRA_CA_CERTS=/path/to/ca.pem.',
            'Check the system clock and the host name in the base URL.',
            'Never turn certificate checks off: the key would travel to whoever answered.',
        ],
        clears: 'needs_action',
    },
    timeout: {
        title: 'No answer in time',
        why: 'No answer arrived before the request timeout. Either the network path is slow or broken, or {provider} is slow or hung; nothing came back to tell which.',
        fix: [
            'Check {status} for an incident.',
            'Check this machine reaches other hosts; if a proxy is configured, check it.',
            'If {provider} is only slow, raise the timeout (--timeout).',
        ],
        clears: 'by_itself',
    },
    protocol: {
        title: 'Not a valid HTTP answer',
        why: 'Whatever answered did not speak valid HTTP (a garbled response, a cut-off body, or oversized headers). The base URL may point at something that is not the API, or a proxy mangled the answer.',
        fix: ['Check the base URL of this key points at the API host.', 'Check proxies between you and {provider}.'],
        clears: 'needs_action',
    },
    too_large: {
        title: 'Answer too large',
        why: 'The answer was larger than keywatch reads (1 MiB) for a probe. The base URL likely points at something other than the API (a web page or a file).',
        fix: ['Check the base URL of this key points at the API host and path.'],
        clears: 'needs_action',
    },
    redirect: {
        title: 'Redirected instead of answered',
        why: 'The server answered with a redirect. keywatch does not follow redirects with a key attached. It usually means the base URL is wrong (http instead of https, a missing /v1), or a captive portal is in the way.',
        fix: ['Fix the base URL of this key (use the address the redirect points to, if you trust it).', 'If a captive portal or proxy login is in the way, sign in and press R.'],
        clears: 'needs_action',
    },
    offline: {
        title: 'Offline',
        why: 'This machine has no network connection.',
        fix: ['Reconnect; keywatch probes again on its own once the network is back.'],
        clears: 'by_itself',
    },
    other: {
        title: 'Network error',
        why: 'The request failed before an answer arrived.',
        fix: ['Check the network error below.', 'Check the base URL of this key and {status}.'],
        clears: 'by_itself',
    },
};
