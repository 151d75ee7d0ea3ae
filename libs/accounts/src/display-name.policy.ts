import { AppConfig, AppError } from '@app/core';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { UserEntity } from './entities/user.entity';

/**
 * Words a member's display name may not contain, so that nobody can pass for the company's staff
 * (官方客服, 支付宝, Alipay support …). RESERVED_DISPLAY_NAMES replaces this list; the labels of the
 * official badges in use are always added.
 */
export const DEFAULT_RESERVED_DISPLAY_NAMES: readonly string[] = [
  '官方',
  '客服',
  '官服',
  '客户服务',
  '支付宝',
  '支付寶',
  '蚂蚁金服',
  '螞蟻金服',
  'alipay',
  'zhifubao',
  'official',
  'support',
  'customer service',
  'helpdesk',
];

// Latin look-alikes from other scripts (Cyrillic, Greek, …) and digits/symbols used as letters:
// the character at position n of the first string reads as the one at position n of the second.
const LOOKALIKE_FROM = 'авеёкмнорстухіїјѕԁԛԝһӏɑɡɩıοαρινκτυχε013457@$|!';
const LOOKALIKE_TO = 'abeekmhopctyxiijsdqwhlagiioapivktuxeoleastasli';
const LOOKALIKES = new Map([...LOOKALIKE_FROM].map((ch, i) => [ch, LOOKALIKE_TO[i]]));

/**
 * A comparison key of a name: NFKC (full-width and compatibility forms), accents dropped, lower case,
 * look-alike letters folded, and everything that is not a letter or digit removed (spaces,
 * zero-width and format characters, punctuation such as 官·方 or o.f.f.i.c.i.a.l). `i` and `l`
 * fold together (1/l/I/i all look alike).
 */
export function nameSkeleton(text: string): string {
  const folded = text
    .normalize('NFKC')
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
  let out = '';
  for (const ch of folded) {
    const mapped = LOOKALIKES.get(ch) ?? ch;
    if (/[\p{L}\p{N}]/u.test(mapped)) out += mapped === 'i' ? 'l' : mapped;
  }
  return out.normalize('NFKC');
}

/** The reserved word a display name imitates, or null. */
export function imitatedWord(displayName: string, reserved: readonly string[]): string | null {
  const name = nameSkeleton(displayName);
  for (const word of reserved) {
    const key = nameSkeleton(word);
    if (key.length > 0 && name.includes(key)) return word;
  }
  return null;
}

export function parseReservedList(value: string | undefined): readonly string[] {
  if (value === undefined) return DEFAULT_RESERVED_DISPLAY_NAMES;
  return value
    .split(',')
    .map((w) => w.trim())
    .filter((w) => w.length > 0);
}

/** Refuses display names that imitate official accounts, except for official accounts themselves. */
@Injectable()
export class DisplayNamePolicy {
  private readonly reserved: readonly string[];

  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    config: AppConfig,
  ) {
    this.reserved = parseReservedList(config.get('RESERVED_DISPLAY_NAMES'));
  }

  /** The reserved word (or badge label in use) the name imitates, or null. */
  async imitated(displayName: string): Promise<string | null> {
    const labels = await this.users
      .createQueryBuilder('u')
      .select('DISTINCT u.official_label', 'label')
      .where('u.official_label IS NOT NULL')
      .getRawMany<{ label: string }>();
    return imitatedWord(displayName, [...this.reserved, ...labels.map((r) => r.label)]);
  }

  async assertAllowed(displayName: string, owner: { isOfficial: boolean }): Promise<void> {
    if (owner.isOfficial) return;
    const word = await this.imitated(displayName);
    if (word !== null) {
      throw AppError.badInput(
        `displayName may not contain "${word}" or look like it: that is reserved for official accounts`,
        'displayName',
      );
    }
  }
}
