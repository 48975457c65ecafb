/** Shared by the search tests: the real content and the router the bot builds over it (tests/support/real-content.ts). */
export { realContent, realRouter, repoRoot } from '../support/real-content.ts';
