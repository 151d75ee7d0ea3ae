import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PersonalDataKind, maskPersonalData } from '@app/core';

registerEnumType(PersonalDataKind, { name: 'PersonalDataKind' });

@ObjectType({ description: 'Personal data that was masked before the text was stored' })
export class MaskedPersonalData {
  @Field(() => PersonalDataKind)
  kind: PersonalDataKind;

  @Field({ description: 'title or body' })
  field: string;

  @Field({ description: 'The masked form now in the text, e.g. 138****5678' })
  masked: string;
}

/** Masks one field and records what was masked (the original is never kept). */
export function maskField(field: string, text: string, into: MaskedPersonalData[]): string {
  const result = maskPersonalData(text);
  for (const m of result.matches) into.push({ kind: m.kind, field, masked: m.masked });
  return result.text;
}
