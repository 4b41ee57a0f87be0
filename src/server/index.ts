/** The dashboard and JSON API (Hono, server-rendered JSX). */
export { createApp } from './app.js';
export { hashPassword, passwordProblem, verifyPassword } from './auth/password.js';
export { newSecret, secretSha256 } from './auth/tokens.js';
export type { AppEnv, Scope, ServerActions, ServerDeps, Viewer } from './deps.js';
