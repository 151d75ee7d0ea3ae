import { Actor, requireAdmin } from '@app/accounts';
import { AppError, RequestContext, cleanText, inTransaction, keyedLoader } from '@app/core';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { CategoryFieldEntity } from '../entities/category-field.entity';
import { CategoryEntity } from '../entities/category.entity';
import {
  Detail,
  TEMPLATE_KEY_PATTERN,
  checkTemplateKey,
  cleanTemplateFields,
  renderDetails,
} from './category-details';
import { Category, UpsertCategoryInput } from './category.models';

function toCategory(e: CategoryEntity): Category {
  const fields = [...(e.fields ?? [])].sort((a, b) => a.position - b.position);
  return {
    key: e.key,
    name: e.name,
    position: e.position,
    fields: fields.map((f) => ({ key: f.fieldKey, label: f.label, required: f.required })),
  };
}

export interface CategorizedBody {
  categoryKey: string | null;
  /** The Markdown section to append to the body ('' when there is none). */
  section: string;
}

/** Question categories and their templates, stored in MySQL so admins change them without a deploy. */
@Injectable()
export class CategoriesService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(): Promise<Category[]> {
    const rows = await this.db
      .getRepository(CategoryEntity)
      .find({ relations: { fields: true }, order: { position: 'ASC', key: 'ASC' } });
    return rows.map(toCategory);
  }

  async findByKeys(keys: readonly string[]): Promise<Category[]> {
    if (keys.length === 0) return [];
    const rows = await this.db
      .getRepository(CategoryEntity)
      .find({ where: { key: In([...keys]) }, relations: { fields: true } });
    return rows.map(toCategory);
  }

  loader(ctx: RequestContext): DataLoader<string, Category | null> {
    return ctx.loader('categories.byKey', () =>
      keyedLoader<string, Category>(
        (keys) => this.findByKeys(keys),
        (c) => c.key,
      ),
    );
  }

  /** Validates askQuestion's category and details; returns what to store and append to the body. */
  async forQuestion(
    categoryKey: string | null | undefined,
    details: readonly Detail[] | null | undefined,
  ): Promise<CategorizedBody> {
    if (categoryKey === null || categoryKey === undefined) {
      if (details && details.length > 0) throw AppError.badInput('details need a category', 'category');
      return { categoryKey: null, section: '' };
    }
    const [category] = TEMPLATE_KEY_PATTERN.test(categoryKey) ? await this.findByKeys([categoryKey]) : [];
    if (!category) throw AppError.badInput('category is not a known category key', 'category');
    return { categoryKey: category.key, section: renderDetails(category, details ?? []) };
  }

  /** Admin only: creates or renames a category and replaces all of its fields. */
  async upsert(actor: Actor, input: UpsertCategoryInput): Promise<Category> {
    requireAdmin(actor);
    const key = checkTemplateKey(input.key, 'key');
    const name = cleanText(input.name, { field: 'name', min: 1, max: 20, singleLine: true });
    const fields = cleanTemplateFields(input.fields);
    const position = input.position;
    if (position !== null && position !== undefined && (position < 0 || position > 1000)) {
      throw AppError.badInput('position must be between 0 and 1000', 'position');
    }
    await inTransaction(this.db, async (m) => {
      const existing = await m
        .createQueryBuilder(CategoryEntity, 'c')
        .setLock('pessimistic_write')
        .where('c.key = :key', { key })
        .getOne();
      if (existing) {
        await m.update(CategoryEntity, { key }, { name, position: position ?? existing.position });
      } else {
        const [row] = await m.query('SELECT COALESCE(MAX(position), 0) + 1 AS next FROM categories');
        await m.insert(CategoryEntity, { key, name, position: position ?? Number(row.next) });
      }
      await m.delete(CategoryFieldEntity, { categoryKey: key });
      if (fields.length > 0) {
        await m.insert(
          CategoryFieldEntity,
          fields.map((f, i) => ({
            categoryKey: key,
            fieldKey: f.key,
            label: f.label,
            required: f.required,
            position: i + 1,
          })),
        );
      }
    });
    const [saved] = await this.findByKeys([key]);
    return saved;
  }
}
