import { Role } from '@app/accounts';

// Shapes of the demo content; the content itself is in threads-*.ts and demo-data.ts.

export type DemoHandle =
  | 'alipay_support'
  | 'security_center'
  | 'mod_lin'
  | 'demo_admin'
  | 'xiaowang'
  | 'chenjie_hz'
  | 'laozhou'
  | 'ahua_helper'
  | 'lina_gz'
  | 'mia_sh'
  | 'tom_bj';

export interface DemoUser {
  handle: DemoHandle;
  displayName: string;
  role: Role;
  /** Label of the official badge; set only on accounts the seeder creates itself. */
  officialLabel?: string;
}

export interface DemoAnswer {
  by: DemoHandle;
  /** Markdown. */
  body: string;
  /** The asker accepts this answer. */
  accepted?: boolean;
  /** An official account or a moderator endorses this answer as official. */
  endorsedBy?: DemoHandle;
  up?: DemoHandle[];
  down?: DemoHandle[];
}

export interface DemoThread {
  /** Stable key, used to point a duplicate at its canonical thread. */
  key: string;
  by: DemoHandle;
  title: string;
  /** Markdown. */
  body: string;
  tags: string[];
  /** Template category (categories.key): account, transaction or security. */
  category?: string;
  answers: DemoAnswer[];
  up?: DemoHandle[];
  down?: DemoHandle[];
  /** Closed as a duplicate of the thread with this key, by this user. */
  duplicateOf?: { key: string; closedBy: DemoHandle };
}
