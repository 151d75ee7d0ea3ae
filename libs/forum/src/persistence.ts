// The forum's second public entry, for bulk seeding in bench/ only (npm run bench:api writes
// N threads through these entities' metadata rather than hand-written SQL). Other libs never import
// forum entities (they read through the forum's readers); the lint allows this entry in bench/ alone.
export * from './entities/answer.entity';
export * from './entities/question.entity';
export * from './entities/question-tag.entity';
export * from './entities/tag.entity';
export * from './entities/vote.entity';
export { recountAllTags } from './questions/tag-counts';
