/** @type {import('xo').FlatXoConfig} */
const config = [
	{
		ignores: ['dist/**', 'coverage/**'],
	},
	{
		react: true,
		prettier: false,
		rules: {
			// Ink components are named exports in kebab-case files, like Ink itself.
			'react/prop-types': 'off',
			'react/react-in-jsx-scope': 'off',
			'unicorn/prevent-abbreviations': 'off',
			'unicorn/no-process-exit': 'off',
			'n/prefer-global/process': 'off',
			'@typescript-eslint/naming-convention': 'off',
			'no-control-regex': 'off',
			'unicorn/prefer-string-raw': 'off',
			'capitalized-comments': 'off',
		},
	},
];

export default config;
