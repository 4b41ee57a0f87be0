import { compact } from '../text/normalise.js';

const YEAR = /(?:19|20)\d{2}年?度?/g;

/** A name without its years, spaces and brackets, for comparing project and fund names. */
export const nameCore = (name: string) =>
  compact(name)
    .replace(YEAR, '')
    .replace(/[（）()〔〕“”"《》]/g, '');

/**
 * The disclosure form a record's title ends with (实施前公示, 竣工验收公告, 资金安排, 计划批复 …): what the post
 * does with the thing, not the thing's name.
 */
const FORM_ENDING =
  /(?:(?:实施前|实施后|开工前|竣工验收|竣工|验收|实施结果|完工后?|实施情况)(?:的)?(?:公示|公告|公开)?|(?:资金)?(?:安排|分配|使用)(?:情况)?(?:的)?(?:公示|公告)?|(?:计划)?批复(?:的)?(?:公示|公告)?|(?:的)?(?:公示|公告|通知))$/;
/** The short shape of the name once the form is gone: too generic to stand for one record. */
const MIN_NAME_CHARS = 6;

/**
 * The name of what a record is about: the document a 印发 notice quotes (关于印发《X》的通知 → X), or the title
 * without its disclosure form (西村通组道路硬化项目竣工验收公告 → 西村通组道路硬化项目); undefined when what is
 * left is too short to name one thing.
 */
export function recordName(title: string): string | undefined {
  const quoted = /《([^》]{4,})》/.exec(title)?.[1];
  let name = nameCore(quoted ?? title);
  for (let ending = FORM_ENDING.exec(name); ending && ending[0].length > 0; ending = FORM_ENDING.exec(name))
    name = name.slice(0, ending.index);
  return name.length >= MIN_NAME_CHARS && name !== nameCore(title) ? name : undefined;
}

const containsRun = (name: string, text: string, length: number) => {
  for (let at = 0; at + length <= name.length; at++)
    if (text.includes(name.slice(at, at + length))) return true;
  return false;
};

/** The longest run of `name` that `text` contains, when it is `min` characters or more; else 0. */
export function sharedRun(name: string, text: string, min: number): number {
  let found = 0;
  for (let length = Math.max(1, min); length <= name.length && containsRun(name, text, length); length++)
    found = length;
  return found;
}

/** A project's phase: before it is carried out (实施前, 开工前, 拟实施) or after (竣工, 验收, 实施后, 资金使用). */
export type Phase = 'before' | 'after';

const BEFORE = /实施前|开工前|拟实施|计划实施/g;
const AFTER = /实施后|竣工|验收|完工|实施完毕|实施结果|已建成|资金使用/g;

const count = (pattern: RegExp, text: string) => text.match(pattern)?.length ?? 0;

/** The phase a text speaks of, when its words say one more than the other. */
export function phaseOf(text: string): Phase | undefined {
  const before = count(BEFORE, text);
  const after = count(AFTER, text);
  return before > after ? 'before' : after > before ? 'after' : undefined;
}

/** The phase of a post: its title's, else its text's. */
export function postPhase(title: string, text: string): Phase | undefined {
  return phaseOf(title) ?? phaseOf(text);
}
