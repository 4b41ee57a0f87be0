import type { Command } from 'commander';
import {
  describeDueRuleZh,
  dueDate,
  findItem,
  formatDueRule,
  itemDueRules,
  parseIsoDate,
  START_EVENT_ZH,
  weekdayNameZh,
} from '../catalog/index.js';
import { type CliContext, UsageError } from './context.js';

interface DeadlineOptions {
  item: string;
  formed: string;
  published?: string;
  row?: string;
  json?: boolean;
}

/** `gongkai deadline --item ID --formed DATE [--published DATE] [--json]`: the due date under the catalog rule. */
export function registerDeadlineCommand(program: Command, context: (cmd: Command) => CliContext): void {
  program
    .command('deadline')
    .description('按标准目录的时限规则计算公开截止日期（按工作日，含调休）')
    .requiredOption('--item <id>', '事项 id、序号或名称，例如 funds.allocation、6')
    .requiredOption('--formed <date>', '起算日期 YYYY-MM-DD（信息形成、下达或收到之日）')
    .option('--published <date>', '实际公开日期，给出时判断是否按时')
    .option('--row <id>', '事项有多行且时限不同时，指定行号')
    .option('--json', '以 JSON 输出')
    .action((opts: DeadlineOptions, cmd: Command) => {
      const ctx = context(cmd);
      const formed = parseIsoDate(opts.formed);
      const published = opts.published === undefined ? undefined : parseIsoDate(opts.published);
      const { catalog } = ctx.loadCatalog();
      const item = findItem(catalog, opts.item);
      if (!item) {
        throw new UsageError(
          `未知的事项“${opts.item}”。可用的事项：\n${catalog.items.map((i) => `  ${i.id}（${i.no}. ${i.name}）`).join('\n')}`,
        );
      }
      const row = opts.row === undefined ? undefined : item.rows.find((r) => r.id === opts.row);
      if (opts.row !== undefined && !row)
        throw new UsageError(
          `事项 ${item.id} 没有行“${opts.row}”（有：${item.rows.map((r) => r.id).join('、')}）`,
        );
      const rules = row ? [row.time.due] : itemDueRules(item);
      if (rules.length > 1) {
        throw new UsageError(
          `事项 ${item.id} 各行时限不同，请用 --row 指定：${item.rows.map((r) => `${r.id}（${r.time.text}）`).join('、')}`,
        );
      }
      const rule = rules[0] as (typeof rules)[number];
      const calendar = ctx.loadCalendar();
      const due = dueDate(rule, formed, calendar);
      const result = {
        item: item.id,
        formed,
        due,
        rule: formatDueRule(rule),
        ruleText: (row ?? item.rows[0])?.time.text,
        ...(published === undefined
          ? {}
          : {
              published,
              onTime: published <= due,
              workdaysLate: published <= due ? 0 : calendar.workingDaysBetween(due, published),
            }),
        catalog: catalog.id,
        calendar: calendar.source,
      };
      if (opts.json) {
        ctx.json(result);
        return;
      }
      const event = rule.kind === 'workdays' ? START_EVENT_ZH[rule.from] : '起算';
      ctx.print(`${item.no}. ${item.name}（${item.id}）`);
      ctx.print(`时限：${result.ruleText}（${describeDueRuleZh(rule)}）`);
      ctx.print(`${event}日期：${formed}（${weekdayNameZh(formed)}）`);
      ctx.print(`截止日期：${due}（${weekdayNameZh(due)}）`);
      if (result.published !== undefined) {
        ctx.print(
          result.onTime
            ? `公开日期 ${result.published}：按时公开`
            : `公开日期 ${result.published}：逾期 ${result.workdaysLate} 个工作日`,
        );
      }
    });
}
