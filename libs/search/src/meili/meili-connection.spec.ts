import * as path from 'node:path';
import { embeddedDataDir } from './meili-connection';

describe('embeddedDataDir', () => {
  it('gives each database its own embedded Meilisearch data by default', () => {
    expect(embeddedDataDir(undefined, 'mysql://root@127.0.0.1:3306/qa_forum')).toBe(
      path.join('.data', 'meili', 'qa_forum'),
    );
    expect(embeddedDataDir(undefined, 'mysql://u:p@db:3306/qa_forum_demo')).toBe(
      path.join('.data', 'meili', 'qa_forum_demo'),
    );
  });

  it('keeps a folder set explicitly', () => {
    expect(embeddedDataDir('/srv/meili', 'mysql://root@127.0.0.1:3306/qa_forum')).toBe('/srv/meili');
  });
});
