import { scanDocuments } from './similarity-stats';

interface Doc {
  id: string;
}

/** An index whose documents are numbered by position, as Meilisearch's documents endpoint pages them. */
function index(n: number): Doc[] {
  return Array.from({ length: n }, (_, i) => ({ id: String(i + 1) }));
}

async function scan(
  docs: Doc[],
  page: number,
  overlap: number,
  between?: (call: number) => void,
): Promise<string[]> {
  const visited: string[] = [];
  let call = 0;
  await scanDocuments<Doc>(
    async (offset, limit) => {
      between?.(call++);
      return docs.slice(offset, offset + limit);
    },
    (docs) => {
      visited.push(...docs.map((d) => d.id));
    },
    page,
    overlap,
  );
  return visited;
}

describe('scanDocuments (the statistics rebuild reads the whole index by offset)', () => {
  it('reads every document exactly once when nothing changes', async () => {
    const docs = index(1003);
    const visited = await scan(docs, 100, 10);
    expect(visited).toHaveLength(1003);
    expect(new Set(visited).size).toBe(1003);
  });

  it('skips nothing when documents before the offset are deleted between two page reads', async () => {
    const docs = index(1000);
    const deleted = new Set<string>();
    // Before each read after the first, delete 3 documents that were already read (positions 0..2).
    const visited = await scan(docs, 100, 10, (call) => {
      if (call === 0) return;
      for (const d of docs.splice(0, 3)) deleted.add(d.id);
    });
    const missing = index(1000)
      .map((d) => d.id)
      .filter((id) => !deleted.has(id) && !visited.includes(id));
    expect(missing).toEqual([]);
    expect(new Set(visited).size).toBe(visited.length);
  });

  it('skips nothing when more documents are deleted between two reads than the pages overlap', async () => {
    const docs = index(1000);
    const deleted = new Set<string>();
    const visited = await scan(docs, 100, 10, (call) => {
      if (call === 2 || call === 5) for (const d of docs.splice(0, 40)) deleted.add(d.id);
    });
    const missing = index(1000)
      .map((d) => d.id)
      .filter((id) => !deleted.has(id) && !visited.includes(id));
    expect(missing).toEqual([]);
  });

  it('skips nothing when the deletions leave the next page empty', async () => {
    const docs = index(200);
    const deleted = new Set<string>();
    const visited = await scan(docs, 100, 10, (call) => {
      if (call === 1) for (const d of docs.splice(0, 150)) deleted.add(d.id);
    });
    const missing = index(200)
      .map((d) => d.id)
      .filter((id) => !deleted.has(id) && !visited.includes(id));
    expect(missing).toEqual([]);
  });

  it('a plain offset scan would have skipped documents in the same situation (the case is real)', async () => {
    const docs = index(1000);
    const visited: string[] = [];
    for (let offset = 0, call = 0; ; offset += 100, call++) {
      if (call > 0) docs.splice(0, 3);
      const page = docs.slice(offset, offset + 100);
      visited.push(...page.map((d) => d.id));
      if (page.length < 100) break;
    }
    const survivors = docs.map((d) => d.id);
    expect(survivors.filter((id) => !visited.includes(id)).length).toBeGreaterThan(0);
  });
});
