import cron from 'node-cron';
import { z } from 'zod';
import { BodyLevelSchema, BodyRoleSchema, ChannelSchema } from '../catalog/index.js';

const ID = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'id 只能用字母、数字和 . _ -，且以字母或数字开头');

const HttpUrlSchema = z.string().superRefine((value, ctx) => {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    ctx.addIssue({ code: 'custom', message: `网址格式错误：“${value}”` });
    return;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    ctx.addIssue({ code: 'custom', message: `只支持 http 和 https 网址，不支持“${url.protocol}”` });
  }
});

const CronSchema = z.string().refine((expr) => cron.validate(expr), {
  error: (issue) => `定时表达式“${String(issue.input)}”无效，应为 cron 格式，例如 "0 6 * * *"（每天 6 点）`,
});

const RegexSchema = z.string().refine(
  (pattern) => {
    try {
      new RegExp(pattern);
      return true;
    } catch {
      return false;
    }
  },
  { error: (issue) => `正则表达式“${String(issue.input)}”无效` },
);

/** The registry's keys for a body; other keys are allowed and kept. */
export const BODY_KEYS = ['id', 'name', 'level', 'parent', 'aliases', 'role'] as const;

export const RegistryBodySchema = z
  .object({
    id: ID,
    name: z.string().trim().min(1),
    level: BodyLevelSchema,
    parent: ID.optional(),
    aliases: z.array(z.string().trim().min(1)).default([]),
    role: BodyRoleSchema.optional(),
  })
  .loose();

/** The registry's keys for a source; other keys are allowed and kept. */
export const SOURCE_KEYS = [
  'id',
  'body',
  'kind',
  'channel',
  'start',
  'scope',
  'render',
  'schedule',
  'concurrency',
  'delayMs',
  'allowPrivate',
  'listSelector',
  'linkSelector',
  'nextSelector',
  'articlePattern',
] as const;

export const RegistrySourceSchema = z
  .object({
    id: ID,
    body: ID,
    kind: z.enum(['website', 'feed', 'offline']),
    channel: ChannelSchema,
    start: z.array(HttpUrlSchema).optional(),
    scope: z.array(HttpUrlSchema).optional(),
    render: z.enum(['static', 'browser']).default('static'),
    schedule: CronSchema.optional(),
    concurrency: z.number().int().min(1).max(16).default(1),
    delayMs: z.number().int().min(0).max(600_000).default(2000),
    allowPrivate: z.boolean().default(false),
    listSelector: z.string().min(1).optional(),
    linkSelector: z.string().min(1).optional(),
    nextSelector: z.string().min(1).optional(),
    articlePattern: RegexSchema.optional(),
  })
  .loose()
  .superRefine((source, ctx) => {
    if (source.kind === 'offline') {
      if (source.start?.length) {
        ctx.addIssue({
          code: 'custom',
          path: ['start'],
          message: '线下渠道（offline）没有网址，证据由人工录入',
        });
      }
    } else if (!source.start?.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['start'],
        message: `${source.kind} 来源须至少有一个起始网址（start）`,
      });
    }
  });

const TimezoneSchema = z.string().refine(
  (tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  },
  { error: (issue) => `时区“${String(issue.input)}”无效，例如 Asia/Shanghai` },
);

/** registry.yaml: the district's bodies and where each publishes (DESIGN.md's contract). */
export const RegistrySchema = z
  .object({
    district: z.string().trim().min(1),
    timezone: TimezoneSchema.default('Asia/Shanghai'),
    bodies: z.array(RegistryBodySchema).min(1, '至少要有一个公开主体'),
    sources: z.array(RegistrySourceSchema).default([]),
  })
  .loose();
export type Registry = z.output<typeof RegistrySchema>;
export type RegistryBody = z.output<typeof RegistryBodySchema>;
export type RegistrySource = z.output<typeof RegistrySourceSchema>;
