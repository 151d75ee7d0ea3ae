import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { LinkGroup } from '../similar/training-lists';

/** Where a "these two questions ask the same thing" link comes from. */
export type SimilarityLinkSource = 'duplicate_close' | 'suggestion_click' | 'import';

export interface SimilarityLink {
  questionId: string;
  similarQuestionId: string;
}

export interface StoredModel {
  id: string;
  lastLinkId: string;
  snapshot: string;
}

const CHUNK = 1000;
const MODELS_KEPT = 3;

/** SQL on similarity_links (the training data) and similarity_models (fitted snapshots). */
@Injectable()
export class SimilarityLinksRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Idempotent (a replayed outbox row or a re-run import adds nothing); returns how many were new. */
  async add(links: readonly SimilarityLink[], source: SimilarityLinkSource): Promise<number> {
    let added = 0;
    for (let i = 0; i < links.length; i += CHUNK) {
      const rows = links
        .slice(i, i + CHUNK)
        .filter((l) => l.questionId !== l.similarQuestionId)
        .map((l) => [l.questionId, l.similarQuestionId, source]);
      if (rows.length === 0) continue;
      const res = (await this.db.query(
        'INSERT IGNORE INTO similarity_links (question_id, similar_question_id, source) VALUES ?',
        [rows],
      )) as { affectedRows: number };
      added += res.affectedRows;
    }
    return added;
  }

  async lastLinkId(): Promise<string> {
    const [row] = (await this.db.query('SELECT COALESCE(MAX(id), 0) AS id FROM similarity_links')) as {
      id: string;
    }[];
    return String(row.id);
  }

  async countAfter(linkId: string): Promise<number> {
    const [row] = (await this.db.query('SELECT COUNT(*) AS n FROM similarity_links WHERE id > ?', [
      linkId,
    ])) as { n: string }[];
    return Number(row.n);
  }

  /**
   * Every linked question with the questions it is linked to, in both directions: "A duplicates B"
   * teaches that B's text should rank high for A's and the other way round.
   */
  /** Linked questions (both directions) through `upToLinkId`; `keep` selects a split of the links. */
  async groups(upToLinkId: string, keep?: (a: string, b: string) => boolean): Promise<LinkGroup[]> {
    const rows = (await this.db.query(
      'SELECT question_id AS a, similar_question_id AS b FROM similarity_links WHERE id <= ?',
      [upToLinkId],
    )) as { a: string; b: string }[];
    const linked = new Map<string, Set<string>>();
    const add = (from: string, to: string): void => {
      let s = linked.get(from);
      if (!s) linked.set(from, (s = new Set()));
      s.add(to);
    };
    for (const { a, b } of rows) {
      if (keep && !keep(String(a), String(b))) continue;
      add(String(a), String(b));
      add(String(b), String(a));
    }
    return [...linked].map(([questionId, linkedIds]) => ({ questionId, linkedIds }));
  }

  async saveModel(lastLinkId: string, lists: number, snapshot: string): Promise<string> {
    const res = (await this.db.query(
      'INSERT INTO similarity_models (last_link_id, lists, snapshot) VALUES (?, ?, ?)',
      [lastLinkId, lists, snapshot],
    )) as { insertId: number | string };
    // Older snapshots are only kept for a look back; restarts read the newest.
    await this.db.query(
      `DELETE FROM similarity_models WHERE id <= (SELECT id FROM (SELECT id FROM similarity_models ORDER BY id DESC LIMIT 1 OFFSET ?) AS old)`,
      [MODELS_KEPT],
    );
    return String(res.insertId);
  }

  async latestModelId(): Promise<string | null> {
    const [row] = (await this.db.query('SELECT MAX(id) AS id FROM similarity_models')) as {
      id: string | null;
    }[];
    return row.id === null ? null : String(row.id);
  }

  async latestModel(): Promise<StoredModel | null> {
    const [row] = (await this.db.query(
      'SELECT id, last_link_id AS lastLinkId, snapshot FROM similarity_models ORDER BY id DESC LIMIT 1',
    )) as StoredModel[];
    return row ? { id: String(row.id), lastLinkId: String(row.lastLinkId), snapshot: row.snapshot } : null;
  }
}
