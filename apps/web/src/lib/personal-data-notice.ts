// The server's detector, bundled only into the ask page (it is not needed to read a thread).
import { findPersonalData } from '../../../../libs/core/src/privacy/personal-data';

export interface PersonalDataNotice {
  kind: string;
  masked: string;
}

/** Personal data the server will mask when the question is posted (same rules as the server). */
export function personalDataIn(...texts: string[]): PersonalDataNotice[] {
  const out: PersonalDataNotice[] = [];
  for (const text of texts) for (const m of findPersonalData(text)) out.push({ kind: m.kind, masked: m.masked });
  return out;
}
