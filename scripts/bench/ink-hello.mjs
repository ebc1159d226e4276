// The floor for an Ink app: React 19 + Ink render one line in production mode, plain ESM imports, and stay
// mounted until the benchmark kills the pane. Static imports would load React before NODE_ENV is set.
process.env.NODE_ENV = 'production';
const React = await import('react');
const {render, Text} = await import('ink');
render(React.createElement(Text, null, 'hello from ink'));
setInterval(() => {}, 60_000);
