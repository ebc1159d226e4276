import {defineConfig} from 'vitest/config';

export default defineConfig({
	// Tests run React in production mode (NODE_ENV below), whose jsx-dev-runtime has no jsxDEV: compile
	// .tsx with the production JSX runtime to match, or every Ink component test fails to load.
	oxc: {jsx: {runtime: 'automatic', development: false}},
	test: {
		include: ['test/**/*.test.{ts,tsx}'],
		environment: 'node',
		testTimeout: 20_000,
		hookTimeout: 20_000,
		env: {NODE_ENV: 'production', FORCE_COLOR: '0'},
	},
});
