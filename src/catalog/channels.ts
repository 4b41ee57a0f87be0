/**
 * The 13 channels (公开渠道和载体) of the standard catalog, in the table's order. The short name is what
 * registries and catalogs write; `label` is the table's full wording; aliases are other names seen in use.
 */
export const CHANNELS = [
  { name: '政府网站', label: '政府网站', aliases: ['门户网站', '政府门户网站', '网站'] },
  { name: '政府公报', label: '政府公报', aliases: ['公报'] },
  { name: '两微一端', label: '两微一端', aliases: ['政务新媒体', '微信公众号', '微博', '微信'] },
  { name: '发布会/听证会', label: '发布会/听证会', aliases: ['发布会', '听证会'] },
  { name: '广播电视', label: '广播电视', aliases: ['广播', '电视'] },
  { name: '纸质媒体', label: '纸质媒体', aliases: ['报纸', '报刊'] },
  { name: '公开查阅点', label: '公开查阅点', aliases: ['查阅点'] },
  { name: '政务服务中心', label: '政务服务中心', aliases: ['服务中心', '便民服务中心'] },
  { name: '便民服务站', label: '便民服务站', aliases: [] },
  { name: '入户/现场', label: '入户/现场', aliases: ['入户', '现场'] },
  {
    name: '村公示栏',
    label: '社区/企事业单位/村公示栏（电子屏）',
    aliases: [
      '公示栏',
      '村务公开栏',
      '社区公示栏',
      '电子屏',
      '社区/企事业单位/村公示栏',
      '社区/企事业单位/村公示栏（电子屏）',
    ],
  },
  { name: '精准推送', label: '精准推送', aliases: [] },
  { name: '其他', label: '其他', aliases: [] },
] as const;

export type ChannelName = (typeof CHANNELS)[number]['name'];

export const CHANNEL_NAMES = CHANNELS.map((c) => c.name) as [ChannelName, ...ChannelName[]];

const byAnyName = new Map<string, ChannelName>(
  CHANNELS.flatMap((c) => [c.name, c.label, ...c.aliases].map((n) => [n, c.name] as const)),
);

/** The channel a name or alias refers to, or undefined when it is none of the 13. */
export function resolveChannel(name: string): ChannelName | undefined {
  return byAnyName.get(name.trim());
}
