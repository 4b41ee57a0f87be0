import type { Household } from './model.js';
import type { Rng } from './random.js';

const SURNAMES = [
  ...'王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石贾夏付方白孟秦江尹薛闫段雷侯史陶贺毛郝邵常武牛樊葛邢安齐乔庞聂鲁岳翟申耿焦柳宁尚梅毕裴霍苗谷曲路辛靳柴屈解时卫师',
];
const GIVEN = [
  ...'国建明红军华平文志英秀玉海林春荣桂芳兰梅丽霞燕静强勇刚伟军磊洋超鹏辉涛斌杰浩宇凤云霞金银宝成德福顺喜来旺根发全有才义忠良新民书豪亮峰坤娟丹萍敏',
];
// Districts of 三门峡 (411202 湖滨区 … 411282 灵宝市): realistic area codes for a synthetic list.
const AREA_CODES = ['411202', '411203', '411221', '411224', '411281', '411282'];
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** A person's name: surname and one or two given characters. */
export function personName(rng: Rng): string {
  const given = rng.chance(0.75) ? rng.pick(GIVEN) + rng.pick(GIVEN) : rng.pick(GIVEN);
  return rng.pick(SURNAMES) + given;
}

/** An 18-digit resident ID number with a valid GB 11643 check digit. */
export function idNumber(rng: Rng, birthYear: number): string {
  const month = String(rng.int(1, 12)).padStart(2, '0');
  const day = String(rng.int(1, 28)).padStart(2, '0');
  const body = `${rng.pick(AREA_CODES)}${birthYear}${month}${day}${String(rng.int(1, 999)).padStart(3, '0')}`;
  const sum = [...body].reduce((acc, digit, i) => acc + Number(digit) * (ID_WEIGHTS[i] as number), 0);
  return body + ID_CHECK[sum % 11];
}

/** A 19-digit bank card number (农业银行 / 邮储 / 农信 prefixes) passing the Luhn check. */
export function bankCard(rng: Rng): string {
  let digits = rng.pick(['622848', '621799', '623059', '622991']);
  while (digits.length < 18) digits += String(rng.int(0, 9));
  return digits + luhnDigit(digits);
}

function luhnDigit(partial: string): number {
  let sum = 0;
  for (let i = partial.length - 1, double = true; i >= 0; i -= 1, double = !double) {
    let d = Number(partial[i]);
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

/** A mainland mobile number. */
export function mobile(rng: Rng): string {
  return `1${rng.pick(['3', '5', '8', '7'])}${rng.int(0, 9)}${String(rng.int(0, 99_999_999)).padStart(8, '0')}`;
}

/** Masks the middle of an ID, card or phone number the way careful notices do. */
export function mask(value: string, style: 'stars' | 'short' = 'stars'): string {
  if (value.length === 11) return `${value.slice(0, 3)}****${value.slice(7)}`;
  if (style === 'short') return `${value.slice(0, 6)}****${value.slice(-4)}`;
  return `${value.slice(0, 4)}${'*'.repeat(value.length - 8)}${value.slice(-4)}`;
}

const REASONS = ['因病', '因残', '缺技术', '缺劳力', '缺资金', '因学', '自身发展动力不足'];

/** A household of a village, with every number a real list might carry. */
export function household(rng: Rng, village: string): Household {
  return {
    name: personName(rng),
    idNumber: idNumber(rng, rng.int(1942, 1990)),
    members: rng.int(1, 6),
    village,
    reason: rng.pick(REASONS),
    phone: mobile(rng),
    bankCard: bankCard(rng),
    income: rng.int(2800, 9800),
  };
}
