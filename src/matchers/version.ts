/** The matchers' behaviour version: stored with every match, bumped whenever a matcher's output can change. */
export const MATCHER_VERSION = '1.5.1';
