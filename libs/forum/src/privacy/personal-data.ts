// The detector lives in libs/core (accounts, below forum, masks display names with it).
export {
  PersonalDataKind,
  type PersonalDataMatch,
  type MaskResult,
  findPersonalData,
  maskPersonalData,
  containsPersonalData,
  maskPersonalText,
  isResidentId,
  luhnValid,
} from '@app/core';
