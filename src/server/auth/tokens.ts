import { createHash, randomBytes } from 'node:crypto';

/** A new secret for a session cookie or an API token (256 bits, URL-safe). */
export const newSecret = (): string => randomBytes(32).toString('base64url');

/** What the store keeps of a secret: its sha256 (hex). */
export const secretSha256 = (secret: string): string => createHash('sha256').update(secret).digest('hex');
