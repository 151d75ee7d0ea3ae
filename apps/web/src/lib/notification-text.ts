import type { TFunction } from 'i18next';

interface NotificationLike {
  kind: string;
  actor?: { displayName: string; officialLabel?: string | null } | null;
  question?: { title: string } | null;
}

/** One line describing a notification, e.g. “支付宝官方客服 给出了官方回答：…”. */
export function notificationText(n: NotificationLike, t: TFunction): string {
  const actor = n.actor ? (n.actor.officialLabel ?? n.actor.displayName) : t('notifications.someone');
  const title = n.question ? `「${n.question.title}」` : '';
  return t(`notifications.${n.kind}`, { actor, title });
}
